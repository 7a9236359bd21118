package org.gongkai.foi.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.gongkai.foi.ConsultedParty;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.Outcome;

/**
 * One entry of a request's history, appended and never changed. It carries two times: the day it
 * took effect as the member of staff asserts it ({@code effectiveOn}: the day of receipt, of
 * sending, of the answer) and the moment it was recorded ({@code recordedAt}, the server's time),
 * with who recorded it ({@code actor}). What the step decided follows: a period in working days or
 * up to a date, an outcome, an amount, the letter it sent or delivered and its channel, the
 * approver, the party consulted, a reference (the decision a reopening follows), free text; the
 * reason a step is recorded only now though it took effect before a deadline that has passed
 * ({@code lateReason}), and the stored proof of its date (a postal receipt, a signed delivery slip:
 * {@code proof}, the SHA-256 naming the file).
 */
record RequestEvent(
    long id,
    EventKind kind,
    LocalDate effectiveOn,
    LocalDate untilOn,
    Integer days,
    String detail,
    String actor,
    Instant recordedAt,
    Outcome outcome,
    BigDecimal amount,
    Long letterId,
    DeliveryChannel channel,
    String approver,
    ConsultedParty party,
    String reference,
    String lateReason,
    String proof) {

  /** What a command records; the repository adds the id. */
  static RequestEvent of(EventKind kind, LocalDate effectiveOn, String actor, Instant recordedAt) {
    return new RequestEvent(
        0,
        kind,
        effectiveOn,
        null,
        null,
        null,
        actor,
        recordedAt,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** Recorded after a deadline that had passed, though dated before it: kept, and counted late. */
  boolean recordedLate() {
    return lateReason != null;
  }

  /** The day it was recorded, in the platform's time zone. */
  LocalDate recordedOn(ZoneId zone) {
    return LocalDate.ofInstant(recordedAt, zone);
  }

  RequestEvent until(LocalDate until) {
    return with(b -> b.untilOn = until);
  }

  RequestEvent days(Integer workingDays) {
    return with(b -> b.days = workingDays);
  }

  RequestEvent detail(String text) {
    return with(b -> b.detail = text);
  }

  RequestEvent outcome(Outcome decided) {
    return with(b -> b.outcome = decided);
  }

  RequestEvent amount(BigDecimal value) {
    return with(b -> b.amount = value);
  }

  RequestEvent letter(Long letter) {
    return with(b -> b.letterId = letter);
  }

  RequestEvent channel(DeliveryChannel via) {
    return with(b -> b.channel = via);
  }

  RequestEvent approver(String who) {
    return with(b -> b.approver = who);
  }

  RequestEvent party(ConsultedParty kind) {
    return with(b -> b.party = kind);
  }

  RequestEvent reference(String text) {
    return with(b -> b.reference = text);
  }

  RequestEvent late(String reason) {
    return with(b -> b.lateReason = reason);
  }

  RequestEvent proof(String sha256) {
    return with(b -> b.proof = sha256);
  }

  private RequestEvent with(Consumer<Builder> change) {
    Builder b = new Builder(this);
    change.accept(b);
    return b.build();
  }

  private static final class Builder {
    private final long id;
    private final EventKind kind;
    private final LocalDate effectiveOn;
    private final String actor;
    private final Instant recordedAt;
    LocalDate untilOn;
    Integer days;
    String detail;
    Outcome outcome;
    BigDecimal amount;
    Long letterId;
    DeliveryChannel channel;
    String approver;
    ConsultedParty party;
    String reference;
    String lateReason;
    String proof;

    Builder(RequestEvent e) {
      id = e.id;
      kind = e.kind;
      effectiveOn = e.effectiveOn;
      actor = e.actor;
      recordedAt = e.recordedAt;
      untilOn = e.untilOn;
      days = e.days;
      detail = e.detail;
      outcome = e.outcome;
      amount = e.amount;
      letterId = e.letterId;
      channel = e.channel;
      approver = e.approver;
      party = e.party;
      reference = e.reference;
      lateReason = e.lateReason;
      proof = e.proof;
    }

    RequestEvent build() {
      return new RequestEvent(
          id,
          kind,
          effectiveOn,
          untilOn,
          days,
          detail,
          actor,
          recordedAt,
          outcome,
          amount,
          letterId,
          channel,
          approver,
          party,
          reference,
          lateReason,
          proof);
    }
  }
}
