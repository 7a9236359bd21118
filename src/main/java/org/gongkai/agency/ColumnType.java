package org.gongkai.agency;

import java.util.List;

/**
 * What a column holds. The standard ones follow Art. 20 of the Regulation and are created for every
 * new agency; the monitor and the reports find columns by their type, never by name.
 */
public enum ColumnType {
  FUNCTIONS,
  POLICY,
  INTERPRETATION,
  PLAN,
  STATISTICS,
  BUDGET,
  POWER,
  NOTICE,
  NEWS,
  PERSONNEL,
  ANNUAL_REPORT,
  GENERAL;

  /** The proactive-disclosure columns every agency starts with, in their display order. */
  public static final List<ColumnType> STANDARD =
      List.of(
          FUNCTIONS,
          POLICY,
          INTERPRETATION,
          PLAN,
          STATISTICS,
          BUDGET,
          POWER,
          NOTICE,
          NEWS,
          PERSONNEL,
          ANNUAL_REPORT);
}
