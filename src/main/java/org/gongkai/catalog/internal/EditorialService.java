package org.gongkai.catalog.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
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
  private final WorkingEditions workingEditions;
  private final DraftReview review;
  private final DraftAttachments attachments;
  private final PublishedImport imports;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final EditorialListing listing;
  private final DocumentForms forms;
  private final PersonalDataGate personalData;

  EditorialService(
      EditionRepository editions,
      Publication publication,
      WorkingEditions workingEditions,
      DraftReview review,
      DraftAttachments attachments,
      PublishedImport imports,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      EditorialListing listing,
      DocumentForms forms,
      PersonalDataGate personalData) {
    this.personalData = personalData;
    this.listing = listing;
    this.forms = forms;
    this.editions = editions;
    this.publication = publication;
    this.workingEditions = workingEditions;
    this.review = review;
    this.attachments = attachments;
    this.imports = imports;
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
    EditionRepository.DocumentRow doc = workingEditions.lockedDocument(documentId, actor);
    Edition working = workingEditions.workingEdition(documentId);
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
    submit(documentId, null, actor);
  }

  @Override
  public void submit(long documentId, String personalDataReason, Staff actor) {
    EditionRepository.DocumentRow doc = workingEditions.lockedDocument(documentId, actor);
    Edition working = workingEditions.workingEdition(documentId);
    if (working.state() == EditionState.DRAFT) {
      personalData.submitting(working, doc.agencyId(), personalDataReason, actor);
    }
    workingEditions.move(documentId, WorkflowStep.SUBMIT, actor, null);
  }

  @Override
  public void approve(
      long documentId, boolean confidentialityChecked, String comment, Staff actor) {
    approve(documentId, confidentialityChecked, comment, null, actor);
  }

  @Override
  public void approve(
      long documentId,
      boolean confidentialityChecked,
      String comment,
      String personalDataJustification,
      Staff actor) {
    review.approve(documentId, confidentialityChecked, comment, personalDataJustification, actor);
  }

  @Override
  public void reject(long documentId, String comment, Staff actor) {
    review.reject(documentId, comment, actor);
  }

  @Override
  public void publish(long documentId, Instant at, Staff actor) {
    EditionRepository.DocumentRow doc = workingEditions.lockedDocument(documentId, actor);
    access.requireReviewer(actor, doc.agencyId());
    Edition working = workingEditions.workingEdition(documentId);
    if (working.disclosureMode() == DisclosureMode.NOT_DISCLOSED) {
      throw Refusal.conflict("document.not-disclosable");
    }
    Instant now = Instant.now(clock);
    if (at != null && at.isAfter(now)) {
      Edition edition =
          workingEditions.move(documentId, WorkflowStep.SCHEDULE, actor, at.toString());
      editions.recordSchedule(edition.id(), at);
      return;
    }
    personalData.publishing(working, doc.agencyId());
    publication.publishNow(doc, working, actor.username(), now);
  }

  @Override
  public void withdraw(long documentId, String reason, Staff actor) {
    EditionRepository.DocumentRow doc = workingEditions.lockedDocument(documentId, actor);
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
    workingEditions.lockedDocument(documentId, actor);
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
    return attachments.add(documentId, fileName, content, actor);
  }

  @Override
  public void removeAttachment(long documentId, long attachmentId, Staff actor) {
    attachments.remove(documentId, attachmentId, actor);
  }

  @Override
  public long importPublished(
      DocumentForm form, Instant publishedAt, List<Upload> uploads, Staff actor) {
    return imports.importPublished(form, publishedAt, uploads, Provenance.NONE, actor);
  }

  @Override
  public long importPublished(
      DocumentForm form,
      Instant publishedAt,
      List<Upload> uploads,
      Provenance provenance,
      Staff actor) {
    return imports.importPublished(form, publishedAt, uploads, provenance, actor);
  }

  @Override
  @Transactional(readOnly = true)
  public void checkImport(
      DocumentForm form, List<Upload> uploads, Provenance provenance, Staff actor) {
    imports.check(form, uploads, provenance, actor);
  }

  @Override
  @Transactional(propagation = Propagation.NEVER)
  public int publishDue() {
    return publication.publishDue();
  }
}
