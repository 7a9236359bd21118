package org.gongkai.foi.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;
import org.gongkai.shared.web.Refusal;

/**
 * The transition table: which step staff may take in which state, and the rules of the Regulation
 * that decide it beyond the state. The service refuses a step that is not allowed, the console
 * shows only the steps allowed now, and the tests walk the table.
 *
 * <p>It also says where the statutory clock runs: in the states where the answer period can be
 * extended ({@link #EXTEND}), which are the states in which the agency still owes the answer and
 * the count is not waiting to restart. {@link #clockRunsIn} and {@link #CLOCK_RUNS_SQL} are the one
 * definition of a running clock and of "overdue" (running, and past its due date) that the request
 * page, the lists, the statistics, the reminders and the metrics all use.
 */
enum Step {
  REGISTER(EnumSet.of(RequestState.SUBMITTED)),
  ASSIGN(EnumSet.complementOf(EnumSet.of(RequestState.REPLIED, RequestState.CLOSED))),
  REQUEST_SUPPLEMENT(EnumSet.of(RequestState.OPEN)),
  RECORD_SUPPLEMENT(EnumSet.of(RequestState.AWAITING_SUPPLEMENT)),
  REQUEST_REASONS(EnumSet.of(RequestState.OPEN)),
  RECORD_REASONS(EnumSet.of(RequestState.AWAITING_REASONS, RequestState.OPEN)),
  SET_PERIOD(EnumSet.of(RequestState.OPEN)),
  CONSULT(EnumSet.of(RequestState.OPEN)),
  RECORD_CONSULTATION_ANSWER(EnumSet.of(RequestState.CONSULTING, RequestState.OPEN)),
  EXTEND(
      EnumSet.of(
          RequestState.OPEN,
          RequestState.CONSULTING,
          RequestState.AWAITING_FEE,
          RequestState.AWAITING_REASONS)),
  NOTIFY_FEE(EnumSet.of(RequestState.OPEN)),
  RECORD_PAYMENT(EnumSet.of(RequestState.AWAITING_FEE)),
  REPLY(EnumSet.of(RequestState.OPEN, RequestState.AWAITING_REASONS)),
  RECORD_DELIVERY(EnumSet.allOf(RequestState.class)),
  REOPEN(EnumSet.of(RequestState.REPLIED, RequestState.CLOSED)),
  PUBLISH_TO_CATALOG(EnumSet.of(RequestState.REPLIED));

  /** Art. 30: a supplement is asked for once, within 7 working days of receipt. */
  static final int SUPPLEMENT_WINDOW_DAYS = 7;

  private final Set<RequestState> states;

  Step(Set<RequestState> states) {
    this.states = states;
  }

  /** Why the step cannot be taken now, as a refusal; empty when it can. */
  Optional<Refusal> refusal(RequestHistory h, WorkingDays days, LocalDate today) {
    if (!states.contains(h.state())) {
      return Optional.of(Refusal.conflict("foi.request.wrong-state"));
    }
    return switch (this) {
      case REQUEST_SUPPLEMENT ->
          h.supplement() != null
              ? refuse("foi.supplement.only-once")
              : today.isAfter(days.addWorkingDays(h.receivedOn(), SUPPLEMENT_WINDOW_DAYS))
                  ? refuse("foi.supplement.too-late", String.valueOf(SUPPLEMENT_WINDOW_DAYS))
                  : Optional.empty();
      case REQUEST_REASONS ->
          h.reasons() != null ? refuse("foi.reasons.only-once") : beforeDeadline(h, today);
      case SET_PERIOD ->
          h.reasons() == null || h.reasons().receivedOn() == null
              ? refuse("foi.period.reasons-first")
              : h.periodSetOn() != null ? refuse("foi.period.only-once") : beforeDeadline(h, today);
      case RECORD_REASONS ->
          h.reasons() == null || h.reasons().receivedOn() != null
              ? refuse("foi.reasons.none-open")
              : Optional.empty();
      case CONSULT ->
          h.consultation() != null
                  && h.consultation().answeredOn() == null
                  && !h.consultation().lapsed()
              ? refuse("foi.consultation.open")
              : Optional.empty();
      case RECORD_CONSULTATION_ANSWER ->
          h.consultation() == null || h.consultation().answeredOn() != null
              ? refuse("foi.consultation.none-open")
              : Optional.empty();
      case EXTEND ->
          h.extension() != null
              ? refuse("foi.extension.only-once")
              : beforeDeadline(h, today)
                  .map(
                      r ->
                          Refusal.conflict(
                              "foi.extension.after-deadline", String.valueOf(h.dueOn())));
      case NOTIFY_FEE -> h.fee() != null ? refuse("foi.fee.once") : Optional.empty();
      case RECORD_DELIVERY ->
          h.undelivered().isEmpty() ? refuse("foi.delivery.nothing") : Optional.empty();
      case PUBLISH_TO_CATALOG ->
          h.outcome() == Outcome.DISCLOSED || h.outcome() == Outcome.PARTLY_DISCLOSED
              ? Optional.empty()
              : refuse("foi.publish.not-disclosed", "");
      default -> Optional.empty();
    };
  }

  /** Whether the clock runs in the state: where the answer period can be extended. */
  static boolean clockRunsIn(RequestState state) {
    return EXTEND.states.contains(state);
  }

  /** The same, as a condition on the {@code state} column of {@code foi_request}. */
  static final String CLOCK_RUNS_SQL =
      Arrays.stream(RequestState.values())
          .filter(Step::clockRunsIn)
          .map(s -> "'" + s.name() + "'")
          .collect(Collectors.joining(", ", "state IN (", ")"));

  /** Overdue: the clock runs and the due date has passed, as a condition with {@code :today}. */
  static final String OVERDUE_SQL = CLOCK_RUNS_SQL + " AND due_on < :today";

  /** Whether the request is overdue on the day. */
  static boolean overdue(RequestHistory h, LocalDate today) {
    return clockRunsIn(h.state()) && h.dueOn() != null && h.dueOn().isBefore(today);
  }

  /** The steps that can be taken now, in the table's order. */
  static List<Step> allowed(RequestHistory h, WorkingDays days, LocalDate today) {
    List<Step> allowed = new ArrayList<>();
    for (Step step : values()) {
      if (step.refusal(h, days, today).isEmpty()) {
        allowed.add(step);
      }
    }
    return allowed;
  }

  /** Throws the refusal when the step cannot be taken now. */
  void require(RequestHistory h, WorkingDays days, LocalDate today) {
    Optional<Refusal> refusal = refusal(h, days, today);
    if (refusal.isPresent()) {
      throw refusal.get();
    }
  }

  /** The name used in the console's addresses and the API's list of allowed steps. */
  String path() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Optional<Refusal> beforeDeadline(RequestHistory h, LocalDate today) {
    LocalDate due = h.dueOn();
    return due != null && today.isAfter(due)
        ? refuse("foi.deadline.passed", String.valueOf(due))
        : Optional.empty();
  }

  private static Optional<Refusal> refuse(String key, Object... arguments) {
    return Optional.of(Refusal.conflict(key, arguments));
  }
}
