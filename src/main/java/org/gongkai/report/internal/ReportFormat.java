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
   * entered by hand. In a register block only the decisions of a kind ({@code DECISIONS}) and the
   * fee total ({@code FEE_AMOUNT}) are the register's; its other cells (the 2019 format's item
   * counts, its 其他对外管理服务事项) are entered.
   */
  record Block(String key, List<String> columns, List<String> rows, Source source) {

    /** Where one cell comes from. */
    Source source(String row, String column) {
      if (source != Source.REGISTER) {
        return source;
      }
      boolean decisions =
          column.equals("DECISIONS") && List.of("LICENSING", "PENALTY", "COERCION").contains(row);
      boolean fees = column.equals("FEE_AMOUNT") && row.equals("ADMINISTRATIVE_FEE");
      return decisions || fees ? Source.REGISTER : Source.ENTERED;
    }

    /** The keys (block.row.column) of the cells entered by hand, or of those counted. */
    List<String> keys(boolean entered) {
      return rows.stream()
          .flatMap(
              r ->
                  columns.stream()
                      .filter(c -> (source(r, c) == Source.ENTERED) == entered)
                      .map(c -> key + "." + r + "." + c))
          .toList();
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
              // 本年收费金额: the fees the register's licensing decisions carry.
              new Block(
                  "ARTICLE_20_8",
                  List.of("FEE_AMOUNT"),
                  List.of("ADMINISTRATIVE_FEE"),
                  Source.REGISTER));
      case V2019 ->
          List.of(
              new Block(
                  "ARTICLE_20_1",
                  List.of("MADE", "PUBLISHED", "TOTAL_PUBLIC"),
                  List.of("RULE", "NORMATIVE_DOCUMENT"),
                  Source.CATALOG),
              // 处理决定数量 of licensing, penalties and coercion: the register's; the item counts
              // (of the power catalog) and 其他对外管理服务事项 are entered.
              new Block(
                  "ARTICLE_20_5",
                  List.of("PREVIOUS_YEAR_ITEMS", "CHANGE", "DECISIONS"),
                  List.of("LICENSING", "OTHER_SERVICES"),
                  Source.REGISTER),
              new Block(
                  "ARTICLE_20_6",
                  List.of("PREVIOUS_YEAR_ITEMS", "CHANGE", "DECISIONS"),
                  List.of("PENALTY", "COERCION"),
                  Source.REGISTER),
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
    return table2().stream().flatMap(b -> b.keys(true).stream()).toList();
  }

  /**
   * Keys of the figures counted from the catalog or the register, which may be corrected with a
   * reason.
   */
  List<String> computedKeys() {
    return table2().stream().flatMap(b -> b.keys(false).stream()).toList();
  }

  /** Whether the row is a sub-row of （六）其他处理 that the 2019 format does not have. */
  boolean splitsOtherHandling() {
    return this == V2021;
  }
}
