package org.gongkai.calendar;

/**
 * What an announced day is: a statutory holiday (rest), or a weekend day worked to make up for one.
 */
public enum DayKind {
  HOLIDAY,
  MAKEUP_WORKDAY
}
