package org.gongkai.foi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests received and handled in a period, in the 25 × 7 structure of the annual report's table
 * 三: rows {@link #ROW_KEYS}, columns the six applicant types and their total.
 */
public record RequestTable(List<Row> rows) {

  public static final List<String> COLUMN_KEYS =
      List.of(
          "NATURAL_PERSON",
          "COMMERCIAL_ENTERPRISE",
          "RESEARCH_INSTITUTION",
          "PUBLIC_INTEREST_ORGANIZATION",
          "LEGAL_SERVICE_ORGANIZATION",
          "OTHER_ORGANIZATION",
          "TOTAL");

  /** received, carriedOver, the 21 outcomes, total, carriedForward. */
  public static final List<String> ROW_KEYS;

  static {
    List<String> keys = new ArrayList<>(List.of("RECEIVED", "CARRIED_OVER"));
    for (Outcome o : Outcome.values()) {
      keys.add(o.name());
    }
    keys.add("TOTAL");
    keys.add("CARRIED_FORWARD");
    ROW_KEYS = List.copyOf(keys);
  }

  /** One row: a count per applicant type, the seventh cell their total. */
  public record Row(String key, List<Integer> cells) {

    public int total() {
      return cells.get(6);
    }
  }

  /**
   * What table 三 counts of one request: who asked, when it was received, when and how it was
   * concluded.
   */
  public record Fact(
      ApplicantType applicantType, LocalDate receivedOn, LocalDate concludedOn, Outcome outcome) {}

  /**
   * Counts the requests for the period from {@code first} to {@code last}: received in it, received
   * before it and not concluded before it (carried over), concluded in it by outcome, not concluded
   * by its end (carried forward). So in every column received + carried over = total + carried
   * forward.
   */
  public static RequestTable of(Collection<Fact> facts, LocalDate first, LocalDate last) {
    Map<String, int[]> rows = new LinkedHashMap<>();
    ROW_KEYS.forEach(k -> rows.put(k, new int[7]));
    for (Fact f : facts) {
      if (f.receivedOn() == null || f.receivedOn().isAfter(last)) {
        continue;
      }
      int c = f.applicantType().ordinal();
      boolean concludedBefore = f.concludedOn() != null && f.concludedOn().isBefore(first);
      boolean concludedIn =
          f.concludedOn() != null
              && !f.concludedOn().isBefore(first)
              && !f.concludedOn().isAfter(last);
      if (!f.receivedOn().isBefore(first)) {
        rows.get("RECEIVED")[c]++;
      } else if (!concludedBefore) {
        rows.get("CARRIED_OVER")[c]++;
      }
      if (concludedIn && f.outcome() != null) {
        rows.get(f.outcome().name())[c]++;
        rows.get("TOTAL")[c]++;
      } else if (!concludedBefore && !concludedIn) {
        rows.get("CARRIED_FORWARD")[c]++;
      }
    }
    List<Row> result = new ArrayList<>();
    rows.forEach(
        (key, cells) -> {
          int sum = 0;
          for (int i = 0; i < 6; i++) {
            sum += cells[i];
          }
          cells[6] = sum;
          result.add(new Row(key, Arrays.stream(cells).boxed().toList()));
        });
    return new RequestTable(List.copyOf(result));
  }

  public Row row(String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }
}
