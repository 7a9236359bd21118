package org.gongkai.report.internal;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * An annual report as computed now: its sections' text, tables 二 to 四, every cell also under a
 * stable key in {@code cells}, the consistency violations that block publication, its deadline and
 * where it was published.
 */
record AnnualReport(
    String agency,
    String agencyName,
    int year,
    ReportFormat format,
    Level level,
    LocalDate deadline,
    boolean late,
    Map<String, String> sections,
    List<Table2Block> table2,
    List<Table3Row> table3,
    List<Table4Row> table4,
    Map<String, BigDecimal> cells,
    List<Entered> entered,
    List<Violation> violations,
    Long documentId,
    boolean published,
    boolean frozen) {

  enum Level {
    DEPARTMENT,
    GOVERNMENT
  }

  static final List<String> TEXT_SECTIONS = List.of("ONE", "FIVE", "SIX");

  record Table2Block(String key, List<String> columns, List<Table2Row> rows) {}

  /** A row's values; null where a figure has not been entered yet. */
  record Table2Row(String key, List<BigDecimal> values) {}

  record Table3Row(String key, List<Integer> cells) {}

  record Table4Row(String key, List<Integer> cells) {}

  /** A figure entered by hand; with a reason, a correction of a counted one. */
  record Entered(String key, BigDecimal amount, String by, Instant at, String reason) {}

  /**
   * A failed rule: {@code cell} names the cell (or section) by its stable key; the arguments are
   * for the message.
   */
  record Violation(
      String rule, String messageKey, @JsonIgnore List<Object> arguments, String cell) {}

  boolean publishable() {
    return violations.isEmpty();
  }
}
