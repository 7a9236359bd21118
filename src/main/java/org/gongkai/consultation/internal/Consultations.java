package org.gongkai.consultation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.site.PublicSiteVersion;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.consultation.internal.ConsultationViews.Adoption;
import org.gongkai.consultation.internal.ConsultationViews.CommentState;
import org.gongkai.consultation.internal.ConsultationViews.Kind;
import org.gongkai.consultation.internal.ConsultationViews.Scope;
import org.gongkai.consultation.internal.ConsultationViews.State;
import org.gongkai.shared.privacy.PersonalData;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.storage.FileTypes;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.IntakeMetrics;
import org.gongkai.shared.web.Refusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls for comments and public notices: opened for a period no shorter than the kind's minimum,
 * commented on while open, every comment moderated, the adoption feedback published after the
 * close. Internal ones are seen and commented on only by the agency's own staff.
 */
@Service
class Consultations implements org.gongkai.consultation.ConsultationDesk {

  static final String FILES = "consultation-files";
  static final long MAX_ATTACHMENT = 20L * 1024 * 1024;
  /** A comment's attachment: a few scanned pages, not an archive. */
  static final long MAX_PUBLIC_ATTACHMENT = 10L * 1024 * 1024;
  /** Drafts and comments carry the same kinds of files as catalog attachments. */
  static final Set<org.gongkai.shared.storage.FileTypes.Type> ACCEPTED =
      java.util.EnumSet.allOf(org.gongkai.shared.storage.FileTypes.Type.class);

  private final JdbcClient jdbc;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final PublicSiteVersion site;
  private final WorkingCalendar calendar;
  private final StoredFiles files;
  private final TransactionTemplate transactions;
  private final MessageSource messages;
  private final Clock clock;
  private final IntakeMetrics intake;
  private final Challenge challenge;
  private final PersonalDataCipher cipher;
  static final String CONTACT = "consultation_comment.contact";
  private final Map<Kind, Integer> minimumDays = new HashMap<>();
  private final boolean contactRequired;
  private final boolean nameRequired;

  Consultations(JdbcClient jdbc, AgencyDirectory agencies, StaffAccess access, AuditTrail audit, PublicSiteVersion site, WorkingCalendar calendar,
      StoredFiles files, TransactionTemplate transactions, MessageSource messages, Clock clock, IntakeMetrics intake,
      Challenge challenge, PersonalDataCipher cipher,
      @Value("${gongkai.consultation.minimum-working-days.call-for-comments:20}") int commentsMinimum,
      @Value("${gongkai.consultation.minimum-working-days.public-notice:5}") int noticeMinimum,
      @Value("${gongkai.consultation.contact-required:true}") boolean contactRequired,
      @Value("${gongkai.consultation.name-required:false}") boolean nameRequired) {
    this.jdbc = jdbc;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.site = site;
    this.calendar = calendar;
    this.files = files;
    this.transactions = transactions;
    this.messages = messages;
    this.clock = clock;
    this.intake = intake;
    this.challenge = challenge;
    this.cipher = cipher;
    this.minimumDays.put(Kind.CALL_FOR_COMMENTS, commentsMinimum);
    this.minimumDays.put(Kind.PUBLIC_NOTICE, noticeMinimum);
    this.contactRequired = contactRequired;
    this.nameRequired = nameRequired;
  }

  boolean contactRequired() {
    return contactRequired;
  }

  boolean nameRequired() {
    return nameRequired;
  }

  // ---- staff ----

  record Form(String agency, Kind kind, Scope scope, String title, String draftText, LocalDate opensOn,
      LocalDate closesOn, Long draftDocumentId) {}

  long create(Form form, Staff actor) {
    Agency agency = agencies.findByCode(form.agency() == null ? "" : form.agency().trim())
        .orElseThrow(() -> Refusal.invalidField("agency", "consultation.agency.unknown"));
    access.requireAgency(actor, agency.id());
    check(form);
    return transactions.execute(tx -> {
      GeneratedKeyHolder keys = new GeneratedKeyHolder();
      jdbc.sql("INSERT INTO consultation (agency_id, kind, scope, title, draft_text, opens_on, closes_on, draft_document_id,"
              + " created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .params(agency.id(), form.kind().name(), form.scope().name(), form.title().strip(), form.draftText().strip(),
              form.opensOn(), form.closesOn(), form.draftDocumentId(), actor.username(), Timestamps.toDb(Instant.now(clock)))
          .update(keys, "id");
      long id = keys.getKey().longValue();
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
        problems.add(new Refusal.FieldProblem("closesOn", "consultation.period.too-short", minimum, earliest));
      }
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
  }

  /** Publishes a call: a reviewer who did not write it (four eyes) makes it public. */
  void publish(long id, Staff actor) {
    transactions.executeWithoutResult(tx -> {
      Item r = lockedForStaff(id, actor);
      if (r.published) {
        throw Refusal.conflict("consultation.already-published");
      }
      access.requireReviewer(actor, r.agencyId);
      java.util.Set<String> authors = new java.util.HashSet<>();
      audit.forSubject("consultation", id).stream()
          .filter(e -> e.action().equals("consultation.created") || e.action().equals("consultation.updated")
              || e.action().equals("consultation.attachment.added"))
          .forEach(e -> authors.add(e.actor()));
      boolean waived = access.requireSecondPerson(actor, r.agencyId, authors);
      jdbc.sql("UPDATE consultation SET published = TRUE WHERE id = ?").param(id).update();
      site.changed();
      audit.record(actor.username(), "consultation.published", "consultation", id,
          waived ? StaffAccess.FOUR_EYES_WAIVED : null);
    });
  }

  void addAttachment(long id, String fileName, byte[] content, Staff actor) {
    if (content == null || content.length == 0 || content.length > MAX_ATTACHMENT) {
      throw Refusal.invalidField("file", "consultation.attachment.size", MAX_ATTACHMENT / 1024 / 1024);
    }
    transactions.executeWithoutResult(tx -> {
      lockedForStaff(id, actor);
      StoredFiles.StoredFile stored = files.store(FILES, fileName, content, ACCEPTED,
          () -> Refusal.invalidField("file", "attachment.type"));
      jdbc.sql("INSERT INTO consultation_attachment (consultation_id, file_name, content_type, sha256, size_bytes) VALUES (?, ?, ?, ?, ?)")
          .params(id, stored.name(), stored.contentType(), stored.sha256(), stored.size()).update();
      site.changed();
      audit.record(actor.username(), "consultation.attachment.added", "consultation", id, stored.name());
    });
  }

  void moderate(long id, long commentId, CommentState state, String reason, Staff actor) {
    if (state == null || state == CommentState.PENDING) {
      throw Refusal.invalidField("state", "consultation.moderation.state");
    }
    if (state == CommentState.HIDDEN && (reason == null || reason.isBlank())) {
      throw Refusal.invalidField("reason", "consultation.moderation.reason");
    }
    transactions.executeWithoutResult(tx -> {
      lockedForStaff(id, actor);
      int changed = jdbc.sql("UPDATE consultation_comment SET state = ?, moderation_reason = ?, moderated_by = ?, moderated_at = ?"
              + " WHERE id = ? AND consultation_id = ?")
          .params(state.name(), reason == null || reason.isBlank() ? null : reason.strip(), actor.username(),
              Timestamps.toDb(Instant.now(clock)), commentId, id).update();
      if (changed == 0) {
        throw Refusal.notFound("consultation.comment.not-found");
      }
      site.changed();
      audit.record(actor.username(), "consultation.comment." + state.name().toLowerCase(), "consultation-comment", commentId,
          reason);
    });
  }

  void adopt(long id, long commentId, Adoption adoption, String reason, Staff actor) {
    transactions.executeWithoutResult(tx -> {
      Item r = lockedForStaff(id, actor);
      if (state(r) != State.CLOSED) {
        throw Refusal.conflict("consultation.not-closed");
      }
      if (adoption == null) {
        throw Refusal.invalidField("adoption", "consultation.adoption.required");
      }
      int changed = jdbc.sql("UPDATE consultation_comment SET adoption = ?, adoption_reason = ? WHERE id = ? AND consultation_id = ?")
          .params(adoption.name(), reason == null || reason.isBlank() ? null : reason.strip(), commentId, id).update();
      if (changed == 0) {
        throw Refusal.notFound("consultation.comment.not-found");
      }
      site.changed();
      audit.record(actor.username(), "consultation.comment.adoption", "consultation-comment", commentId, adoption.name());
    });
  }

  void publishFeedback(long id, String text, Long finalDocumentId, Staff actor) {
    transactions.executeWithoutResult(tx -> {
      Item r = lockedForStaff(id, actor);
      if (state(r) != State.CLOSED) {
        throw Refusal.conflict("consultation.not-closed");
      }
      if (text == null || text.isBlank()) {
        throw Refusal.invalidField("text", "consultation.feedback.required");
      }
      long unanswered = jdbc.sql("SELECT COUNT(*) FROM consultation_comment WHERE consultation_id = ? AND state = 'PUBLISHED'"
          + " AND adoption IS NULL").param(id).query(Long.class).single();
      if (unanswered > 0) {
        throw Refusal.conflict("consultation.feedback.unanswered", unanswered);
      }
      jdbc.sql("UPDATE consultation SET feedback_text = ?, feedback_at = ?, final_document_id = ? WHERE id = ?")
          .params(text.strip(), Timestamps.toDb(Instant.now(clock)), finalDocumentId, id).update();
      site.changed();
      audit.record(actor.username(), "consultation.feedback.published", "consultation", id,
          finalDocumentId == null ? null : "final document " + finalDocumentId);
    });
  }

  @Override
  public long open(String agencyCode, String kind, String scope, String title, String text, LocalDate opensOn,
      LocalDate closesOn, Staff author, Staff publisher) {
    long id = create(new Form(agencyCode, Kind.valueOf(kind), Scope.valueOf(scope), title, text, opensOn, closesOn, null),
        author);
    publish(id, publisher);
    return id;
  }

  @Override
  public long comment(long consultationId, Integer paragraph, String name, String contact, String body) {
    return comment(consultationId, new CommentForm(paragraph, name, contact, body, null, null), null, null);
  }

  @Override
  public void publishComment(long consultationId, long commentId, Staff actor) {
    moderate(consultationId, commentId, CommentState.PUBLISHED, null, actor);
  }

  // ---- the public ----

  /** A comment as written; the challenge fields carry the answered form question (see {@code GET /api/v1/challenge}). */
  record CommentForm(Integer paragraph, String name, String contact, String body, String challengeToken,
      String challengeAnswer) {}

  record Upload(String fileName, byte[] content) {}

  /** Takes a comment; {@code solved} is the form question the public answered, spent with the comment (null from staff). */
  long comment(long id, CommentForm form, Upload upload, Challenge.Solved solved) {
    Item r = find(id).orElseThrow(() -> Refusal.notFound("consultation.not-found"));
    Optional<Staff> staff = access.currentIfAny();
    requireVisible(r, staff);
    State state = state(r);
    if (state != State.OPEN) {
      throw Refusal.conflict(state == State.CLOSED ? "consultation.closed" : "consultation.not-open", r.closesOn);
    }
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (form.body() == null || form.body().isBlank() || form.body().length() > 5000) {
      problems.add(new Refusal.FieldProblem("body", "consultation.comment.body"));
    }
    boolean internal = r.scope == Scope.INTERNAL;
    String contact = internal ? staff.map(Staff::username).orElse(null) : form.contact();
    if (!internal && contactRequired && (contact == null || contact.isBlank())) {
      problems.add(new Refusal.FieldProblem("contact", "consultation.comment.contact"));
    }
    if (contact != null && contact.length() > 200) {
      problems.add(new Refusal.FieldProblem("contact", "field.too-long"));
    }
    String name = internal ? staff.map(Staff::displayName).orElse(null) : form.name();
    if (nameRequired && (name == null || name.isBlank())) {
      problems.add(new Refusal.FieldProblem("name", "consultation.comment.name"));
    }
    if (name != null && name.length() > 100) {
      problems.add(new Refusal.FieldProblem("name", "field.too-long"));
    }
    int paragraphs = paragraphs(r.draftText).size();
    if (form.paragraph() != null && (form.paragraph() < 1 || form.paragraph() > paragraphs)) {
      problems.add(new Refusal.FieldProblem("paragraph", "consultation.comment.paragraph", paragraphs));
    }
    if (upload != null && upload.content() != null && upload.content().length > MAX_PUBLIC_ATTACHMENT) {
      problems.add(new Refusal.FieldProblem("attachment", "consultation.attachment.size",
          MAX_PUBLIC_ATTACHMENT / 1024 / 1024));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    StoredFiles.StoredFile stored = upload == null || upload.content() == null || upload.content().length == 0 ? null
        : files.store(FILES, upload.fileName(), new java.io.ByteArrayInputStream(upload.content()),
            StoredFiles.Limits.fromThePublic(MAX_PUBLIC_ATTACHMENT, FileTypes.FROM_THE_PUBLIC,
                () -> Refusal.invalidField("attachment", "consultation.attachment.size", MAX_PUBLIC_ATTACHMENT / 1024 / 1024),
                () -> Refusal.invalidField("attachment", "attachment.public-type")));
    Long created = transactions.execute(tx -> {
      if (solved != null) {
        challenge.spend(solved);
      }
      GeneratedKeyHolder keys = new GeneratedKeyHolder();
      jdbc.sql("INSERT INTO consultation_comment (consultation_id, paragraph, author_name, contact, body, attachment_name,"
              + " attachment_type, attachment_sha256, state, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)")
          .params(id, form.paragraph(), blankToNull(name), cipher.seal(CONTACT, blankToNull(contact)), form.body().strip(),
              stored == null ? null : stored.name(), stored == null ? null : stored.contentType(),
              stored == null ? null : stored.sha256(), Timestamps.toDb(Instant.now(clock)))
          .update(keys, "id");
      long commentId = keys.getKey().longValue();
      audit.record(staff.map(Staff::username).orElse("public"), "consultation.comment.submitted", "consultation-comment",
          commentId, "consultation " + id);
      return commentId;
    });
    intake.accepted("comment");
    return created;
  }

  // ---- reading ----

  List<ConsultationViews.Summary> list(String agencyCode, String stateFilter) {
    Optional<Staff> staff = access.currentIfAny();
    StringBuilder where = new StringBuilder(" WHERE published = TRUE");
    Map<String, Object> params = new HashMap<>();
    if (agencyCode != null && !agencyCode.isBlank()) {
      Agency agency = agencies.findByCode(agencyCode.trim()).orElseThrow(() -> Refusal.notFound("agency.not-found"));
      where.append(" AND agency_id = :agency");
      params.put("agency", agency.id());
    }
    LocalDate today = LocalDate.now(clock);
    if ("open".equals(stateFilter)) {
      where.append(" AND opens_on <= :today AND closes_on >= :today");
      params.put("today", today);
    } else if ("closed".equals(stateFilter)) {
      where.append(" AND closes_on < :today");
      params.put("today", today);
    } else if (stateFilter != null && !stateFilter.isBlank()) {
      throw Refusal.invalidField("state", "consultation.state.filter");
    }
    return jdbc.sql("SELECT * FROM consultation" + where + " ORDER BY closes_on DESC, id DESC").params(params)
        .query(Consultations::item).list().stream()
        .filter(r -> visible(r, staff))
        .map(this::summary)
        .toList();
  }

  List<ConsultationViews.Summary> listForStaff(Staff actor) {
    Set<Long> scope = access.agencyScope(actor);
    if (scope.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("SELECT * FROM consultation WHERE agency_id IN (:scope) ORDER BY id DESC").param("scope", scope)
        .query(Consultations::item).list().stream().map(this::summary).toList();
  }

  ConsultationViews.Consultation get(long id, boolean forStaff) {
    Item r = find(id).orElseThrow(() -> Refusal.notFound("consultation.not-found"));
    Optional<Staff> staff = access.currentIfAny();
    if (forStaff) {
      access.requireAgency(access.current(), r.agencyId);
    } else {
      if (!r.published) {
        throw Refusal.notFound("consultation.not-found");
      }
      requireVisible(r, staff);
    }
    Agency agency = agencies.get(r.agencyId);
    List<ConsultationViews.Attachment> attachments = jdbc.sql("SELECT id, file_name, content_type, size_bytes FROM"
            + " consultation_attachment WHERE consultation_id = ? ORDER BY id").param(id)
        .query((rs, i) -> new ConsultationViews.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
        .list();
    boolean fullContacts = forStaff && staff.map(Staff::personalData).orElse(false);
    List<ConsultationViews.Comment> comments = jdbc.sql("SELECT * FROM consultation_comment WHERE consultation_id = ?"
            + (forStaff ? "" : " AND state = 'PUBLISHED'") + " ORDER BY id").param(id)
        .query((rs, i) -> new ConsultationViews.Comment(rs.getLong("id"), (Integer) rs.getObject("paragraph"),
            rs.getString("author_name"), forStaff ? contact(rs.getString("contact"), fullContacts) : null,
            rs.getString("body"),
            rs.getString("attachment_sha256") != null, CommentState.valueOf(rs.getString("state")),
            forStaff ? rs.getString("moderation_reason") : null,
            rs.getString("adoption") == null ? null : Adoption.valueOf(rs.getString("adoption")),
            rs.getString("adoption_reason"), Timestamps.fromDb(rs.getObject("submitted_at", OffsetDateTime.class))))
        .list();
    ConsultationViews.Feedback feedback = null;
    if (r.feedbackText != null) {
      List<ConsultationViews.Comment> answered = forStaff ? comments.stream()
          .filter(c -> c.state() == CommentState.PUBLISHED).toList() : comments;
      feedback = new ConsultationViews.Feedback(
          answered.stream().filter(c -> c.adoption() == Adoption.ADOPTED).count(),
          answered.stream().filter(c -> c.adoption() == Adoption.PARTLY_ADOPTED).count(),
          answered.stream().filter(c -> c.adoption() == Adoption.NOT_ADOPTED).count(), r.feedbackText, r.feedbackAt);
    }
    return new ConsultationViews.Consultation(r.id, agency.code(), agency.name(), r.kind, r.scope, r.title,
        paragraphs(r.draftText), r.opensOn, r.closesOn, state(r), attachments,
        forStaff || r.feedbackText != null || state(r) != State.DRAFT ? comments : List.of(), feedback, r.draftDocumentId,
        r.finalDocumentId);
  }

  Optional<byte[]> attachment(long id, long attachmentId) {
    get(id, false);
    return jdbc.sql("SELECT sha256 FROM consultation_attachment WHERE id = ? AND consultation_id = ?")
        .params(attachmentId, id).query(String.class).optional().flatMap(sha -> files.read(FILES, sha));
  }

  record CommentAttachment(String name, String contentType, byte[] content) {}

  /** A comment's attachment, for the agency's staff only: the public never downloads what others sent. */
  CommentAttachment commentAttachment(long id, long commentId, Staff actor) {
    Item r = find(id).orElseThrow(() -> Refusal.notFound("consultation.not-found"));
    access.requireAgency(actor, r.agencyId);
    var meta = jdbc.sql("SELECT attachment_name, attachment_type, attachment_sha256 FROM consultation_comment"
            + " WHERE id = ? AND consultation_id = ? AND attachment_sha256 IS NOT NULL").params(commentId, id)
        .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional()
        .orElseThrow(() -> Refusal.notFound("attachment.not-found"));
    byte[] content = files.read(FILES, meta[2]).orElseThrow(() -> Refusal.gone("attachment.not-found"));
    return new CommentAttachment(meta[0], meta[1], content);
  }

  /** A commenter's contact: in full for staff with the personal-data permission, else masked. */
  private String contact(String stored, boolean full) {
    String plain = cipher.open(CONTACT, stored);
    return full ? plain : PersonalData.phone(plain);
  }

  byte[] export(long id, Staff actor) {
    ConsultationViews.Consultation c = get(id, true);
    var locale = java.util.Locale.SIMPLIFIED_CHINESE;
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("comments");
      String[] heads = {"id", "paragraph", "name", "contact", "body", "state", "moderation", "adoption", "reason", "submitted"};
      SheetRows.write(sheet.createRow(0), java.util.Arrays.stream(heads)
          .map(h -> messages.getMessage("consultation.export." + h, null, h, locale)).toArray());
      int r = 1;
      for (ConsultationViews.Comment m : c.comments()) {
        SheetRows.write(sheet.createRow(r++), new Object[] {m.id(), m.paragraph(), m.authorName(), m.contact(), m.body(),
            messages.getMessage("consultation.comment.state." + m.state(), null, locale), m.moderationReason(),
            m.adoption() == null ? null : messages.getMessage("consultation.adoption." + m.adoption(), null, locale),
            m.adoptionReason(), m.submittedAt().toString()});
      }
      book.write(out);
      transactions.executeWithoutResult(tx -> audit.record(actor.username(), "consultation.exported", "consultation", id,
          null));
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Consultations whose draft or final document this is. */
  List<ConsultationViews.Summary> forDocument(long documentId) {
    return jdbc.sql("SELECT * FROM consultation WHERE published = TRUE AND scope = 'PUBLIC'"
            + " AND (draft_document_id = ? OR final_document_id = ?)")
        .params(documentId, documentId).query(Consultations::item).list().stream().map(this::summary).toList();
  }

  // ---- helpers ----

  State state(Item r) {
    if (!r.published) {
      return State.DRAFT;
    }
    LocalDate today = LocalDate.now(clock);
    if (today.isBefore(r.opensOn)) {
      return State.UPCOMING;
    }
    return today.isAfter(r.closesOn) ? State.CLOSED : State.OPEN;
  }

  /** The draft's numbered paragraphs: its non-empty lines. */
  static List<String> paragraphs(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private ConsultationViews.Summary summary(Item r) {
    Agency agency = agencies.get(r.agencyId);
    int published = jdbc.sql("SELECT COUNT(*) FROM consultation_comment WHERE consultation_id = ? AND state = 'PUBLISHED'")
        .param(r.id).query(Integer.class).single();
    return new ConsultationViews.Summary(r.id, agency.code(), agency.name(), r.kind, r.scope, r.title, r.opensOn,
        r.closesOn, state(r), published);
  }

  private boolean visible(Item r, Optional<Staff> staff) {
    return r.scope == Scope.PUBLIC || staff.map(s -> access.mayWorkOn(s, r.agencyId)).orElse(false);
  }

  /** An internal notice answers 404 to everyone but the agency's staff, as if it did not exist. */
  private void requireVisible(Item r, Optional<Staff> staff) {
    if (!visible(r, staff)) {
      throw Refusal.notFound("consultation.not-found");
    }
  }

  private Item lockedForStaff(long id, Staff actor) {
    Item r = jdbc.sql("SELECT * FROM consultation WHERE id = ? FOR UPDATE").param(id).query(Consultations::item).optional()
        .orElseThrow(() -> Refusal.notFound("consultation.not-found"));
    access.requireAgency(actor, r.agencyId);
    return r;
  }

  private Optional<Item> find(long id) {
    return jdbc.sql("SELECT * FROM consultation WHERE id = ?").param(id).query(Consultations::item).optional();
  }

  record Item(long id, long agencyId, Kind kind, Scope scope, String title, String draftText, LocalDate opensOn,
      LocalDate closesOn, boolean published, Long draftDocumentId, Long finalDocumentId, String feedbackText,
      Instant feedbackAt) {}

  private static Item item(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Item(rs.getLong("id"), rs.getLong("agency_id"), Kind.valueOf(rs.getString("kind")),
        Scope.valueOf(rs.getString("scope")), rs.getString("title"), rs.getString("draft_text"),
        rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class), rs.getBoolean("published"),
        (Long) rs.getObject("draft_document_id", Long.class), (Long) rs.getObject("final_document_id", Long.class),
        rs.getString("feedback_text"), Timestamps.fromDb(rs.getObject("feedback_at", OffsetDateTime.class)));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Writes one spreadsheet row of mixed values. */
  private static final class SheetRows {
    static void write(org.apache.poi.ss.usermodel.Row row, Object[] values) {
      for (int c = 0; c < values.length; c++) {
        Object v = values[c];
        if (v instanceof Number n) {
          row.createCell(c).setCellValue(n.doubleValue());
        } else if (v != null) {
          row.createCell(c).setCellValue(v.toString());
        }
      }
    }
  }
}
