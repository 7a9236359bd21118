package org.gongkai.consultation.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.consultation.ConsultationScope;
import org.gongkai.consultation.internal.ConsultationViews.State;
import org.gongkai.shared.storage.FileTypes;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.IntakeMetrics;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes comments while a consultation is open: from the public on a public one, from the agency's
 * own staff on an internal one (their name and account standing in for a contact). A comment is
 * pending until moderated; the form question it answered is spent in the same transaction.
 */
@Service
class CommentIntake {

  /** A comment's attachment: a few scanned pages, not an archive. */
  static final long MAX_PUBLIC_ATTACHMENT = 10L * 1024 * 1024;

  static final int MAX_BODY = 5000;

  private final ConsultationRepository repository;
  private final ConsultationReader reader;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final StoredFiles files;
  private final TransactionTemplate transactions;
  private final Challenge challenge;
  private final IntakeMetrics intake;
  private final Clock clock;
  private final boolean contactRequired;
  private final boolean nameRequired;

  CommentIntake(
      ConsultationRepository repository,
      ConsultationReader reader,
      StaffAccess access,
      AuditTrail audit,
      StoredFiles files,
      TransactionTemplate transactions,
      Challenge challenge,
      IntakeMetrics intake,
      Clock clock,
      ConsultationProperties settings) {
    this.repository = repository;
    this.reader = reader;
    this.access = access;
    this.audit = audit;
    this.files = files;
    this.transactions = transactions;
    this.challenge = challenge;
    this.intake = intake;
    this.clock = clock;
    this.contactRequired = settings.contactRequired();
    this.nameRequired = settings.nameRequired();
  }

  boolean contactRequired() {
    return contactRequired;
  }

  boolean nameRequired() {
    return nameRequired;
  }

  /**
   * A comment as written; {@code altcha} carries the solved proof of work (see {@code GET
   * /api/v1/challenge}).
   */
  record CommentForm(Integer paragraph, String name, String contact, String body, String altcha) {}

  record Upload(String fileName, byte[] content) {}

  /**
   * Takes a comment; {@code solved} is the form question the public answered, spent with the
   * comment (null from staff).
   */
  long comment(long id, CommentForm form, Upload upload, Challenge.Solved solved) {
    Optional<Staff> staff = access.currentIfAny();
    ConsultationRow r = reader.visible(id, staff);
    State state = r.state(LocalDate.now(clock));
    if (state != State.OPEN) {
      throw Refusal.conflict(
          state == State.CLOSED ? "consultation.closed" : "consultation.not-open", r.closesOn());
    }
    boolean internal = r.scope() == ConsultationScope.INTERNAL;
    String contact = internal ? staff.map(Staff::username).orElse(null) : form.contact();
    String name = internal ? staff.map(Staff::displayName).orElse(null) : form.name();
    check(r, form, internal, contact, name, upload);
    StoredFiles.StoredFile stored =
        upload == null || upload.content() == null || upload.content().length == 0
            ? null
            : files.store(
                Consultations.FILES,
                upload.fileName(),
                new ByteArrayInputStream(upload.content()),
                StoredFiles.Limits.fromThePublic(
                    MAX_PUBLIC_ATTACHMENT,
                    FileTypes.FROM_THE_PUBLIC,
                    () ->
                        Refusal.invalidField(
                            "attachment",
                            "consultation.attachment.size",
                            MAX_PUBLIC_ATTACHMENT / 1024 / 1024),
                    () -> Refusal.invalidField("attachment", "attachment.public-type")));
    Long created =
        transactions.execute(
            tx -> {
              if (solved != null) {
                challenge.spend(solved);
              }
              long commentId =
                  repository.insertComment(
                      new ConsultationRepository.NewComment(
                          id,
                          form.paragraph(),
                          Consultations.blankToNull(name),
                          Consultations.blankToNull(contact),
                          form.body().strip(),
                          stored,
                          Instant.now(clock)));
              audit.record(
                  staff.map(Staff::username).orElse("public"),
                  "consultation.comment.submitted",
                  "consultation-comment",
                  commentId,
                  "consultation " + id);
              return commentId;
            });
    intake.accepted("comment");
    return created;
  }

  private void check(
      ConsultationRow r,
      CommentForm form,
      boolean internal,
      String contact,
      String name,
      Upload upload) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (form.body() == null || form.body().isBlank() || form.body().length() > MAX_BODY) {
      problems.add(new Refusal.FieldProblem("body", "consultation.comment.body"));
    }
    if (!internal && contactRequired && (contact == null || contact.isBlank())) {
      problems.add(new Refusal.FieldProblem("contact", "consultation.comment.contact"));
    }
    if (contact != null && contact.length() > 200) {
      problems.add(new Refusal.FieldProblem("contact", "field.too-long"));
    }
    if (nameRequired && (name == null || name.isBlank())) {
      problems.add(new Refusal.FieldProblem("name", "consultation.comment.name"));
    }
    if (name != null && name.length() > 100) {
      problems.add(new Refusal.FieldProblem("name", "field.too-long"));
    }
    int paragraphs = r.paragraphs().size();
    if (form.paragraph() != null && (form.paragraph() < 1 || form.paragraph() > paragraphs)) {
      problems.add(
          new Refusal.FieldProblem("paragraph", "consultation.comment.paragraph", paragraphs));
    }
    if (upload != null
        && upload.content() != null
        && upload.content().length > MAX_PUBLIC_ATTACHMENT) {
      problems.add(
          new Refusal.FieldProblem(
              "attachment", "consultation.attachment.size", MAX_PUBLIC_ATTACHMENT / 1024 / 1024));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
  }
}
