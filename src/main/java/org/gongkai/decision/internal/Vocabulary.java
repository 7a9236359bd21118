package org.gongkai.decision.internal;

import java.util.List;

/**
 * The closed lists of the data standard's coded fields; the message key {@code
 * decision.<list>.<value>} holds each value's Chinese name, which the spreadsheets write and accept
 * as well as the code.
 */
final class Vocabulary {

  private Vocabulary() {}

  /** 许可类别 (the standard's list). */
  static final List<String> LICENCE_CATEGORIES =
      List.of("GENERAL", "FRANCHISE", "RECOGNITION", "APPROVAL", "REGISTRATION", "OTHER");

  /** 处罚类别: the kinds of penalty of 行政处罚法 (2021) Art. 9. */
  static final List<String> PENALTY_KINDS =
      List.of(
          "WARNING",
          "CRITICISM",
          "FINE",
          "CONFISCATION",
          "SUSPENSION",
          "LOWER_QUALIFICATION",
          "REVOCATION",
          "RESTRICT_OPERATIONS",
          "ORDER_CLOSURE",
          "RESTRICT_EMPLOYMENT",
          "DETENTION",
          "OTHER");

  /** 行政强制措施种类: the measures of 行政强制法 Art. 9. */
  static final List<String> MEASURE_KINDS =
      List.of("RESTRICT_FREEDOM", "SEAL", "DETAIN", "FREEZE", "OTHER");

  /** 证件类型 of a natural person. */
  static final List<String> ID_TYPES =
      List.of(
          "RESIDENT_ID",
          "PASSPORT",
          "HK_MACAO_PERMIT",
          "TAIWAN_PERMIT",
          "FOREIGN_PERMANENT_RESIDENT",
          "OTHER");

  static String key(String list, String value) {
    return "decision." + list + "." + value;
  }

  /**
   * The message key of a field's label: {@code decision.field.<name>}, the party's name and
   * category as {@code partyName} and {@code partyCategory}, its other fields by their own names.
   */
  static String labelKey(String field) {
    String name =
        switch (field) {
          case "party.name" -> "partyName";
          case "party.category" -> "partyCategory";
          default -> field.startsWith("party.") ? field.substring("party.".length()) : field;
        };
    return "decision.field." + name;
  }
}
