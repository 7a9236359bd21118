package org.gongkai.intake.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;

/** Dates of writing and of printing, in Arabic figures (2026年3月5日) or written out (二〇二六年三月五日). */
final class Dates {

  private Dates() {}

  /** The date a line holds on its own, or null. */
  static LocalDate ofLine(String line) {
    Matcher m = Words.DATE_LINE.matcher(line);
    return m.matches() ? of(m.group(1), m.group(2), m.group(3)) : null;
  }

  /** The date of a matched {@link Words#DATE}: year, month, day; null when no such day exists. */
  static LocalDate of(String year, String month, String day) {
    int y = number(year, true);
    int m = number(month, false);
    int d = number(day, false);
    if (y < 0 || m < 0 || d < 0) {
      return null;
    }
    try {
      return LocalDate.of(y, m, d);
    } catch (DateTimeException e) {
      return null;
    }
  }

  /** Whether the date was written out in Chinese numerals. */
  static boolean writtenOut(String line) {
    return line.chars().noneMatch(Character::isDigit);
  }

  /**
   * A number in figures or Chinese numerals: a year digit by digit (二〇二六), a month or day with tens
   * (十一, 二十, 三十一); -1 when it is neither.
   */
  static int number(String text, boolean digitByDigit) {
    String s = text.replaceAll("\\s+", "");
    if (s.isEmpty()) {
      return -1;
    }
    if (s.chars().allMatch(Character::isDigit)) {
      return Integer.parseInt(s);
    }
    if (digitByDigit) {
      int value = 0;
      for (int i = 0; i < s.length(); i++) {
        int digit = digit(s.charAt(i));
        if (digit < 0) {
          return -1;
        }
        value = value * 10 + digit;
      }
      return value;
    }
    int ten = s.indexOf(Words.TEN);
    if (ten < 0) {
      return s.length() == 1 ? digit(s.charAt(0)) : -1;
    }
    int tens = ten == 0 ? 1 : ten == 1 ? digit(s.charAt(0)) : -1;
    int units = ten == s.length() - 1 ? 0 : ten == s.length() - 2 ? digit(s.charAt(ten + 1)) : -1;
    return tens < 0 || units < 0 ? -1 : tens * 10 + units;
  }

  private static int digit(char c) {
    int i = Words.DIGITS.indexOf(c);
    if (i >= 0) {
      return i;
    }
    return Words.ZEROS.indexOf(c) >= 0 && c != '|' ? 0 : -1;
  }
}
