package org.gongkai.catalog.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.Attachment;
import org.gongkai.catalog.Edition;
import org.gongkai.catalog.Editorial;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The attachments of a draft: added and removed while it is a draft, or brought in with an import.
 */
@Component
@Transactional
class DraftAttachments {

  private final EditionRepository editions;
  private final WorkingEditions workingEditions;
  private final AttachmentStore attachmentStore;
  private final AuditTrail audit;

  DraftAttachments(
      EditionRepository editions,
      WorkingEditions workingEditions,
      AttachmentStore attachmentStore,
      AuditTrail audit) {
    this.editions = editions;
    this.workingEditions = workingEditions;
    this.attachmentStore = attachmentStore;
    this.audit = audit;
  }

  Attachment add(long documentId, String fileName, InputStream content, Staff actor) {
    Edition working = workingEditions.lockedDraft(documentId, actor);
    String name = DocumentForms.cleanFileName(fileName);
    AttachmentStore.Stored stored = attachmentStore.store(content, name);
    long id =
        editions.insertAttachment(
            working.id(), name, stored.mediaType(), stored.size(), stored.sha256());
    audit.record(
        actor.username(),
        "document.attachment-added",
        "document",
        documentId,
        name + " " + stored.sha256());
    return new Attachment(id, name, stored.mediaType(), stored.size(), stored.sha256());
  }

  void remove(long documentId, long attachmentId, Staff actor) {
    Edition working = workingEditions.lockedDraft(documentId, actor);
    if (editions.deleteAttachment(working.id(), attachmentId) == 0) {
      throw Refusal.notFound("attachment.not-found");
    }
    audit.record(
        actor.username(),
        "document.attachment-removed",
        "document",
        documentId,
        String.valueOf(attachmentId));
  }

  /** Stores uploaded files as the attachments of an edition being imported. */
  void addAll(long editionId, List<Editorial.Upload> uploads) {
    for (Editorial.Upload upload : uploads) {
      String name = DocumentForms.cleanFileName(upload.fileName());
      AttachmentStore.Stored stored =
          attachmentStore.store(new ByteArrayInputStream(upload.content()), name);
      editions.insertAttachment(
          editionId, name, stored.mediaType(), stored.size(), stored.sha256());
    }
  }
}
