package org.gongkai.shared.ids;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

/**
 * The 18-character resident identity card number (GB 11643-1999): birth date and ISO 7064 MOD 11-2
 * check character.
 */
public final class ResidentIds {

  private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CHECK = "10X98765432";
  private static final DateTimeFormatter BIRTH =
      DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

  private ResidentIds() {}

  public static String normalize(String number) {
    return number == null ? "" : number.trim().toUpperCase(Locale.ROOT);
  }

  public static boolean isValid(String number) {
    String n = normalize(number);
    if (n.length() != 18 || !n.substring(0, 17).chars().allMatch(Character::isDigit)) {
      return false;
    }
    try {
      LocalDate birth = LocalDate.parse(n.substring(6, 14), BIRTH);
      if (birth.getYear() < 1900) {
        return false;
      }
    } catch (DateTimeParseException e) {
      return false;
    }
    return checkCharacter(n.substring(0, 17)) == n.charAt(17);
  }

  /** The check character for the first 17 digits. */
  public static char checkCharacter(String body) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (body.charAt(i) - '0') * WEIGHTS[i];
    }
    return CHECK.charAt(sum % 11);
  }
}
