package org.gongkai.catalog.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.Column;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.EditionState;
import org.gongkai.catalog.Editorial;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents published elsewhere before, brought in by an administrator as published on their
 * original date, approved and with their attachments; with their old index number, when they had
 * one, and the address they were published at.
 */
@Component
@Transactional
class PublishedImport {

  private final EditionRepository editions;
  private final DocumentForms forms;
  private final DraftAttachments attachments;
  private final Publication publication;
  private final IndexNumbers indexNumbers;
  private final PersonalDataGate personalData;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final Clock clock;

  PublishedImport(
      EditionRepository editions,
      DocumentForms forms,
      DraftAttachments attachments,
      Publication publication,
      IndexNumbers indexNumbers,
      PersonalDataGate personalData,
      StaffAccess access,
      AuditTrail audit,
      Clock clock) {
    this.editions = editions;
    this.forms = forms;
    this.attachments = attachments;
    this.publication = publication;
    this.indexNumbers = indexNumbers;
    this.personalData = personalData;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** What an import is refused for, checked before anything is written. */
  record Checked(Agency agency, Column column, String body) {}

  Checked check(
      DocumentForm form,
      List<Editorial.Upload> uploads,
      Editorial.Provenance provenance,
      Staff actor) {
    Agency agency = forms.agencyOf(form);
    access.requireAdministrator(actor, agency.id());
    Column column = forms.checkedColumn(form, agency);
    String body = forms.checkedBody(form);
    forms.checkMetadata(form, null);
    String indexNumber = provenance.indexNumber();
    if (indexNumber != null && editions.indexNumberTaken(indexNumber)) {
      throw Refusal.conflict("document.index-number.taken", indexNumber);
    }
    // The platform's own documents (the demo, its reports) come in by the plain entry point; what
    // comes from elsewhere is screened, as a draft would be on its way out.
    if (provenance != Editorial.Provenance.NONE) {
      personalData.importing(form.getTitle(), body, uploads, agency.id());
    }
    return new Checked(agency, column, body);
  }

  long importPublished(
      DocumentForm form,
      Instant publishedAt,
      List<Editorial.Upload> uploads,
      Editorial.Provenance provenance,
      Staff actor) {
    Checked checked = check(form, uploads, provenance, actor);
    long documentId =
        editions.insertDocument(
            checked.agency().id(), actor.username(), publishedAt, provenance.sourceUrl());
    if (provenance.indexNumber() != null) {
      LocalDate publishedOn = LocalDate.ofInstant(publishedAt, clock.getZone());
      editions.setIndexNumber(documentId, provenance.indexNumber(), publishedOn);
      indexNumbers.movePast(checked.agency().code(), provenance.indexNumber());
    }
    long editionId =
        editions.insertEdition(
            documentId,
            1,
            EditionState.APPROVED,
            form,
            checked.column().id(),
            checked.body(),
            actor.username(),
            publishedAt);
    editions.replaceInterpretationLinks(documentId, form.getInterpretationOf());
    editions.recordReview(editionId, true, null, actor.username(), publishedAt);
    attachments.addAll(editionId, uploads);
    audit.record(actor.username(), "document.imported", "document", documentId, form.getTitle());
    publication.publishNow(
        editions.document(documentId).orElseThrow(),
        editions.edition(editionId).orElseThrow(),
        actor.username(),
        publishedAt);
    return documentId;
  }
}
