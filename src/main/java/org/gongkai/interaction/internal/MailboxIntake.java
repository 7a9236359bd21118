package org.gongkai.interaction.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.interaction.MailboxMessageChanged;
import org.gongkai.interaction.MessageType;
import org.gongkai.interaction.internal.MailboxViews.Ack;
import org.gongkai.interaction.internal.MailboxViews.Form;
import org.gongkai.interaction.internal.MailboxViews.PublicStatus;
import org.gongkai.interaction.internal.MailboxViews.QA;
import org.gongkai.interaction.internal.MailboxViews.State;
import org.gongkai.shared.ids.TrackingCodes;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.IntakeMetrics;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public's side of the mailbox: questions, complaints and suggestions stored before they are
 * acknowledged and due in working days by type; the sender's status page and rating; the public
 * Q&A.
 */
@Service
class MailboxIntake {

  private final MessageRepository messages;
  private final AgencyDirectory agencies;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final WorkingCalendar calendar;
  private final TrackingCodes codes;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final IntakeMetrics intake;
  private final Challenge challenge;
  private final Map<MessageType, Integer> replyDays = new EnumMap<>(MessageType.class);

  MailboxIntake(
      MessageRepository messages,
      AgencyDirectory agencies,
      AuditTrail audit,
      ApplicationEventPublisher events,
      WorkingCalendar calendar,
      TrackingCodes codes,
      TransactionTemplate transactions,
      Clock clock,
      IntakeMetrics intake,
      Challenge challenge,
      MailboxProperties settings) {
    this.messages = messages;
    this.agencies = agencies;
    this.audit = audit;
    this.events = events;
    this.calendar = calendar;
    this.codes = codes;
    this.transactions = transactions;
    this.clock = clock;
    this.intake = intake;
    this.challenge = challenge;
    replyDays.put(MessageType.QUESTION, settings.replyDays().question());
    replyDays.put(MessageType.COMPLAINT, settings.replyDays().complaint());
    replyDays.put(MessageType.SUGGESTION, settings.replyDays().suggestion());
  }

  long idOf(String trackingCode) {
    return messages
        .byCode(trackingCode)
        .map(MessageRepository.Row::id)
        .orElseThrow(() -> Refusal.notFound("mailbox.not-found"));
  }

  /**
   * Takes a message; {@code solved} is the form question the public answered, spent with the
   * message (null from staff).
   */
  Ack submit(Form form, Challenge.Solved solved) {
    Agency agency =
        agencies
            .findByCode(form.agency() == null ? "" : form.agency().trim())
            .orElseThrow(() -> Refusal.invalidField("agency", "mailbox.agency.unknown"));
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (form.type() == null) {
      problems.add(new Refusal.FieldProblem("type", "mailbox.type.required"));
    }
    if (form.title() == null || form.title().isBlank() || form.title().length() > 200) {
      problems.add(new Refusal.FieldProblem("title", "mailbox.title.required"));
    }
    if (form.content() == null || form.content().isBlank() || form.content().length() > 5000) {
      problems.add(new Refusal.FieldProblem("content", "mailbox.content.required"));
    }
    boolean phone = form.phone() != null && !form.phone().isBlank();
    boolean email = form.email() != null && !form.email().isBlank();
    if (!phone && !email) {
      problems.add(new Refusal.FieldProblem("phone", "mailbox.contact.required"));
    }
    if (phone && !form.phone().trim().matches("[0-9+()\\- ]{5,40}")) {
      problems.add(new Refusal.FieldProblem("phone", "foi.phone.invalid"));
    }
    if (email && !form.email().trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      problems.add(new Refusal.FieldProblem("email", "foi.email.invalid"));
    }
    if (form.name() != null && form.name().length() > 100) {
      problems.add(new Refusal.FieldProblem("name", "field.too-long"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate due = calendar.current().addWorkingDays(today, replyDays.get(form.type()));
    for (int attempt = 0; ; attempt++) {
      String code = codes.newCode("M");
      try {
        transactions.executeWithoutResult(
            tx -> {
              if (solved != null) {
                challenge.spend(solved);
              }
              Instant now = Instant.now(clock);
              long id = messages.insert(agency.id(), code, form, today, due, now);
              messages.addEvent(id, "SUBMITTED", form.type().name(), today, "public", now);
              audit.record("public", "mailbox.submitted", "mailbox-message", id, code);
            });
        intake.accepted("message");
        return new Ack(code, codes.secretFor(code));
      } catch (DuplicateKeyException clash) {
        if (attempt >= 5) {
          throw clash;
        }
      }
    }
  }

  PublicStatus status(String trackingCode, String secret) {
    MessageRepository.Row r =
        messages
            .byCode(trackingCode)
            .filter(x -> codes.matches(x.trackingCode(), secret))
            .orElseThrow(() -> Refusal.notFound("mailbox.not-found"));
    return new PublicStatus(
        r.trackingCode(),
        agencies.get(r.agencyId()).name(),
        r.type(),
        r.state(),
        r.receivedOn(),
        r.state() == State.RECEIVED ? r.dueOn() : null,
        r.reply(),
        r.repliedOn(),
        r.rating(),
        r.published());
  }

  void rate(String trackingCode, String secret, Integer rating, String comment) {
    MessageRepository.Row r =
        messages
            .byCode(trackingCode)
            .filter(x -> codes.matches(x.trackingCode(), secret))
            .orElseThrow(() -> Refusal.notFound("mailbox.not-found"));
    if (r.state() != State.REPLIED) {
      throw Refusal.conflict("mailbox.rate.not-replied");
    }
    if (r.rating() != null) {
      throw Refusal.conflict("mailbox.rate.once");
    }
    if (rating == null || rating < 1 || rating > 5) {
      throw Refusal.invalidField("rating", "mailbox.rate.range");
    }
    String note =
        Mailbox.blank(comment) == null
            ? null
            : comment.strip().substring(0, Math.min(500, comment.strip().length()));
    transactions.executeWithoutResult(
        tx -> {
          messages.rate(r.id(), rating, note);
          messages.addEvent(
              r.id(),
              "RATED",
              String.valueOf(rating),
              LocalDate.now(clock),
              "public",
              Instant.now(clock));
          events.publishEvent(new MailboxMessageChanged(r.id(), r.agencyId()));
          audit.record(
              "public", "mailbox.rated", "mailbox-message", r.id(), String.valueOf(rating));
        });
  }

  List<QA> qa(String agencyCode) {
    Long agencyId = null;
    if (agencyCode != null && !agencyCode.isBlank()) {
      agencyId =
          agencies
              .findByCode(agencyCode.trim())
              .orElseThrow(() -> Refusal.notFound("agency.not-found"))
              .id();
    }
    return messages.published(agencyId).stream()
        .map(
            r ->
                new QA(
                    r.id(),
                    agencies.get(r.agencyId()).name(),
                    r.type(),
                    r.title(),
                    r.content(),
                    r.reply(),
                    r.repliedOn()))
        .toList();
  }
}
