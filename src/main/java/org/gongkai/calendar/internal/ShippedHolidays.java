package org.gongkai.calendar.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.DayKind;
import org.springframework.core.io.ClassPathResource;

/**
 * The State Council's announcements shipped with the platform, read from a CSV resource by
 * announcement year.
 */
final class ShippedHolidays {

  static final String RESOURCE = "calendar/cn-statutory-holidays.csv";

  private ShippedHolidays() {}

  static Map<Integer, List<CalendarDay>> byYear() {
    Map<Integer, List<CalendarDay>> years = new TreeMap<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(",", 5);
        int year = Integer.parseInt(f[0].trim());
        LocalDate first = LocalDate.parse(f[1].trim());
        LocalDate last = LocalDate.parse(f[2].trim());
        DayKind kind = "WORKDAY".equals(f[3].trim()) ? DayKind.MAKEUP_WORKDAY : DayKind.HOLIDAY;
        List<CalendarDay> days = years.computeIfAbsent(year, y -> new ArrayList<>());
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
          days.add(new CalendarDay(d, kind, f[4].trim()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return years;
  }
}
