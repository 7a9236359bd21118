package org.gongkai.interaction.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.interaction.MailboxFigures;
import org.gongkai.interaction.internal.MailboxViews.Message;
import org.gongkai.interaction.internal.MailboxViews.Oldest;
import org.gongkai.interaction.internal.MailboxViews.State;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The staff's side of the mailbox: messages routed to the responsible unit or transferred to the
 * responsible agency with a reason, replied to, and with consent published as public Q&A; a message
 * that is really an information request is redirected to the request form. Each step takes effect
 * on a day that is neither after today nor before the step before it. What the public does is
 * {@link MailboxIntake}'s.
 */
@Service
class Mailbox implements MailboxFigures {

  static final int DUE_SOON_DAYS = 5;
  static final int VETO_MONTHS = 3;

  private final MessageRepository messages;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final MessageSteps steps;
  private final MessageViews views;
  private final WorkingCalendar calendar;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Mailbox(
      MessageRepository messages,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      MessageSteps steps,
      MessageViews views,
      WorkingCalendar calendar,
      TransactionTemplate transactions,
      Clock clock) {
    this.messages = messages;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.steps = steps;
    this.views = views;
    this.calendar = calendar;
    this.transactions = transactions;
    this.clock = clock;
  }

  List<Message> list(String due, Staff actor) {
    return list(due, actor, 500);
  }

  /**
   * The first {@code limit} messages of the staff member's agencies in a due filter, the nearest
   * deadline first.
   */
  List<Message> list(String due, Staff actor, int limit) {
    Filter filter = filter(due, actor);
    return filter == null
        ? List.of()
        : messages.list(filter.where(), filter.params(), limit).stream()
            .map(r -> views.view(r, false, false))
            .toList();
  }

  /** How many messages of the staff member's agencies are in a due filter. */
  long count(String due, Staff actor) {
    Filter filter = filter(due, actor);
    return filter == null ? 0 : messages.count(filter.where(), filter.params());
  }

  private record Filter(String where, Map<String, Object> params) {}

  private Filter filter(String due, Staff actor) {
    Set<Long> scope = access.agencyScope(actor);
    if (scope.isEmpty()) {
      return null;
    }
    StringBuilder where = new StringBuilder(" WHERE agency_id IN (:scope)");
    Map<String, Object> params = new HashMap<>();
    params.put("scope", scope);
    LocalDate today = LocalDate.now(clock);
    switch (due == null ? "open" : due) {
      case "open" -> where.append(" AND state = 'RECEIVED'");
      case "soon" -> {
        where.append(" AND state = 'RECEIVED' AND due_on >= :today AND due_on <= :soon");
        params.put("today", today);
        params.put("soon", calendar.current().addWorkingDays(today, DUE_SOON_DAYS));
      }
      case "overdue" -> {
        where.append(" AND state = 'RECEIVED' AND due_on < :today");
        params.put("today", today);
      }
      default -> {}
    }
    return new Filter(where.toString(), params);
  }

  /** The message with its history; who wrote it is masked. */
  Message get(long id, Staff actor) {
    MessageRepository.Row r =
        messages.find(id).orElseThrow(() -> Refusal.notFound("mailbox.not-found"));
    access.requireAgency(actor, r.agencyId());
    return views.view(r, true, false);
  }

  /**
   * The message with the sender's name and contacts in full: for staff with the permission, and
   * recorded.
   */
  Message revealed(long id, Staff actor) {
    MessageRepository.Row r =
        messages.find(id).orElseThrow(() -> Refusal.notFound("mailbox.not-found"));
    access.requireAgency(actor, r.agencyId());
    if (!actor.personalData()) {
      throw Refusal.forbidden("foi.personal-data.not-permitted");
    }
    transactions.executeWithoutResult(
        tx ->
            audit.record(
                actor.username(), "mailbox.personal-data.viewed", "mailbox-message", id, null));
    return views.view(r, true, true);
  }

  void route(long id, String unit, LocalDate on, Staff actor) {
    steps.change(
        id,
        on,
        actor,
        (r, day) -> {
          MessageSteps.requireOpen(r);
          if (unit == null || unit.isBlank() || unit.length() > 200) {
            throw Refusal.invalidField("unit", "mailbox.unit.required");
          }
          messages.setUnit(id, unit.strip());
          return new String[] {"ROUTED", unit.strip()};
        });
  }

  void transfer(long id, String agencyCode, String reason, LocalDate on, Staff actor) {
    steps.change(
        id,
        on,
        actor,
        (r, day) -> {
          MessageSteps.requireOpen(r);
          Agency target =
              agencies
                  .findByCode(agencyCode == null ? "" : agencyCode.trim())
                  .orElseThrow(() -> Refusal.invalidField("agency", "mailbox.agency.unknown"));
          if (target.id() == r.agencyId()) {
            throw Refusal.invalidField("agency", "mailbox.transfer.same");
          }
          if (reason == null || reason.isBlank()) {
            throw Refusal.invalidField("reason", "mailbox.transfer.reason");
          }
          messages.transfer(id, target.id());
          return new String[] {"TRANSFERRED", target.name() + ": " + reason.strip()};
        });
  }

  void reply(long id, String text, LocalDate on, Staff actor) {
    steps.change(
        id,
        on,
        actor,
        (r, day) -> {
          MessageSteps.requireOpen(r);
          if (text == null || text.isBlank() || text.length() > 5000) {
            throw Refusal.invalidField("text", "mailbox.reply.required");
          }
          messages.conclude(id, State.REPLIED, text.strip(), day, actor.username());
          return new String[] {"REPLIED", null};
        });
  }

  /** A message that is really an information request: the sender is pointed to the request form. */
  void redirectToRequest(long id, String note, LocalDate on, Staff actor) {
    steps.change(
        id,
        on,
        actor,
        (r, day) -> {
          MessageSteps.requireOpen(r);
          messages.conclude(
              id, State.REDIRECTED, blank(note) == null ? "" : note.strip(), day, actor.username());
          return new String[] {"REDIRECTED", null};
        });
  }

  /**
   * Closes a message that is advertising, abuse or part of a flood, with the reason on record; it
   * is never published.
   */
  void closeAsSpam(long id, String reason, LocalDate on, Staff actor) {
    steps.change(
        id,
        on,
        actor,
        (r, day) -> {
          MessageSteps.requireOpen(r);
          if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw Refusal.invalidField("text", "mailbox.spam.reason");
          }
          messages.conclude(id, State.SPAM, null, day, actor.username());
          return new String[] {"CLOSED_AS_SPAM", reason.strip()};
        });
  }

  /**
   * Publishes the answer as Q&A: a reviewer who did not write the reply (four eyes); withdrawing
   * it, anyone in scope.
   */
  void publish(long id, boolean published, Staff actor) {
    steps.change(
        id,
        null,
        actor,
        (r, day) -> {
          if (published && (r.state() != State.REPLIED || !r.publicConsent())) {
            throw Refusal.conflict("mailbox.publish.not-allowed");
          }
          if (published) {
            access.requireReviewer(actor, r.agencyId());
            if (access.requireSecondPerson(
                actor, r.agencyId(), messages.repliedBy(id).stream().toList())) {
              messages.setPublished(id, true);
              return new String[] {"PUBLISHED", StaffAccess.FOUR_EYES_WAIVED};
            }
          }
          messages.setPublished(id, published);
          return new String[] {published ? "PUBLISHED" : "UNPUBLISHED", null};
        });
  }

  /**
   * For each agency in scope, its oldest unanswered message; older than three months is the index's
   * veto.
   */
  List<Oldest> oldestUnanswered(Staff actor) {
    LocalDate vetoBefore = LocalDate.now(clock).minusMonths(VETO_MONTHS);
    List<Oldest> result = new ArrayList<>();
    for (Long agencyId : access.agencyScope(actor)) {
      messages
          .oldestOpen(agencyId)
          .ifPresent(
              r -> {
                Agency a = agencies.get(agencyId);
                result.add(
                    new Oldest(
                        a.code(),
                        a.name(),
                        r.trackingCode(),
                        r.receivedOn(),
                        r.receivedOn().isBefore(vetoBefore)));
              });
    }
    result.sort(Comparator.comparing(Oldest::receivedOn));
    return result;
  }

  @Override
  public Optional<LocalDate> oldestUnanswered(long agencyId) {
    return messages.oldestOpen(agencyId).map(MessageRepository.Row::receivedOn);
  }

  @Override
  public Optional<LateReply> latestReply(long agencyId, LocalDate since) {
    return messages.slowestReplySince(agencyId, since);
  }

  @Override
  public List<MessageTiming> received(long agencyId, LocalDate first, LocalDate last) {
    return messages.received(agencyId, first, last);
  }

  @Override
  public MailboxYear year(Collection<Long> agencyIds, int year) {
    return messages.year(agencyIds, year);
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
