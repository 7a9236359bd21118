package org.gongkai.websitereport.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongkai.websitereport.internal.ReportViews.Figure;
import org.gongkai.websitereport.internal.ReportViews.Report;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A report as the template lays it out, the same for every export: the title, the reporting unit,
 * the table's rows grouped by section (the section's cell spans its rows), and the signature line
 * with the date the report was frozen (today while it is a draft).
 */
@Component
class ReportTable {

  static final Locale LOCALE = Locale.SIMPLIFIED_CHINESE;

  /** One row of the table; {@code first}: the first row of its section, {@code span} its rows. */
  record Line(
      String section, String label, String value, boolean number, boolean first, int span) {}

  record Signature(String label, String value) {}

  record Layout(String title, String unit, List<Line> lines, List<Signature> signatures) {}

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
    List<Figure> body =
        report.figures().stream()
            .filter(f -> !f.section().equals("sign") && !f.key().equals("unit.name"))
            .toList();
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      Figure f = body.get(i);
      boolean first = i == 0 || !body.get(i - 1).section().equals(f.section());
      int span = 0;
      if (first) {
        for (int j = i; j < body.size() && body.get(j).section().equals(f.section()); j++) {
          span++;
        }
      }
      lines.add(
          new Line(
              text("website-report.section." + f.section()),
              text("website-report.row." + f.key()),
              value(f),
              f.value() instanceof Number,
              first,
              span));
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
    return new Layout(title, unit, lines, signatures);
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
