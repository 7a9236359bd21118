package org.gongkai.report.internal;

import java.util.List;

/**
 * The two layouts of the annual report: the 2019 trial format (国办公开办函〔2019〕60号) for reports on 2019
 * and 2020, the 2021 format (国办公开办函〔2021〕30号) from 2021. They differ in table 二 and in whether
 * table 三 splits （六）其他处理.
 */
enum ReportFormat {
  V2019,
  V2021;

  static ReportFormat forYear(int year) {
    return year >= 2021 ? V2021 : V2019;
  }

  /**
   * One block of table 二: the article item, its columns, its rows, and where its cells come from:
   * counted from the catalog or from the decision register (corrected by hand with a reason), or
   * entered by hand.
   */
  record Block(String key, List<String> columns, List<String> rows, Source source) {

    boolean computed() {
      return source != Source.ENTERED;
    }
  }

  /** Where a block's figures come from. */
  enum Source {
    CATALOG,
    REGISTER,
    ENTERED
  }

  List<Block> table2() {
    return switch (this) {
      case V2021 ->
          List.of(
              new Block(
                  "ARTICLE_20_1",
                  List.of("ISSUED", "REPEALED", "IN_FORCE"),
                  List.of("RULE", "NORMATIVE_DOCUMENT"),
                  Source.CATALOG),
              // 本年处理决定数量: counted from the decision register (双公示).
              new Block(
                  "ARTICLE_20_5", List.of("DECISIONS"), List.of("LICENSING"), Source.REGISTER),
              new Block(
                  "ARTICLE_20_6",
                  List.of("DECISIONS"),
                  List.of("PENALTY", "COERCION"),
                  Source.REGISTER),
              new Block(
                  "ARTICLE_20_8",
                  List.of("FEE_AMOUNT"),
                  List.of("ADMINISTRATIVE_FEE"),
                  Source.ENTERED));
      case V2019 ->
          List.of(
              new Block(
                  "ARTICLE_20_1",
                  List.of("MADE", "PUBLISHED", "TOTAL_PUBLIC"),
                  List.of("RULE", "NORMATIVE_DOCUMENT"),
                  Source.CATALOG),
              new Block(
                  "ARTICLE_20_5",
                  List.of("PREVIOUS_YEAR_ITEMS", "CHANGE", "DECISIONS"),
                  List.of("LICENSING", "OTHER_SERVICES"),
                  Source.ENTERED),
              new Block(
                  "ARTICLE_20_6",
                  List.of("PREVIOUS_YEAR_ITEMS", "CHANGE", "DECISIONS"),
                  List.of("PENALTY", "COERCION"),
                  Source.ENTERED),
              new Block(
                  "ARTICLE_20_8",
                  List.of("PREVIOUS_YEAR_ITEMS", "CHANGE"),
                  List.of("ADMINISTRATIVE_FEE"),
                  Source.ENTERED),
              new Block(
                  "ARTICLE_20_9",
                  List.of("PROCUREMENT_ITEMS", "PROCUREMENT_AMOUNT"),
                  List.of("CENTRALIZED_PROCUREMENT"),
                  Source.ENTERED));
    };
  }

  /** Figure keys the agency enters for a year: block.row.column. */
  List<String> enteredKeys() {
    return table2().stream()
        .filter(b -> !b.computed())
        .flatMap(
            b ->
                b.rows().stream()
                    .flatMap(r -> b.columns().stream().map(c -> b.key() + "." + r + "." + c)))
        .toList();
  }

  /** Keys of the figures counted from the catalog, which may be corrected with a reason. */
  List<String> computedKeys() {
    return table2().stream()
        .filter(Block::computed)
        .flatMap(
            b ->
                b.rows().stream()
                    .flatMap(r -> b.columns().stream().map(c -> b.key() + "." + r + "." + c)))
        .toList();
  }

  /** Whether the row is a sub-row of （六）其他处理 that the 2019 format does not have. */
  boolean splitsOtherHandling() {
    return this == V2021;
  }
}
