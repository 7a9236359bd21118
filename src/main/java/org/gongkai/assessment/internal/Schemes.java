package org.gongkai.assessment.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The assessment schemes, one per year: started from the year before (or the default scheme),
 * edited indicator by indicator or replaced whole from a spreadsheet, always checked whole.
 */
@Service
class Schemes {

  private final SchemeRepository schemes;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final TransactionTemplate transactions;
  private final Clock clock;

  Schemes(
      SchemeRepository schemes,
      StaffAccess access,
      AuditTrail audit,
      MessageSource messages,
      TransactionTemplate transactions,
      Clock clock) {
    this.schemes = schemes;
    this.access = access;
    this.audit = audit;
    this.messages = messages;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A bad cell, in the reader's language; row 0 is the console's form. */
  record RowProblem(int row, String column, String message) {}

  /** Refuses a scheme with every bad cell named. */
  static final class SchemeRefused extends RuntimeException {
    private final transient List<RowProblem> problems;

    SchemeRefused(List<RowProblem> problems) {
      super("scheme refused");
      this.problems = List.copyOf(problems);
    }

    List<RowProblem> problems() {
      return problems;
    }
  }

  Optional<Scheme> find(int year) {
    return schemes.find(year);
  }

  Scheme get(int year) {
    return schemes
        .find(year)
        .orElseThrow(() -> Refusal.notFound("assessment.scheme.not-found", String.valueOf(year)));
  }

  List<Integer> years() {
    return schemes.years();
  }

  /** The year's scheme, started from the latest earlier one or else from the default scheme. */
  Scheme create(int year, Staff actor) {
    access.requirePlatformAdmin(actor);
    Assessments.checkYear(year);
    return transactions.execute(
        tx -> {
          if (schemes.find(year).isPresent()) {
            throw Refusal.conflict("assessment.scheme.exists", String.valueOf(year));
          }
          Scheme base = schemes.latestBefore(year).orElseGet(() -> defaultScheme(year));
          Scheme scheme =
              new Scheme(
                  year,
                  messages.getMessage(
                      "assessment.scheme.default-name",
                      new Object[] {String.valueOf(year)},
                      Locale.SIMPLIFIED_CHINESE),
                  base.indicators());
          schemes.replace(scheme, actor.username(), Instant.now(clock));
          audit.record(
              actor.username(),
              "assessment.scheme.created",
              "assessment-scheme",
              year,
              base.name());
          return scheme;
        });
  }

  /** Replaces the year's indicators whole, or refuses with every bad cell. */
  Scheme replace(int year, List<SchemeCheck.Row> rows, Staff actor, String action) {
    access.requirePlatformAdmin(actor);
    Scheme current = get(year);
    SchemeCheck.Outcome outcome = SchemeCheck.check(rows, this::kindOf);
    if (!outcome.problems().isEmpty()) {
      throw new SchemeRefused(render(outcome.problems()));
    }
    Scheme scheme = new Scheme(year, current.name(), outcome.indicators());
    transactions.executeWithoutResult(
        tx -> {
          schemes.replace(scheme, actor.username(), Instant.now(clock));
          audit.record(
              actor.username(),
              action,
              "assessment-scheme",
              year,
              scheme.indicators().size() + " indicators");
        });
    return scheme;
  }

  /** Adds an indicator, or changes the one that had {@code originalCode}. */
  Scheme saveIndicator(int year, String originalCode, SchemeCheck.Row row, Staff actor) {
    List<SchemeCheck.Row> rows = new ArrayList<>(rows(get(year)));
    int at = -1;
    for (int n = 0; n < rows.size(); n++) {
      if (rows.get(n).code().equals(originalCode)) {
        at = n;
      }
    }
    if (at >= 0) {
      String oldCode = rows.get(at).code();
      rows.set(at, row);
      if (row.code() != null && !oldCode.equals(row.code().strip())) {
        // The children follow their parent's new code.
        for (int n = 0; n < rows.size(); n++) {
          SchemeCheck.Row r = rows.get(n);
          if (oldCode.equals(r.parent())) {
            rows.set(
                n,
                new SchemeCheck.Row(
                    r.row(),
                    r.code(),
                    row.code().strip(),
                    r.name(),
                    r.kind(),
                    r.weight(),
                    r.max(),
                    r.rule(),
                    r.parameter(),
                    r.criterion()));
          }
        }
      }
    } else {
      rows.add(row);
    }
    return replace(
        year, rows, actor, at >= 0 ? "assessment.indicator.changed" : "assessment.indicator.added");
  }

  Scheme deleteIndicator(int year, String code, Staff actor) {
    List<SchemeCheck.Row> rows = new ArrayList<>(rows(get(year)));
    if (!rows.removeIf(r -> r.code().equals(code))) {
      throw Refusal.notFound("assessment.indicator.not-found", code);
    }
    return replace(year, rows, actor, "assessment.indicator.deleted");
  }

  /**
   * The scheme's indicators as rows, numbered as in its spreadsheet (the heading is row 1); a
   * category's points are left to be summed again, so that a change below it carries up.
   */
  static List<SchemeCheck.Row> rows(Scheme scheme) {
    List<SchemeCheck.Row> rows = new ArrayList<>();
    int n = 2;
    for (Indicator i : scheme.indicators()) {
      rows.add(
          new SchemeCheck.Row(
              n++,
              i.code(),
              i.parentCode(),
              i.name(),
              i.kind().name(),
              SchemeCheck.plain(i.weight()),
              i.kind() == IndicatorKind.VETO || i.kind() == IndicatorKind.CATEGORY
                  ? null
                  : SchemeCheck.plain(i.maxPoints()),
              i.rule() == null ? null : i.rule().name(),
              i.parameter() == null ? null : SchemeCheck.plain(i.parameter()),
              i.criterion()));
    }
    return rows;
  }

  /** The default scheme (docs/assessment.md gives its sources), checked like any other. */
  Scheme defaultScheme(int year) {
    List<SchemeCheck.Row> rows = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new ClassPathResource("assessment/default-scheme.csv").getInputStream(),
                StandardCharsets.UTF_8))) {
      in.readLine();
      int n = 2;
      for (String line; (line = in.readLine()) != null; n++) {
        String[] c = line.split(",", 9);
        rows.add(new SchemeCheck.Row(n, c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemeCheck.Outcome outcome = SchemeCheck.check(rows, this::kindOf);
    if (!outcome.problems().isEmpty()) {
      throw new IllegalStateException(
          "the default scheme fails its own checks: " + outcome.problems());
    }
    return new Scheme(year, "default", outcome.indicators());
  }

  /** A kind as written: its name, or its label in either language. */
  IndicatorKind kindOf(String text) {
    for (IndicatorKind kind : IndicatorKind.values()) {
      if (kind.name().equalsIgnoreCase(text)
          || label("assessment.kind." + kind, Locale.SIMPLIFIED_CHINESE).equals(text)
          || label("assessment.kind." + kind, Locale.ENGLISH).equalsIgnoreCase(text)) {
        return kind;
      }
    }
    return null;
  }

  String label(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }

  private List<RowProblem> render(List<SchemeCheck.Problem> problems) {
    Locale locale = LocaleContextHolder.getLocale();
    return problems.stream()
        .map(
            p ->
                new RowProblem(
                    p.row(),
                    label("assessment.column." + p.column(), locale),
                    messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale)))
        .toList();
  }
}
