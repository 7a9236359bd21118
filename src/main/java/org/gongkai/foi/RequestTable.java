package org.gongkai.foi;

import java.util.List;

/**
 * Requests received and handled in a period, in the 25 × 7 structure of the annual report's table
 * 三: rows {@link #ROW_KEYS}, columns the six applicant types and their total.
 */
public record RequestTable(List<Row> rows) {

  public static final List<String> COLUMN_KEYS = List.of("NATURAL_PERSON", "COMMERCIAL_ENTERPRISE",
      "RESEARCH_INSTITUTION", "PUBLIC_INTEREST_ORGANIZATION", "LEGAL_SERVICE_ORGANIZATION", "OTHER_ORGANIZATION",
      "TOTAL");

  /** received, carriedOver, the 21 outcomes, total, carriedForward. */
  public static final List<String> ROW_KEYS;

  static {
    List<String> keys = new java.util.ArrayList<>(List.of("RECEIVED", "CARRIED_OVER"));
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

  public Row row(String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }
}
