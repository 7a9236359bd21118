package org.gongkai.audit;

import java.util.List;

/**
 * Records every state change of a document, request, comment or account. Nothing is ever deleted.
 */
public interface AuditTrail {

  void record(String actor, String action, String subjectType, Object subjectId, String detail);

  List<AuditEntry> forSubject(String subjectType, Object subjectId);

  List<AuditEntry> latest(int limit);

  /**
   * The chain's head as sealed so far (records committed in the last seconds are not in it yet).
   */
  AuditChainHead chainHead();
}
