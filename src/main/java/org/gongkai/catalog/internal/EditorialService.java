package org.gongkai.catalog.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.Attachment;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.catalog.DocumentWithdrawn;
import org.gongkai.catalog.Edition;
import org.gongkai.catalog.EditionState;
import org.gongkai.catalog.Editorial;
import org.gongkai.catalog.EditorialDocument;
import org.gongkai.catalog.EditorialQuery;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional
class EditorialService implements Editorial {

  private final EditionRepository editions;
  private final Publication publication;
  private final AttachmentStore attachmentStore;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final EditorialListing listing;
  private final DocumentForms forms;

  EditorialService(
      EditionRepository editions,
      Publication publication,
      AttachmentStore attachmentStore,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      EditorialListing listing,
      DocumentForms forms) {
    this.listing = listing;
    this.forms = forms;
    this.editions = editions;
    this.publication = publication;
    this.attachmentStore = attachmentStore;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public EditorialDocument get(long documentId, Staff actor) {
    EditionRepository.DocumentRow doc =
        editions.document(documentId).orElseThrow(() -> Refusal.notFound("document.not-found"));
    access.requireAgency(actor, doc.agencyId());
    List<Edition> all = editions.editions(documentId);
    Edition working =
        all.stream()
            .filter(e -> e.state().isPrePublication())
            .findFirst()
            .orElse(all.get(all.size() - 1));
    String code = agencies.get(doc.agencyId()).code();
    return new EditorialDocument(
        doc.id(),
        doc.agencyId(),
        code,
        doc.indexNumber(),
        working,
        all,
        editions.interpretationOf(documentId));
  }

  @Override
  @Transactional(readOnly = true)
  public PageResult<DocumentSummary> list(EditorialQuery query, Staff actor) {
    Set<Long> scope = access.agencyScope(actor);
    if (query.agencyId() != null) {
      access.requireAgency(actor, query.agencyId());
      scope = Set.of(query.agencyId());
    }
    if (scope.isEmpty()) {
      return new PageResult<>(List.of(), 0, query.page(), query.size());
    }
    return listing.page(query, scope);
  }

  @Override
  public long createDraft(DocumentForm form, Staff actor) {
    Agency agency = forms.agencyOf(form);
    access.requireAgency(actor, agency.id());
    Column column = forms.checkedColumn(form, agency);
    String body = forms.checkedBody(form);
    forms.checkMetadata(form, null);
    Instant now = Instant.now(clock);
    long documentId = editions.insertDocument(agency.id(), actor.username(), now);
    editions.insertEdition(
        documentId, 1, EditionState.DRAFT, form, column.id(), body, actor.username(), now);
    editions.replaceInterpretationLinks(documentId, form.getInterpretationOf());
    audit.record(actor.username(), "document.created", "document", documentId, form.getTitle());
    return documentId;
  }

  @Override
  public void updateDraft(long documentId, DocumentForm form, Staff actor) {
    EditionRepository.DocumentRow doc = lockedDocument(documentId, actor);
    Edition working = workingEdition(documentId);
    if (working.state() != EditionState.DRAFT) {
      throw Refusal.conflict("document.not-editable");
    }
    Agency agency = agencies.get(doc.agencyId());
    if (form.getAgency() != null
        && !form.getAgency().isBlank()
        && !agency.code().equalsIgnoreCase(form.getAgency().trim())) {
      throw Refusal.invalidField("agency", "document.agency.fixed");
    }
    Column column = forms.checkedColumn(form, agency);
    String body = forms.checkedBody(form);
    forms.checkMetadata(form, documentId);
    int expected = form.getLockVersion() == null ? working.lockVersion() : form.getLockVersion();
    if (!editions.updateEdition(
        working.id(), expected, form, column.id(), body, actor.username(), Instant.now(clock))) {
      throw Refusal.conflict("document.stale");
    }
    editions.replaceInterpretationLinks(documentId, form.getInterpretationOf());
    audit.record(
        actor.username(),
        "document.edited",
        "document",
        documentId,
        "edition " + working.editionNumber() + ": " + form.getTitle());
  }

  @Override
  public void submit(long documentId, Staff actor) {
    lockedDocument(documentId, actor);
    move(documentId, WorkflowStep.SUBMIT, actor, null);
  }

  @Override
  public void approve(
      long documentId, boolean confidentialityChecked, String comment, Staff actor) {
    EditionRepository.DocumentRow doc = lockedDocument(documentId, actor);
    access.requireReviewer(actor, doc.agencyId());
    if (!confidentialityChecked) {
      throw Refusal.invalidField("confidentialityChecked", "review.confidentiality.required");
    }
    boolean waived =
        access.requireSecondPerson(actor, doc.agencyId(), authorsOfWorkingDraft(documentId));
    String detail = waived ? join(comment, StaffAccess.FOUR_EYES_WAIVED) : comment;
    Edition edition = move(documentId, WorkflowStep.APPROVE, actor, detail);
    editions.recordReview(
        edition.id(), true, blankToNull(detail), actor.username(), Instant.now(clock));
  }

  /**
   * Who wrote the draft now under review: everyone who created, edited or added to it since the
   * last publication.
   */
  private Set<String> authorsOfWorkingDraft(long documentId) {
    Set<String> authors = new HashSet<>();
    for (var entry : audit.forSubject("document", documentId)) {
      switch (entry.action()) {
        case "document.publish", "document.withdraw" -> authors.clear();
        case "document.created",
            "document.edited",
            "document.revision-started",
            "document.attachment-added",
            "document.attachment-removed",
            "document.imported",
            "document.submit" ->
            authors.add(entry.actor());
        default -> {}
      }
    }
    Edition working = workingEdition(documentId);
    if (working.updatedBy() != null && working.state() == EditionState.SUBMITTED) {
      authors.add(working.updatedBy());
    }
    return authors;
  }

  private static String join(String comment, String note) {
    return comment == null || comment.isBlank() ? note : comment.strip() + " " + note;
  }

  @Override
  public void reject(long documentId, String comment, Staff actor) {
    EditionRepository.DocumentRow doc = lockedDocument(documentId, actor);
    access.requireReviewer(actor, doc.agencyId());
    if (comment == null || comment.isBlank()) {
      throw Refusal.invalidField("comment", "review.comment.required");
    }
    Edition edition = move(documentId, WorkflowStep.REJECT, actor, comment);
    editions.recordReview(
        edition.id(), false, comment.trim(), actor.username(), Instant.now(clock));
  }

  @Override
  public void publish(long documentId, Instant at, Staff actor) {
    EditionRepository.DocumentRow doc = lockedDocument(documentId, actor);
    access.requireReviewer(actor, doc.agencyId());
    Edition working = workingEdition(documentId);
    if (working.disclosureMode() == DisclosureMode.NOT_DISCLOSED) {
      throw Refusal.conflict("document.not-disclosable");
    }
    Instant now = Instant.now(clock);
    if (at != null && at.isAfter(now)) {
      Edition edition = move(documentId, WorkflowStep.SCHEDULE, actor, at.toString());
      editions.recordSchedule(edition.id(), at);
      return;
    }
    publication.publishNow(doc, working, actor.username(), now);
  }

  @Override
  public void withdraw(long documentId, String reason, Staff actor) {
    EditionRepository.DocumentRow doc = lockedDocument(documentId, actor);
    access.requireReviewer(actor, doc.agencyId());
    if (reason == null || reason.isBlank()) {
      throw Refusal.invalidField("reason", "withdraw.reason.required");
    }
    Edition live =
        editions
            .liveEdition(documentId)
            .orElseThrow(() -> Refusal.conflict("document.not-published"));
    Instant now = Instant.now(clock);
    WorkflowStep.WITHDRAW.requireFrom(live.state());
    editions.transition(
        live.id(), EditionState.PUBLISHED, EditionState.WITHDRAWN, actor.username(), now);
    editions.recordWithdrawal(live.id(), reason.trim(), actor.username(), now);
    audit.record(actor.username(), "document.withdraw", "document", documentId, reason.trim());
    events.publishEvent(new DocumentWithdrawn(documentId, doc.agencyId(), doc.indexNumber(), now));
  }

  @Override
  public void startRevision(long documentId, Staff actor) {
    lockedDocument(documentId, actor);
    List<Edition> all = editions.editions(documentId);
    if (all.stream().anyMatch(e -> e.state().isPrePublication())) {
      throw Refusal.conflict("document.revision-open");
    }
    Edition live =
        all.stream()
            .filter(e -> e.state() == EditionState.PUBLISHED)
            .findFirst()
            .orElseThrow(() -> Refusal.conflict("document.not-published"));
    DocumentForm copy = DocumentForm.of(live, null, List.of());
    copy.setChangeNote(null);
    int number = all.stream().mapToInt(Edition::editionNumber).max().orElse(0) + 1;
    long editionId =
        editions.insertEdition(
            documentId,
            number,
            EditionState.DRAFT,
            copy,
            live.columnId(),
            live.bodyHtml(),
            actor.username(),
            Instant.now(clock));
    editions.copyAttachments(live.id(), editionId);
    audit.record(
        actor.username(), "document.revision-started", "document", documentId, "edition " + number);
  }

  @Override
  public Attachment addAttachment(
      long documentId, String fileName, InputStream content, Staff actor) {
    lockedDocument(documentId, actor);
    Edition working = workingEdition(documentId);
    if (working.state() != EditionState.DRAFT) {
      throw Refusal.conflict("document.not-editable");
    }
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

  @Override
  public void removeAttachment(long documentId, long attachmentId, Staff actor) {
    lockedDocument(documentId, actor);
    Edition working = workingEdition(documentId);
    if (working.state() != EditionState.DRAFT) {
      throw Refusal.conflict("document.not-editable");
    }
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

  @Override
  public long importPublished(
      DocumentForm form, Instant publishedAt, List<Upload> uploads, Staff actor) {
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
    for (Upload upload : uploads) {
      String name = DocumentForms.cleanFileName(upload.fileName());
      AttachmentStore.Stored stored =
          attachmentStore.store(new ByteArrayInputStream(upload.content()), name);
      editions.insertAttachment(
          editionId, name, stored.mediaType(), stored.size(), stored.sha256());
    }
    audit.record(actor.username(), "document.imported", "document", documentId, form.getTitle());
    publication.publishNow(
        editions.document(documentId).orElseThrow(),
        editions.edition(editionId).orElseThrow(),
        actor.username(),
        publishedAt);
    return documentId;
  }

  @Override
  @Transactional(propagation = Propagation.NEVER)
  public int publishDue() {
    return publication.publishDue();
  }

  private Edition move(long documentId, WorkflowStep step, Staff actor, String detail) {
    Edition working = workingEdition(documentId);
    step.requireFrom(working.state());
    if (!editions.transition(
        working.id(), working.state(), step.target(), actor.username(), Instant.now(clock))) {
      throw Refusal.conflict("document.stale");
    }
    audit.record(actor.username(), step.auditAction(), "document", documentId, detail);
    return working;
  }

  private EditionRepository.DocumentRow lockedDocument(long documentId, Staff actor) {
    EditionRepository.DocumentRow doc =
        editions.lockDocument(documentId).orElseThrow(() -> Refusal.notFound("document.not-found"));
    access.requireAgency(actor, doc.agencyId());
    return doc;
  }

  private Edition workingEdition(long documentId) {
    return editions
        .workingEdition(documentId)
        .orElseThrow(() -> Refusal.notFound("document.not-found"));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
