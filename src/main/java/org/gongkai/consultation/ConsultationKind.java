package org.gongkai.consultation;

/**
 * What a consultation asks of the public: comments on a draft (征求意见), or objections to a notice
 * (公示). Each kind has its own minimum period.
 */
public enum ConsultationKind {
  CALL_FOR_COMMENTS,
  PUBLIC_NOTICE
}
