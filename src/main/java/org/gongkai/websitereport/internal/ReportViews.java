package org.gongkai.websitereport.internal;

import java.time.Instant;
import java.util.List;

/** What the API, the console and the exports show of a website report. */
final class ReportViews {

  /**
   * One row: its value (a number, a yes/no, a text; null while nobody entered it), {@code source}
   * "computed" or "entered", {@code from} the records a computed row is counted from, and for an
   * entered row the source staff named, who entered it and when.
   */
  record Figure(
      String key,
      String section,
      String kind,
      Object value,
      String source,
      String from,
      String note,
      String enteredBy,
      Instant enteredAt) {}

  /** A rule the report breaks: the row, the rule's message key and its arguments. */
  record Problem(String key, String rule, List<Object> arguments) {}

  /**
   * A report: {@code site} null for the network's supervision report; {@code frozen} with when and
   * by whom, and the catalog document it was published as; {@code problems} what stands in the way
   * of freezing it (none once frozen); {@code version} the frozen version (1, then 2, 3 … for the
   * corrections) or, of a draft, the version freezing makes; {@code correction} the reason of the
   * correction this version made or, of a draft, of the correction open on it ({@code correcting}).
   */
  record Report(
      String report,
      Long site,
      int year,
      boolean frozen,
      String frozenBy,
      Instant frozenAt,
      Long documentId,
      List<Figure> figures,
      List<Problem> problems,
      int version,
      String correction,
      boolean correcting) {

    Object value(String key) {
      return figures.stream()
          .filter(f -> f.key().equals(key))
          .findFirst()
          .map(Figure::value)
          .orElse(null);
    }
  }

  /** An earlier frozen version of a report, kept when a correction replaced it. */
  record Version(
      int version, String frozenBy, Instant frozenAt, Long documentId, String correction) {}

  /** One figure as staff enter it: the value and where it comes from. */
  record Entered(String value, String source) {}

  private ReportViews() {}
}
