package org.gongkai.shared.jobs;

/**
 * What a {@link ClusterJob} method may take to learn that its node is stopping. A job that works
 * through a queue of rows, each deleted once done, checks it between rows and returns early: the
 * rows left wait for the next run, on this node or another, and the node's shutdown (a rolling
 * restart) does not wait for the whole queue.
 */
@FunctionalInterface
public interface JobRun {

  /** A run outside the scheduler (a test, a console button): nothing asks it to stop. */
  JobRun UNINTERRUPTED = () -> false;

  boolean stopping();
}
