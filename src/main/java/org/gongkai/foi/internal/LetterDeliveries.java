package org.gongkai.foi.internal;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongkai.foi.DeliveryChannel;

/**
 * The letters a history sent and when each counts as received: on the delivery date recorded with
 * it, or else on the date its channel's rule deems ({@link DeliveryRules}). Every period that runs
 * from a letter's receipt (the supplement, the third party's 15 working days, the fee, the reasons
 * asked for under Art. 35) asks here, so that a letter whose delivery nobody records still starts
 * its period and lets it lapse.
 */
record LetterDeliveries(
    Map<Long, LetterDeliveries.Sent> sent,
    Map<Long, RequestHistory.Delivery> recorded,
    DeliveryRules rules) {

  /** A letter as its step sent it: when, and by which channel. */
  record Sent(long letterId, EventKind step, LocalDate sentOn, DeliveryChannel channel) {}

  /** When a letter counts as received, and whether that date is deemed rather than recorded. */
  record Received(LocalDate on, boolean deemed, DeliveryChannel channel) {}

  LetterDeliveries {
    sent = Collections.unmodifiableMap(new LinkedHashMap<>(sent));
    recorded = Map.copyOf(recorded);
  }

  static LetterDeliveries of(List<RequestEvent> events, DeliveryRules rules) {
    Map<Long, Sent> sent = new LinkedHashMap<>();
    Map<Long, RequestHistory.Delivery> recorded = new LinkedHashMap<>();
    for (RequestEvent e : events) {
      if (e.letterId() == null) {
        continue;
      }
      if (e.kind() == EventKind.DELIVERED) {
        recorded.put(e.letterId(), new RequestHistory.Delivery(e.channel(), e.effectiveOn()));
      } else if (!sent.containsKey(e.letterId()) && e.effectiveOn() != null) {
        sent.put(e.letterId(), new Sent(e.letterId(), e.kind(), e.effectiveOn(), e.channel()));
      }
    }
    return new LetterDeliveries(sent, recorded, rules);
  }

  /**
   * The day from which a period the step starts runs: the receipt of the letter it sent, or the
   * step's own day when it sent none.
   */
  LocalDate receivedOn(RequestEvent step) {
    return step.letterId() == null
        ? step.effectiveOn()
        : received(step.letterId()).map(Received::on).orElse(step.effectiveOn());
  }

  Optional<Received> received(long letterId) {
    RequestHistory.Delivery delivery = recorded.get(letterId);
    Sent letter = sent.get(letterId);
    if (delivery != null) {
      return Optional.of(
          new Received(
              delivery.on(),
              false,
              delivery.channel() != null
                  ? delivery.channel()
                  : letter == null ? null : letter.channel()));
    }
    if (letter == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Received(rules.deemed(letter.channel(), letter.sentOn()), true, letter.channel()));
  }

  Optional<Sent> sent(long letterId) {
    return Optional.ofNullable(sent.get(letterId));
  }
}
