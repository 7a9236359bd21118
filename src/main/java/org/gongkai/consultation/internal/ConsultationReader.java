package org.gongkai.consultation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.consultation.internal.ConsultationViews.Adoption;
import org.gongkai.consultation.internal.ConsultationViews.CommentState;
import org.gongkai.consultation.internal.ConsultationViews.State;
import org.gongkai.shared.privacy.PersonalData;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;

/**
 * Consultations as the public, the console and the API see them. An internal one answers 404 to
 * everyone but the agency's staff, as if it did not exist; the public sees published comments only,
 * and never a commenter's contact.
 */
@Service
class ConsultationReader {

  private final ConsultationRepository repository;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final StoredFiles files;
  private final Clock clock;

  ConsultationReader(
      ConsultationRepository repository,
      AgencyDirectory agencies,
      StaffAccess access,
      StoredFiles files,
      Clock clock) {
    this.repository = repository;
    this.agencies = agencies;
    this.access = access;
    this.files = files;
    this.clock = clock;
  }

  /**
   * Published consultations the visitor may see; {@code stateFilter} is blank, "open" or "closed".
   */
  List<ConsultationViews.Summary> list(String agencyCode, String stateFilter) {
    Long agencyId = null;
    if (agencyCode != null && !agencyCode.isBlank()) {
      agencyId =
          agencies
              .findByCode(agencyCode.trim())
              .orElseThrow(() -> Refusal.notFound("agency.not-found"))
              .id();
    }
    LocalDate today = LocalDate.now(clock);
    List<ConsultationRow> rows;
    if ("open".equals(stateFilter)) {
      rows = repository.published(agencyId, today, null);
    } else if ("closed".equals(stateFilter)) {
      rows = repository.published(agencyId, null, today);
    } else if (stateFilter == null || stateFilter.isBlank()) {
      rows = repository.published(agencyId, null, null);
    } else {
      throw Refusal.invalidField("state", "consultation.state.filter");
    }
    Optional<Staff> staff = access.currentIfAny();
    return rows.stream().filter(r -> visible(r, staff)).map(this::summary).toList();
  }

  List<ConsultationViews.Summary> listForStaff(Staff actor) {
    Set<Long> scope = access.agencyScope(actor);
    if (scope.isEmpty()) {
      return List.of();
    }
    return repository.ofAgencies(scope).stream().map(this::summary).toList();
  }

  /** Public consultations whose draft or final document this is. */
  List<ConsultationViews.Summary> forDocument(long documentId) {
    return repository.ofDocument(documentId).stream().map(this::summary).toList();
  }

  ConsultationViews.Consultation get(long id, boolean forStaff) {
    Optional<Staff> staff = access.currentIfAny();
    ConsultationRow r;
    if (forStaff) {
      r = repository.find(id).orElseThrow(() -> Refusal.notFound("consultation.not-found"));
      access.requireAgency(access.current(), r.agencyId());
    } else {
      r = published(id, staff);
    }
    boolean fullContacts = forStaff && staff.map(Staff::personalData).orElse(false);
    List<ConsultationViews.Comment> comments =
        repository.comments(id, forStaff).stream()
            .map(c -> forStaff ? withContact(c, fullContacts) : withoutStaffDetails(c))
            .toList();
    State state = r.state(LocalDate.now(clock));
    Agency agency = agencies.get(r.agencyId());
    return new ConsultationViews.Consultation(
        r.id(),
        agency.code(),
        agency.name(),
        r.kind(),
        r.scope(),
        r.title(),
        r.paragraphs(),
        r.opensOn(),
        r.closesOn(),
        state,
        repository.attachments(id),
        forStaff || r.feedbackText() != null || state != State.DRAFT ? comments : List.of(),
        feedback(r, comments),
        r.draftDocumentId(),
        r.finalDocumentId());
  }

  /**
   * A published consultation the visitor may see; 404 for a draft or another agency's internal one.
   */
  private ConsultationRow published(long id, Optional<Staff> staff) {
    return repository
        .find(id)
        .filter(r -> r.published() && visible(r, staff))
        .orElseThrow(() -> Refusal.notFound("consultation.not-found"));
  }

  /** The consultation, if the visitor (staff or not) may see it and comment on it. */
  ConsultationRow visible(long id, Optional<Staff> staff) {
    return repository
        .find(id)
        .filter(r -> visible(r, staff))
        .orElseThrow(() -> Refusal.notFound("consultation.not-found"));
  }

  Optional<byte[]> attachment(long id, long attachmentId) {
    published(id, access.currentIfAny());
    return repository
        .attachmentSha256(id, attachmentId)
        .flatMap(sha -> files.read(Consultations.FILES, sha));
  }

  record CommentAttachment(String name, String contentType, byte[] content) {}

  /**
   * A comment's attachment, for the agency's staff only: the public never downloads what others
   * sent.
   */
  CommentAttachment commentAttachment(long id, long commentId, Staff actor) {
    ConsultationRow r =
        repository.find(id).orElseThrow(() -> Refusal.notFound("consultation.not-found"));
    access.requireAgency(actor, r.agencyId());
    var file =
        repository
            .commentFile(id, commentId)
            .orElseThrow(() -> Refusal.notFound("attachment.not-found"));
    byte[] content =
        files
            .read(Consultations.FILES, file.sha256())
            .orElseThrow(() -> Refusal.gone("attachment.not-found"));
    return new CommentAttachment(file.name(), file.contentType(), content);
  }

  private static ConsultationViews.Feedback feedback(
      ConsultationRow r, List<ConsultationViews.Comment> comments) {
    if (r.feedbackText() == null) {
      return null;
    }
    List<ConsultationViews.Comment> answered =
        comments.stream().filter(c -> c.state() == CommentState.PUBLISHED).toList();
    return new ConsultationViews.Feedback(
        count(answered, Adoption.ADOPTED),
        count(answered, Adoption.PARTLY_ADOPTED),
        count(answered, Adoption.NOT_ADOPTED),
        r.feedbackText(),
        r.feedbackAt());
  }

  private static long count(List<ConsultationViews.Comment> comments, Adoption adoption) {
    return comments.stream().filter(c -> c.adoption() == adoption).count();
  }

  /** A commenter's contact: in full for staff with the personal-data permission, else masked. */
  private static ConsultationViews.Comment withContact(ConsultationViews.Comment c, boolean full) {
    return new ConsultationViews.Comment(
        c.id(),
        c.paragraph(),
        c.authorName(),
        full ? c.contact() : PersonalData.phone(c.contact()),
        c.body(),
        c.hasAttachment(),
        c.state(),
        c.moderationReason(),
        c.adoption(),
        c.adoptionReason(),
        c.submittedAt());
  }

  private static ConsultationViews.Comment withoutStaffDetails(ConsultationViews.Comment c) {
    return new ConsultationViews.Comment(
        c.id(),
        c.paragraph(),
        c.authorName(),
        null,
        c.body(),
        c.hasAttachment(),
        c.state(),
        null,
        c.adoption(),
        c.adoptionReason(),
        c.submittedAt());
  }

  private ConsultationViews.Summary summary(ConsultationRow r) {
    Agency agency = agencies.get(r.agencyId());
    return new ConsultationViews.Summary(
        r.id(),
        agency.code(),
        agency.name(),
        r.kind(),
        r.scope(),
        r.title(),
        r.opensOn(),
        r.closesOn(),
        r.state(LocalDate.now(clock)),
        r.publishedComments());
  }

  private boolean visible(ConsultationRow r, Optional<Staff> staff) {
    return r.publicScope() || staff.map(s -> access.mayWorkOn(s, r.agencyId())).orElse(false);
  }
}
