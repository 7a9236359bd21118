package org.gongkai.consultation.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.consultation.ConsultationChanged;
import org.gongkai.consultation.ConsultationDesk;
import org.gongkai.consultation.ConsultationKind;
import org.gongkai.consultation.ConsultationPublished;
import org.gongkai.consultation.ConsultationScope;
import org.gongkai.consultation.internal.ConsultationViews.Adoption;
import org.gongkai.consultation.internal.ConsultationViews.CommentState;
import org.gongkai.consultation.internal.ConsultationViews.State;
import org.gongkai.shared.storage.FileTypes;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls for comments and public notices, as the agency's staff run them: opened for a period no
 * shorter than the kind's minimum, published by a second person, every comment moderated, the
 * adoption feedback published after the close. The public's side is {@link CommentIntake}.
 */
@Service
class Consultations implements ConsultationDesk {

  static final String FILES = "consultation-files";
  static final long MAX_ATTACHMENT = 20L * 1024 * 1024;

  /** Drafts carry the same kinds of files as catalog attachments. */
  static final Set<FileTypes.Type> ACCEPTED = EnumSet.allOf(FileTypes.Type.class);

  private final ConsultationRepository repository;
  private final CommentIntake intake;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final WorkingCalendar calendar;
  private final StoredFiles files;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Map<ConsultationKind, Integer> minimumDays = new EnumMap<>(ConsultationKind.class);

  Consultations(
      ConsultationRepository repository,
      CommentIntake intake,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      WorkingCalendar calendar,
      StoredFiles files,
      TransactionTemplate transactions,
      Clock clock,
      ConsultationProperties settings) {
    this.repository = repository;
    this.intake = intake;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.calendar = calendar;
    this.files = files;
    this.transactions = transactions;
    this.clock = clock;
    this.minimumDays.put(
        ConsultationKind.CALL_FOR_COMMENTS, settings.minimumWorkingDays().callForComments());
    this.minimumDays.put(
        ConsultationKind.PUBLIC_NOTICE, settings.minimumWorkingDays().publicNotice());
  }

  record Form(
      String agency,
      ConsultationKind kind,
      ConsultationScope scope,
      String title,
      String draftText,
      LocalDate opensOn,
      LocalDate closesOn,
      Long draftDocumentId) {}

  long create(Form form, Staff actor) {
    Agency agency =
        agencies
            .findByCode(form.agency() == null ? "" : form.agency().trim())
            .orElseThrow(() -> Refusal.invalidField("agency", "consultation.agency.unknown"));
    access.requireAgency(actor, agency.id());
    check(form);
    return transactions.execute(
        tx -> {
          long id =
              repository.insert(
                  new ConsultationRepository.NewConsultation(
                      agency.id(),
                      form.kind(),
                      form.scope(),
                      form.title().strip(),
                      form.draftText().strip(),
                      form.opensOn(),
                      form.closesOn(),
                      form.draftDocumentId(),
                      actor.username(),
                      Instant.now(clock)));
          audit.record(actor.username(), "consultation.created", "consultation", id, form.title());
          return id;
        });
  }

  private void check(Form form) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (form.kind() == null) {
      problems.add(new Refusal.FieldProblem("kind", "consultation.kind.required"));
    }
    if (form.scope() == null) {
      problems.add(new Refusal.FieldProblem("scope", "consultation.scope.required"));
    }
    if (form.title() == null || form.title().isBlank() || form.title().length() > 300) {
      problems.add(new Refusal.FieldProblem("title", "consultation.title.required"));
    }
    if (form.draftText() == null || form.draftText().isBlank()) {
      problems.add(new Refusal.FieldProblem("draftText", "consultation.text.required"));
    }
    if (form.opensOn() == null || form.closesOn() == null) {
      problems.add(new Refusal.FieldProblem("closesOn", "consultation.dates.required"));
    } else if (form.kind() != null) {
      int minimum = minimumDays.get(form.kind());
      LocalDate earliest = calendar.current().addWorkingDays(form.opensOn(), minimum);
      if (form.closesOn().isBefore(earliest)) {
        problems.add(
            new Refusal.FieldProblem(
                "closesOn", "consultation.period.too-short", minimum, earliest));
      }
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
  }

  /** Publishes a call: a reviewer who did not write it (four eyes) makes it public. */
  void publish(long id, Staff actor) {
    transactions.executeWithoutResult(
        tx -> {
          ConsultationRow r = lockedForStaff(id, actor);
          if (r.published()) {
            throw Refusal.conflict("consultation.already-published");
          }
          access.requireReviewer(actor, r.agencyId());
          Set<String> authors = new HashSet<>();
          audit.forSubject("consultation", id).stream()
              .filter(
                  e ->
                      e.action().equals("consultation.created")
                          || e.action().equals("consultation.updated")
                          || e.action().equals("consultation.attachment.added"))
              .forEach(e -> authors.add(e.actor()));
          boolean waived = access.requireSecondPerson(actor, r.agencyId(), authors);
          repository.markPublished(id);
          events.publishEvent(new ConsultationPublished(id));
          audit.record(
              actor.username(),
              "consultation.published",
              "consultation",
              id,
              waived ? StaffAccess.FOUR_EYES_WAIVED : null);
        });
  }

  void addAttachment(long id, String fileName, byte[] content, Staff actor) {
    if (content == null || content.length == 0 || content.length > MAX_ATTACHMENT) {
      throw Refusal.invalidField(
          "file", "consultation.attachment.size", MAX_ATTACHMENT / 1024 / 1024);
    }
    transactions.executeWithoutResult(
        tx -> {
          lockedForStaff(id, actor);
          StoredFiles.StoredFile stored =
              files.store(
                  FILES,
                  fileName,
                  content,
                  ACCEPTED,
                  () -> Refusal.invalidField("file", "attachment.type"));
          repository.addAttachment(id, stored);
          events.publishEvent(new ConsultationChanged(id));
          audit.record(
              actor.username(), "consultation.attachment.added", "consultation", id, stored.name());
        });
  }

  void moderate(long id, long commentId, CommentState state, String reason, Staff actor) {
    if (state == null || state == CommentState.PENDING) {
      throw Refusal.invalidField("state", "consultation.moderation.state");
    }
    if (state == CommentState.HIDDEN && (reason == null || reason.isBlank())) {
      throw Refusal.invalidField("reason", "consultation.moderation.reason");
    }
    transactions.executeWithoutResult(
        tx -> {
          lockedForStaff(id, actor);
          if (!repository.moderate(
              id, commentId, state, blankToNull(reason), actor.username(), Instant.now(clock))) {
            throw Refusal.notFound("consultation.comment.not-found");
          }
          events.publishEvent(new ConsultationChanged(id));
          audit.record(
              actor.username(),
              "consultation.comment." + state.name().toLowerCase(),
              "consultation-comment",
              commentId,
              reason);
        });
  }

  void adopt(long id, long commentId, Adoption adoption, String reason, Staff actor) {
    transactions.executeWithoutResult(
        tx -> {
          requireClosed(lockedForStaff(id, actor));
          if (adoption == null) {
            throw Refusal.invalidField("adoption", "consultation.adoption.required");
          }
          if (!repository.adopt(id, commentId, adoption, blankToNull(reason))) {
            throw Refusal.notFound("consultation.comment.not-found");
          }
          events.publishEvent(new ConsultationChanged(id));
          audit.record(
              actor.username(),
              "consultation.comment.adoption",
              "consultation-comment",
              commentId,
              adoption.name());
        });
  }

  void publishFeedback(long id, String text, Long finalDocumentId, Staff actor) {
    transactions.executeWithoutResult(
        tx -> {
          requireClosed(lockedForStaff(id, actor));
          if (text == null || text.isBlank()) {
            throw Refusal.invalidField("text", "consultation.feedback.required");
          }
          long unanswered = repository.unansweredPublishedComments(id);
          if (unanswered > 0) {
            throw Refusal.conflict("consultation.feedback.unanswered", unanswered);
          }
          repository.recordFeedback(id, text.strip(), Instant.now(clock), finalDocumentId);
          events.publishEvent(new ConsultationChanged(id));
          audit.record(
              actor.username(),
              "consultation.feedback.published",
              "consultation",
              id,
              finalDocumentId == null ? null : "final document " + finalDocumentId);
        });
  }

  @Override
  public long open(
      String agencyCode,
      ConsultationKind kind,
      ConsultationScope scope,
      String title,
      String text,
      LocalDate opensOn,
      LocalDate closesOn,
      Staff author,
      Staff publisher) {
    long id =
        create(new Form(agencyCode, kind, scope, title, text, opensOn, closesOn, null), author);
    publish(id, publisher);
    return id;
  }

  @Override
  public long comment(
      long consultationId, Integer paragraph, String name, String contact, String body) {
    return intake.comment(
        consultationId,
        new CommentIntake.CommentForm(paragraph, name, contact, body, null),
        null,
        null);
  }

  @Override
  public void publishComment(long consultationId, long commentId, Staff actor) {
    moderate(consultationId, commentId, CommentState.PUBLISHED, null, actor);
  }

  private void requireClosed(ConsultationRow r) {
    if (r.state(LocalDate.now(clock)) != State.CLOSED) {
      throw Refusal.conflict("consultation.not-closed");
    }
  }

  private ConsultationRow lockedForStaff(long id, Staff actor) {
    ConsultationRow r =
        repository.lock(id).orElseThrow(() -> Refusal.notFound("consultation.not-found"));
    access.requireAgency(actor, r.agencyId());
    return r;
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
