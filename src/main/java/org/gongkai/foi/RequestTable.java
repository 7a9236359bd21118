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
   * What table 三 counts of one request: who asked, the day it was received (for an application made
   * online, the day the platform acknowledged it, registered or not), and its conclusions and
   * reopenings in the order they happened.
   */
  public record Fact(ApplicantType applicantType, LocalDate receivedOn, List<Change> changes) {

    public Fact {
      changes = List.copyOf(changes);
    }

    /** A request concluded once (or not yet, when {@code concludedOn} is null). */
    public Fact(
        ApplicantType applicantType, LocalDate receivedOn, LocalDate concludedOn, Outcome outcome) {
      this(
          applicantType,
          receivedOn,
          concludedOn == null ? List.of() : List.of(new Change(concludedOn, outcome)));
    }

    /** The conclusion standing at the end of the day, or null while the request is open. */
    Change standingOn(LocalDate day) {
      Change standing = null;
      for (Change c : changes) {
        if (!c.on().isAfter(day)) {
          standing = c.reopening() ? null : c;
        }
      }
      return standing;
    }

    boolean reopenedBetween(LocalDate first, LocalDate last) {
      return changes.stream()
          .anyMatch(c -> c.reopening() && !c.on().isBefore(first) && !c.on().isAfter(last));
    }
  }

  /** A conclusion with its outcome, or a reopening (no outcome). */
  public record Change(LocalDate on, Outcome outcome) {

    public boolean reopening() {
      return outcome == null;
    }
  }

  /**
   * Counts the requests for the period from {@code first} to {@code last}. A request comes into the
   * period as received in it, as carried over (received before it and open at its start), or as
   * received again when it was reopened in the period after a conclusion an earlier period counted;
   * it leaves as concluded in the period (by the outcome standing at its end) or as carried
   * forward. So in every column received + carried over = total + carried forward, and a period's
   * carried forward is exactly the next one's carried over.
   */
  public static RequestTable of(Collection<Fact> facts, LocalDate first, LocalDate last) {
    Map<String, int[]> rows = new LinkedHashMap<>();
    ROW_KEYS.forEach(k -> rows.put(k, new int[7]));
    for (Fact f : facts) {
      if (f.receivedOn() == null || f.receivedOn().isAfter(last)) {
        continue;
      }
      int c = f.applicantType().ordinal();
      if (!f.receivedOn().isBefore(first)) {
        rows.get("RECEIVED")[c]++;
      } else if (f.standingOn(first.minusDays(1)) == null) {
        rows.get("CARRIED_OVER")[c]++;
      } else if (f.reopenedBetween(first, last)) {
        rows.get("RECEIVED")[c]++;
      } else {
        continue;
      }
      Change end = f.standingOn(last);
      if (end != null && !end.on().isBefore(first)) {
        rows.get(end.outcome().name())[c]++;
        rows.get("TOTAL")[c]++;
      } else {
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
