package org.gongkai.decision.internal;

import java.util.List;
import org.gongkai.decision.DecisionKind;

/**
 * The columns of the credit platform's files, in the order of the national 双公示 data standard for
 * each kind (docs/decisions-register.md gives the standard's names and codes). Each is named by the
 * register's field; the message key {@code decision.field.<field>} is its header.
 */
final class StandardColumns {

  private StandardColumns() {}

  private static final List<String> PARTY =
      List.of(
          "party.name",
          "party.category",
          "party.creditCode",
          "party.legalRepresentative",
          "party.idType",
          "party.idNumber");

  static List<String> of(DecisionKind kind) {
    List<String> rest =
        switch (kind) {
          case LICENSING ->
              List.of(
                  "documentName",
                  "decisionNumber",
                  "licenceCategory",
                  "certificateName",
                  "certificateNumber",
                  "content",
                  "decidedOn",
                  "validFrom",
                  "validTo",
                  "authority",
                  "authorityCode",
                  "dataSource",
                  "dataSourceCode",
                  "note");
          case PENALTY ->
              List.of(
                  "decisionNumber",
                  "violationType",
                  "facts",
                  "basis",
                  "penaltyKinds",
                  "content",
                  "fineWan",
                  "confiscatedWan",
                  "licenceAffected",
                  "decidedOn",
                  "publicUntil",
                  "authority",
                  "authorityCode",
                  "dataSource",
                  "dataSourceCode",
                  "note");
          case COERCION ->
              List.of(
                  "decisionNumber",
                  "measureKind",
                  "facts",
                  "basis",
                  "content",
                  "decidedOn",
                  "publicUntil",
                  "authority",
                  "authorityCode",
                  "dataSource",
                  "dataSourceCode",
                  "note");
        };
    return java.util.stream.Stream.concat(PARTY.stream(), rest.stream()).toList();
  }

  /**
   * The columns an import reads: the standard's, then the register's own (a licence's fee, which
   * table 二 totals) after them, so that a file in the standard's layout is read as it is.
   */
  static List<String> imported(DecisionKind kind) {
    return kind == DecisionKind.LICENSING
        ? java.util.stream.Stream.concat(of(kind).stream(), java.util.stream.Stream.of("feeWan"))
            .toList()
        : of(kind);
  }

  /** The list a coded column's values come from (message prefix), or null for free text. */
  static String vocabulary(String field) {
    return switch (field) {
      case "party.category" -> "category";
      case "party.idType" -> "id-type";
      case "licenceCategory" -> "licence-category";
      case "penaltyKinds" -> "penalty-kind";
      case "measureKind" -> "measure-kind";
      default -> null;
    };
  }

  /** The codes of a coded column. */
  static List<String> codes(String field) {
    return switch (field) {
      case "party.category" ->
          java.util.Arrays.stream(org.gongkai.decision.PartyCategory.values())
              .map(Enum::name)
              .toList();
      case "party.idType" -> Vocabulary.ID_TYPES;
      case "licenceCategory" -> Vocabulary.LICENCE_CATEGORIES;
      case "penaltyKinds" -> Vocabulary.PENALTY_KINDS;
      case "measureKind" -> Vocabulary.MEASURE_KINDS;
      default -> List.of();
    };
  }

  /** Spreadsheet column letters: A, B, … Z, AA, … */
  static String letter(int index) {
    StringBuilder s = new StringBuilder();
    int n = index + 1;
    while (n > 0) {
      int r = (n - 1) % 26;
      s.insert(0, (char) ('A' + r));
      n = (n - 1) / 26;
    }
    return s.toString();
  }
}
