package org.gongkai.foi.internal;

import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The files kept for a request that show the applicant's personal data: the identity copy and the
 * proofs of a step's date. Opening one passes {@link PersonalDataAccess}.
 */
@Component
class RequestFiles {

  private final RequestRepository requests;
  private final RequestLedger ledger;
  private final IdCopies idCopies;
  private final StepProofs proofs;
  private final PersonalDataAccess personalData;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  RequestFiles(
      RequestRepository requests,
      RequestLedger ledger,
      IdCopies idCopies,
      StepProofs proofs,
      PersonalDataAccess personalData,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions) {
    this.requests = requests;
    this.ledger = ledger;
    this.idCopies = idCopies;
    this.proofs = proofs;
    this.personalData = personalData;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
  }

  /**
   * Keeps an uploaded proof of a step's date for the request, before the step names it; audited.
   */
  StepProofs.Proof storeProof(long id, String fileName, byte[] content, Staff actor) {
    RequestRow r = requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, r.agencyId());
    return transactions.execute(
        tx -> {
          StepProofs.Proof proof =
              proofs.store(r.id(), fileName, content, actor.username(), ledger.now());
          audit.record(
              actor.username(), "foi.proof.uploaded", "foi-request", r.id(), proof.sha256());
          return proof;
        });
  }

  /**
   * The proof a step names, as uploaded: it shows the applicant's name and address, so it is for
   * the permitted, and the view is recorded.
   */
  StepProofs.Opened proof(long id, long eventId, Staff actor) {
    RequestRow existing =
        requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    access.requireAgency(actor, existing.agencyId());
    String sha =
        requests.events(id).stream()
            .filter(e -> e.id() == eventId && e.proof() != null)
            .map(RequestEvent::proof)
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("foi.proof.not-found"));
    RequestRow r = personalData.open(id, actor, "proof " + eventId, "foi.proof.viewed");
    return proofs.open(r.id(), sha);
  }

  IdCopies.Stored idCopy(long id, Staff actor) {
    RequestRow existing =
        requests.find(id).orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    if (existing.idCopySha256() == null) {
      throw Refusal.notFound("foi.id-copy.missing");
    }
    RequestRow r = personalData.open(id, actor, "id-copy", "foi.id-copy.viewed");
    return idCopies.open(r.idCopySha256(), r.idCopyName(), r.idCopyType());
  }
}
