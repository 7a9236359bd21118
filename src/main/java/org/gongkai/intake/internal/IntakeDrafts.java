package org.gongkai.intake.internal;

import java.io.ByteArrayInputStream;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.Editorial;
import org.gongkai.intake.SplitAttachment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A draft made from a recognised document: the draft, the attachments the editor kept, and the
 * audit record of the intake, all in one transaction, so a refused attachment leaves no draft.
 */
@Service
class IntakeDrafts {

  private final Editorial editorial;
  private final AuditTrail audit;

  IntakeDrafts(Editorial editorial, AuditTrail audit) {
    this.editorial = editorial;
    this.audit = audit;
  }

  @Transactional
  long create(DocumentForm form, String fileName, List<SplitAttachment> files, Staff actor) {
    long id = editorial.createDraft(form, actor);
    for (SplitAttachment file : files) {
      editorial.addAttachment(id, file.fileName(), new ByteArrayInputStream(file.content()), actor);
    }
    audit.record(
        actor.username(),
        "document.intake",
        "document",
        id,
        (fileName.length() > 120 ? fileName.substring(0, 120) : fileName)
            + ", "
            + files.size()
            + " attachment(s) split out");
    return id;
  }
}
