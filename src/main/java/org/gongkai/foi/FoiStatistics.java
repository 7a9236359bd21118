package org.gongkai.foi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/**
 * Counts of requests received and handled, computed from their recorded steps; read by the reports.
 */
public interface FoiStatistics {

  /**
   * Table 三 for the agencies over the period from {@code first} to {@code last}, both inclusive.
   */
  RequestTable table(Collection<Long> agencyIds, LocalDate first, LocalDate last);

  MonthlyStatistics month(long agencyId, YearMonth month);

  /** Requests concluded per month and outcome between the dates, both inclusive. */
  List<MonthlyOutcomes> outcomesPerMonth(
      Collection<Long> agencyIds, LocalDate first, LocalDate last);

  /**
   * Handling times of the requests concluded between the dates, and how many open ones are overdue
   * today.
   */
  Handling handling(Collection<Long> agencyIds, LocalDate first, LocalDate last);

  /**
   * Fee notices sent in the period and what they charged; what was paid in the period (section 六 of
   * the annual report).
   */
  FeeFigures fees(Collection<Long> agencyIds, LocalDate first, LocalDate last);

  /**
   * Each request concluded between the dates, both inclusive, with its due day: the evidence behind
   * {@link #handling}.
   */
  List<Concluded> concluded(Collection<Long> agencyIds, LocalDate first, LocalDate last);

  /**
   * A concluded request; on time when it has no due day or was concluded by it, and no step of it
   * was recorded after a deadline that had passed though dated before it ({@code recordedLate}:
   * kept with a reason and a proof, but late).
   */
  record Concluded(
      long id,
      String trackingCode,
      LocalDate receivedOn,
      LocalDate dueOn,
      LocalDate concludedOn,
      boolean recordedLate) {

    public boolean onTime() {
      return !recordedLate && (dueOn == null || !concludedOn.isAfter(dueOn));
    }
  }

  record FeeFigures(long notices, BigDecimal charged, BigDecimal collected) {}

  record MonthlyOutcomes(String month, Outcome outcome, long count) {}

  /**
   * {@code averageWorkingDays} and {@code maximumWorkingDays} from receipt to reply; {@code onTime}
   * of {@code concluded} replied by their due date and not recorded late; {@code recordedLate} of
   * them with a step recorded after its deadline though dated before it; {@code overdue} requests
   * whose clock runs past their due date now.
   */
  record Handling(
      long concluded,
      double averageWorkingDays,
      int maximumWorkingDays,
      long onTime,
      long recordedLate,
      long overdue) {

    public long late() {
      return concluded - onTime;
    }

    public double onTimeShare() {
      return concluded == 0 ? 1.0 : (double) onTime / concluded;
    }
  }
}
