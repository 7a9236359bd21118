package org.gongkai.websitereport.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.gongkai.websitereport.internal.ReportViews.Figure;
import org.gongkai.websitereport.internal.ReportViews.Report;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A report as the annex of 国办函〔2018〕12号 lays it out, the same for every export: the title, the
 * reporting unit, a table of four columns — three of labels (section, group, item) merged down and
 * across as the annex merges them, and the value — and the signature line with the date the report
 * was frozen (today while it is a draft).
 */
@Component
class ReportTable {

  static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

  /** The columns of labels; the value is in the column after them. */
  static final int LABEL_COLUMNS = 3;

  /**
   * A label cell starting on its line: {@code id} unique in the table, its column (0 section, 1
   * group, 2 item), and how many rows and columns it spans.
   */
  record Cell(String id, String text, int column, int rowspan, int colspan) {}

  /**
   * One row of the table: the label cells that start on it (those merged down from above are not
   * repeated), the ids of every label that heads its value, the value as printed.
   */
  record Line(String key, List<Cell> labels, List<String> headers, String value, boolean number) {}

  record Signature(String label, String value) {}

  /**
   * The report as laid out; {@code correction} the visible note of a corrected version (更正, the day
   * and the reason), null for a first version.
   */
  record Layout(
      String title, String unit, List<Line> lines, List<Signature> signatures, String correction) {}

  private final MessageSource messages;
  private final Clock clock;

  ReportTable(MessageSource messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  Layout layout(Report report) {
    boolean supervision = report.site() == null;
    String title =
        text(supervision ? "website-report.supervision.title" : "website-report.title")
            + text("website-report.year", report.year());
    Object unitValue = report.value(supervision ? "unit.name" : "site.organizer");
    String unit = text("website-report.unit", unitValue == null ? "" : unitValue.toString());
    List<Annex.Place> places =
        Annex.places(supervision).stream()
            .filter(p -> report.figures().stream().anyMatch(f -> f.key().equals(p.key())))
            .toList();
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < places.size(); i++) {
      Annex.Place p = places.get(i);
      Annex.Place before = i == 0 ? null : places.get(i - 1);
      List<Cell> labels = new ArrayList<>();
      List<String> headers = new ArrayList<>();
      int itemColumn = 0;
      if (p.section() != null) {
        int start = i;
        while (start > 0 && Objects.equals(places.get(start - 1).section(), p.section())) {
          start--;
        }
        headers.add("r" + start + "c0");
        if (before == null || !Objects.equals(before.section(), p.section())) {
          int span = run(places, i, q -> Objects.equals(q.section(), p.section()));
          labels.add(
              new Cell(
                  "r" + i + "c0", text("website-report.print.section." + p.section()), 0, span, 1));
        }
        itemColumn = 1;
        if (p.group() != null) {
          while (start < i && !Objects.equals(places.get(start).group(), p.group())) {
            start++;
          }
          headers.add("r" + start + "c1");
          if (start == i) {
            int span =
                run(
                    places,
                    i,
                    q ->
                        Objects.equals(q.section(), p.section())
                            && Objects.equals(q.group(), p.group()));
            labels.add(
                new Cell(
                    "r" + i + "c1", text("website-report.print.group." + p.group()), 1, span, 1));
          }
          itemColumn = 2;
        }
      }
      labels.add(
          new Cell(
              "r" + i + "c" + itemColumn,
              text("website-report.print." + p.key()),
              itemColumn,
              1,
              LABEL_COLUMNS - itemColumn));
      headers.add("r" + i + "c" + itemColumn);
      Figure f =
          report.figures().stream().filter(x -> x.key().equals(p.key())).findFirst().orElseThrow();
      lines.add(new Line(p.key(), labels, headers, printed(f), f.value() instanceof Number));
    }
    List<Signature> signatures = new ArrayList<>();
    for (String key : List.of("sign.head", "sign.reviewer", "sign.filler", "sign.phone")) {
      Object v = report.value(key);
      signatures.add(
          new Signature(text("website-report.row." + key), v == null ? "" : v.toString()));
    }
    LocalDate filled =
        report.frozenAt() == null
            ? LocalDate.now(clock)
            : LocalDate.ofInstant(report.frozenAt(), clock.getZone());
    signatures.add(new Signature(text("website-report.filled-on"), filled.toString()));
    String correction =
        report.correction() == null
            ? null
            : text("website-report.correction.note", filled.toString(), report.correction());
    return new Layout(title, unit, lines, signatures, correction);
  }

  /** The signature line under the table: 单位负责人：… 审核人：… … 填报日期：…. */
  String footer(Layout layout) {
    StringBuilder line = new StringBuilder();
    for (Signature s : layout.signatures()) {
      line.append(s.label()).append(text("website-report.colon")).append(s.value()).append("    ");
    }
    return line.toString().strip();
  }

  /** How many places from {@code i} on belong together. */
  private static int run(
      List<Annex.Place> places, int i, java.util.function.Predicate<Annex.Place> same) {
    int n = 0;
    while (i + n < places.size() && same.test(places.get(i + n))) {
      n++;
    }
    return n;
  }

  /** The value as the annex prints it: counts kept in units printed in 万 where the annex asks. */
  String printed(Figure f) {
    if (Annex.TEN_THOUSANDS.contains(f.key()) && f.value() instanceof Number n) {
      return new BigDecimal(n.toString())
          .divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP)
          .toPlainString();
    }
    return value(f);
  }

  String value(Figure f) {
    Object v = f.value();
    if (v == null) {
      return "";
    }
    if (v instanceof Boolean b) {
      return text(b ? "website-report.yes" : "website-report.no");
    }
    if (f.key().equals("site.type")) {
      return text("website-report.type." + v);
    }
    return v.toString();
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, LOCALE);
  }
}
