package org.gongkai.imports.internal;

/** Where an import is: waiting for the job, running (or to be resumed), or at an end. */
enum ImportState {
  QUEUED,
  RUNNING,
  DONE,
  FAILED,
  CANCELLED;

  boolean active() {
    return this == QUEUED || this == RUNNING;
  }
}
