package org.gongkai.catalog.internal;

import java.time.Instant;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.Column;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.EditionState;
import org.gongkai.catalog.Editorial;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Documents published elsewhere before, brought in by an administrator as published on their
 * original date, approved and with their attachments.
 */
@Component
@Transactional
class PublishedImport {

  private final EditionRepository editions;
  private final DocumentForms forms;
  private final DraftAttachments attachments;
  private final Publication publication;
  private final StaffAccess access;
  private final AuditTrail audit;

  PublishedImport(
      EditionRepository editions,
      DocumentForms forms,
      DraftAttachments attachments,
      Publication publication,
      StaffAccess access,
      AuditTrail audit) {
    this.editions = editions;
    this.forms = forms;
    this.attachments = attachments;
    this.publication = publication;
    this.access = access;
    this.audit = audit;
  }

  long importPublished(
      DocumentForm form, Instant publishedAt, List<Editorial.Upload> uploads, Staff actor) {
    Agency agency = forms.agencyOf(form);
    access.requireAdministrator(actor, agency.id());
    Column column = forms.checkedColumn(form, agency);
    String body = forms.checkedBody(form);
    forms.checkMetadata(form, null);
    long documentId = editions.insertDocument(agency.id(), actor.username(), publishedAt);
    long editionId =
        editions.insertEdition(
            documentId,
            1,
            EditionState.APPROVED,
            form,
            column.id(),
            body,
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
