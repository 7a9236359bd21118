package org.gongkai.screening.internal;

/** The Luhn check digit that bank card numbers end with (ISO/IEC 7812). */
final class Luhn {

  private Luhn() {}

  static boolean valid(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }
}
