package org.gongkai.foi.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.Outcome;

/**
 * One entry of a request's history, appended and never changed: who recorded it and when ({@code
 * actor}, {@code recordedAt}, the server's time), the day it took effect as asserted ({@code
 * effectiveOn}), and what the step decided — a period in working days, an outcome, an amount, the
 * letter it sent or delivered, the channel, the approver, and free text.
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
    String approver) {

  /** What a command records; the repository adds the id. */
  static RequestEvent of(EventKind kind, LocalDate effectiveOn, String actor, Instant recordedAt) {
    return new RequestEvent(
        0, kind, effectiveOn, null, null, null, actor, recordedAt, null, null, null, null, null);
  }

  RequestEvent until(LocalDate until) {
    return new RequestEvent(
        id,
        kind,
        effectiveOn,
        until,
        days,
        detail,
        actor,
        recordedAt,
        outcome,
        amount,
        letterId,
        channel,
        approver);
  }

  RequestEvent days(Integer workingDays) {
    return new RequestEvent(
        id,
        kind,
        effectiveOn,
        untilOn,
        workingDays,
        detail,
        actor,
        recordedAt,
        outcome,
        amount,
        letterId,
        channel,
        approver);
  }

  RequestEvent detail(String text) {
    return new RequestEvent(
        id,
        kind,
        effectiveOn,
        untilOn,
        days,
        text,
        actor,
        recordedAt,
        outcome,
        amount,
        letterId,
        channel,
        approver);
  }

  RequestEvent outcome(Outcome decided) {
    return new RequestEvent(
        id,
        kind,
        effectiveOn,
        untilOn,
        days,
        detail,
        actor,
        recordedAt,
        decided,
        amount,
        letterId,
        channel,
        approver);
  }

  RequestEvent amount(BigDecimal value) {
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
        value,
        letterId,
        channel,
        approver);
  }

  RequestEvent letter(Long letter) {
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
        letter,
        channel,
        approver);
  }

  RequestEvent channel(DeliveryChannel via) {
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
        via,
        approver);
  }

  RequestEvent approver(String who) {
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
        who);
  }
}
