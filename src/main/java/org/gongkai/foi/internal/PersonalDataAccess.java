package org.gongkai.foi.internal;

import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The gate to an applicant's personal data in full: only staff of the request's agency with the
 * personal-data permission pass, and every pass is recorded on the request and in the audit trail.
 */
@Component
class PersonalDataAccess {

  private final RequestRepository requests;
  private final RequestLedger ledger;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  PersonalDataAccess(
      RequestRepository requests,
      RequestLedger ledger,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions) {
    this.requests = requests;
    this.ledger = ledger;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
  }

  /** Checks the permission and records the view on the request and in the audit trail. */
  RequestRow open(long id, Staff actor, String what, String action) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    if (!actor.personalData()) {
      throw Refusal.forbidden("foi.personal-data.not-permitted");
    }
    transactions.executeWithoutResult(
        tx -> {
          requests.append(
              r.id(),
              RequestEvent.of(EventKind.PERSONAL_DATA_VIEWED, null, actor.username(), ledger.now())
                  .detail(what));
          audit.record(actor.username(), action, "foi-request", r.id(), what);
        });
    return r;
  }
}
