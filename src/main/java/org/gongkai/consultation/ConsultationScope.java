package org.gongkai.consultation;

/** Who may read and comment: the public, or only the staff of the platform. */
public enum ConsultationScope {
  PUBLIC,
  INTERNAL
}
