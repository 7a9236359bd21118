package org.gongkai.foi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;

/** Counts of requests received and handled, computed from their recorded steps; read by the reports. */
public interface FoiStatistics {

  /** Table 三 for the agencies over the period from {@code first} to {@code last}, both inclusive. */
  RequestTable table(Collection<Long> agencyIds, LocalDate first, LocalDate last);

  MonthlyStatistics month(long agencyId, YearMonth month);
}
