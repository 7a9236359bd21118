package org.gongkai.assessment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a scheme's rows as typed (a form or a spreadsheet) and checks them all: every bad cell of
 * every row is reported, and a scheme with any is not used. Categories get the sum of their
 * children's weighted maxima.
 */
final class SchemeCheck {

  static final List<String> COLUMNS =
      List.of("code", "parent", "name", "kind", "weight", "max", "rule", "parameter", "criterion");
  private static final Pattern CODE = Pattern.compile("[0-9A-Za-z._-]{1,20}");
  private static final BigDecimal LIMIT = new BigDecimal("1000");

  /** A row as typed; {@code row} is its spreadsheet row number (0 for the console's form). */
  record Row(
      int row,
      String code,
      String parent,
      String name,
      String kind,
      String weight,
      String max,
      String rule,
      String parameter,
      String criterion) {}

  /** A bad cell: the row, the column's key in {@link #COLUMNS}, a message key and its arguments. */
  record Problem(int row, String column, String messageKey, Object... arguments) {}

  record Outcome(List<Indicator> indicators, List<Problem> problems) {}

  private SchemeCheck() {}

  /**
   * {@code kindOf} reads a kind as written (its name or its label in either language), null if
   * unknown.
   */
  static Outcome check(List<Row> rows, Function<String, IndicatorKind> kindOf) {
    List<Problem> problems = new ArrayList<>();
    List<Indicator> read = new ArrayList<>();
    Map<String, Row> byCode = new HashMap<>();
    for (Row r : rows) {
      String code = blank(r.code());
      if (code == null) {
        problems.add(new Problem(r.row(), "code", "assessment.check.required"));
      } else if (!CODE.matcher(code).matches()) {
        problems.add(new Problem(r.row(), "code", "assessment.check.code", code));
      } else if (byCode.putIfAbsent(code, r) != null) {
        problems.add(new Problem(r.row(), "code", "assessment.check.repeated", code));
      }
      String name = blank(r.name());
      if (name == null) {
        problems.add(new Problem(r.row(), "name", "assessment.check.required"));
      } else if (name.length() > 200) {
        problems.add(new Problem(r.row(), "name", "assessment.check.too-long", 200));
      }
      IndicatorKind kind = blank(r.kind()) == null ? null : kindOf.apply(r.kind().strip());
      if (kind == null) {
        problems.add(
            new Problem(
                r.row(),
                "kind",
                blank(r.kind()) == null ? "assessment.check.required" : "assessment.check.kind",
                String.valueOf(r.kind())));
      }
      BigDecimal weight = number(r, "weight", r.weight(), problems);
      if (weight == null && blank(r.weight()) == null) {
        weight = BigDecimal.ONE;
      } else if (weight != null
          && kind != null
          && !kind.scored()
          && weight.compareTo(BigDecimal.ONE) != 0) {
        problems.add(new Problem(r.row(), "weight", "assessment.check.weight-unscored"));
      }
      BigDecimal max = number(r, "max", r.max(), problems);
      if (kind != null
          && kind != IndicatorKind.CATEGORY
          && kind != IndicatorKind.VETO
          && max == null
          && blank(r.max()) == null) {
        problems.add(new Problem(r.row(), "max", "assessment.check.required"));
      }
      AutoRule rule = null;
      if (blank(r.rule()) != null) {
        try {
          rule = AutoRule.valueOf(r.rule().strip().toUpperCase(Locale.ROOT));
          if (kind != null && !rule.fits(kind)) {
            problems.add(new Problem(r.row(), "rule", "assessment.check.rule-kind", rule.name()));
          }
        } catch (IllegalArgumentException e) {
          problems.add(new Problem(r.row(), "rule", "assessment.check.rule", r.rule().strip()));
        }
      }
      BigDecimal parameter = number(r, "parameter", r.parameter(), problems);
      if (rule != null
          && rule.shape() != AutoRule.Shape.SHARE
          && parameter == null
          && blank(r.parameter()) == null) {
        problems.add(new Problem(r.row(), "parameter", "assessment.check.parameter-required"));
      } else if ((rule == null || rule.shape() == AutoRule.Shape.SHARE) && parameter != null) {
        problems.add(new Problem(r.row(), "parameter", "assessment.check.parameter-unused"));
      }
      String criterion = blank(r.criterion());
      if (criterion != null && criterion.length() > 1000) {
        problems.add(new Problem(r.row(), "criterion", "assessment.check.too-long", 1000));
      }
      read.add(
          new Indicator(
              code,
              blank(r.parent()),
              name,
              kind,
              weight,
              max == null ? BigDecimal.ZERO : max,
              rule,
              parameter,
              criterion));
    }
    if (rows.isEmpty()) {
      problems.add(new Problem(0, "code", "assessment.check.empty"));
    }
    structure(rows, read, byCode, problems);
    List<Indicator> indicators =
        problems.isEmpty() ? withCategoryMaxima(read, rows, problems) : List.of();
    return problems.isEmpty()
        ? new Outcome(ordered(indicators), problems)
        : new Outcome(List.of(), problems);
  }

  private static void structure(
      List<Row> rows, List<Indicator> read, Map<String, Row> byCode, List<Problem> problems) {
    Map<String, Indicator> indicators = new HashMap<>();
    read.stream().filter(i -> i.code() != null).forEach(i -> indicators.putIfAbsent(i.code(), i));
    for (int n = 0; n < read.size(); n++) {
      Indicator i = read.get(n);
      Row r = rows.get(n);
      if (i.parentCode() != null) {
        Indicator parent = indicators.get(i.parentCode());
        if (parent == null) {
          problems.add(
              new Problem(r.row(), "parent", "assessment.check.parent-unknown", i.parentCode()));
        } else if (parent.kind() != null && parent.kind() != IndicatorKind.CATEGORY) {
          problems.add(
              new Problem(
                  r.row(), "parent", "assessment.check.parent-not-category", i.parentCode()));
        } else if (circular(i, indicators)) {
          problems.add(
              new Problem(r.row(), "parent", "assessment.check.parent-circular", i.parentCode()));
        }
      }
      if (i.kind() == IndicatorKind.CATEGORY
          && i.code() != null
          && read.stream().noneMatch(c -> i.code().equals(c.parentCode()))) {
        problems.add(new Problem(r.row(), "kind", "assessment.check.category-empty"));
      }
    }
  }

  private static boolean circular(Indicator start, Map<String, Indicator> indicators) {
    Set<String> seen = new HashSet<>();
    String at = start.code();
    while (at != null) {
      if (!seen.add(at)) {
        return true;
      }
      Indicator i = indicators.get(at);
      at = i == null ? null : i.parentCode();
    }
    return false;
  }

  /**
   * Categories take the sum of their children's weighted maxima; one typed otherwise is reported.
   */
  private static List<Indicator> withCategoryMaxima(
      List<Indicator> read, List<Row> rows, List<Problem> problems) {
    Map<String, BigDecimal> computed = new HashMap<>();
    for (Indicator i : read) {
      categoryMax(i, read, computed);
    }
    List<Indicator> result = new ArrayList<>();
    for (int n = 0; n < read.size(); n++) {
      Indicator i = read.get(n);
      if (i.kind() == IndicatorKind.CATEGORY) {
        BigDecimal sum = computed.get(i.code());
        if (blank(rows.get(n).max()) != null && i.maxPoints().compareTo(sum) != 0) {
          problems.add(
              new Problem(rows.get(n).row(), "max", "assessment.check.category-max", plain(sum)));
        }
        i =
            new Indicator(
                i.code(),
                i.parentCode(),
                i.name(),
                i.kind(),
                i.weight(),
                sum,
                null,
                null,
                i.criterion());
      } else if (i.kind() == IndicatorKind.VETO) {
        i =
            new Indicator(
                i.code(),
                i.parentCode(),
                i.name(),
                i.kind(),
                BigDecimal.ONE,
                BigDecimal.ZERO,
                null,
                null,
                i.criterion());
      }
      result.add(i);
    }
    return result;
  }

  private static BigDecimal categoryMax(
      Indicator i, List<Indicator> all, Map<String, BigDecimal> computed) {
    if (i.kind() != IndicatorKind.CATEGORY) {
      return i.maxPoints();
    }
    BigDecimal known = computed.get(i.code());
    if (known != null) {
      return known;
    }
    BigDecimal sum = BigDecimal.ZERO;
    for (Indicator c : all) {
      if (i.code().equals(c.parentCode()) && c.kind().scored()) {
        sum = sum.add(categoryMax(c, all, computed).multiply(c.weight()));
      }
    }
    sum = normal(sum.setScale(2, RoundingMode.HALF_UP));
    computed.put(i.code(), sum);
    return sum;
  }

  /** Parents before their children, siblings in the order typed. */
  private static List<Indicator> ordered(List<Indicator> indicators) {
    List<Indicator> result = new ArrayList<>();
    indicators.stream()
        .filter(i -> i.parentCode() == null)
        .forEach(i -> add(i, indicators, result));
    return result;
  }

  private static void add(Indicator i, List<Indicator> all, List<Indicator> result) {
    result.add(i);
    all.stream().filter(c -> i.code().equals(c.parentCode())).forEach(c -> add(c, all, result));
  }

  private static BigDecimal number(Row r, String column, String text, List<Problem> problems) {
    String value = blank(text);
    if (value == null) {
      return null;
    }
    try {
      BigDecimal n = new BigDecimal(value);
      if (n.signum() < 0
          || n.compareTo(LIMIT) > 0
          || (column.equals("weight") && n.signum() == 0)) {
        problems.add(new Problem(r.row(), column, "assessment.check.range", value));
        return null;
      }
      if (n.scale() > (column.equals("weight") ? 4 : 2)) {
        problems.add(new Problem(r.row(), column, "assessment.check.decimals", value));
        return null;
      }
      return normal(n);
    } catch (NumberFormatException e) {
      problems.add(new Problem(r.row(), column, "assessment.check.number", value));
      return null;
    }
  }

  /**
   * A number in its shortest plain form (10, 2.5), so that equal numbers are equal however they
   * were typed or stored.
   */
  static BigDecimal normal(BigDecimal n) {
    BigDecimal stripped = n.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  static String plain(BigDecimal n) {
    return n.stripTrailingZeros().toPlainString();
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
