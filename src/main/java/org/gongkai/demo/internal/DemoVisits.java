package org.gongkai.demo.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongkai.analytics.VisitHistory;

/**
 * The city portal's visits from the first day of last year to yesterday, so that its dashboard and
 * its yearly website report have something to show: busier on working days, quiet at the Spring
 * Festival and on the National Day holiday, growing slowly, with a few days when a publication drew
 * crowds; the home page, the search and a handful of documents take most of the views.
 */
final class DemoVisits {

  /** A page of the site and its share of a day's views before noise. */
  record Page(String path, double weight) {}

  private static final List<String> MISSED_QUERIES =
      List.of("公租房摇号结果", "电动自行车上牌", "装修补贴", "老旧小区加装电梯", "夜市摊位申请", "新能源汽车补贴", "人才公寓", "学区划分");

  private final VisitHistory history;

  DemoVisits(VisitHistory history) {
    this.history = history;
  }

  /** Writes the days; returns the views written. */
  long days(long siteId, List<Page> pages, LocalDate from, LocalDate to) {
    Random random = new Random(20251231L);
    double weights = pages.stream().mapToDouble(Page::weight).sum();
    long written = 0;
    long span = Math.max(1, to.toEpochDay() - from.toEpochDay());
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      double growth = 1 + 0.25 * (day.toEpochDay() - from.toEpochDay()) / span;
      double base = 1_150 * growth * dayFactor(day) * (0.85 + 0.3 * random.nextDouble());
      if (random.nextInt(60) == 0) {
        base *= 2.5;
      }
      Map<String, Long> views = new HashMap<>();
      for (Page page : pages) {
        long n = Math.round(base * page.weight() / weights * (0.7 + 0.6 * random.nextDouble()));
        if (n > 0) {
          views.put(page.path(), n);
        }
      }
      long total = views.values().stream().mapToLong(Long::longValue).sum();
      long visitors = Math.round(total / (2.4 + random.nextDouble()));
      Map<String, Long> misses = new HashMap<>();
      for (String query : MISSED_QUERIES) {
        if (random.nextInt(5) == 0) {
          misses.put(query, 1L + random.nextInt(4));
        }
      }
      history.addDay(siteId, day, views, visitors, misses);
      written += total;
    }
    return written;
  }

  private static double dayFactor(LocalDate day) {
    MonthDay md = MonthDay.from(day);
    if (!md.isBefore(MonthDay.of(10, 1)) && !md.isAfter(MonthDay.of(10, 7))) {
      return 0.3;
    }
    if (springFestival(day)) {
      return 0.25;
    }
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY ? 0.45 : 1.0;
  }

  /** About the Spring Festival holiday: late January or mid February, a week. */
  private static boolean springFestival(LocalDate day) {
    LocalDate eve =
        switch (day.getYear()) {
          case 2025 -> LocalDate.of(2025, 1, 28);
          case 2026 -> LocalDate.of(2026, 2, 16);
          case 2027 -> LocalDate.of(2027, 2, 5);
          default -> LocalDate.of(day.getYear(), 2, 1);
        };
    return !day.isBefore(eve) && day.isBefore(eve.plusDays(8));
  }
}
