package org.gongkai.shared.ids;

import java.util.Locale;

/**
 * Check characters of the two codes that identify a Chinese agency: the 9-character organization
 * code (GB 11714-1997) and the 18-character unified social credit code (GB 32100-2015), whose
 * positions 9 to 17 embed the organization code.
 */
public final class OrganizationCodes {

  private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
  private static final String USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] USCC_WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  private OrganizationCodes() {}

  /** Normalizes what people type: upper case, hyphen of the printed organization code dropped. */
  public static String normalize(String code) {
    return code == null ? "" : code.trim().toUpperCase(Locale.ROOT).replace("-", "");
  }

  public static boolean isValid(String code) {
    String c = normalize(code);
    return switch (c.length()) {
      case 9 -> isValidOrganizationCode(c);
      case 18 -> isValidCreditCode(c);
      default -> false;
    };
  }

  public static boolean isValidOrganizationCode(String code) {
    if (code.length() != 9) {
      return false;
    }
    Character check = organizationCheckCharacter(code.substring(0, 8));
    return check != null && check == code.charAt(8);
  }

  public static boolean isValidCreditCode(String code) {
    if (code.length() != 18) {
      return false;
    }
    Character check = creditCheckCharacter(code.substring(0, 17));
    return check != null && check == code.charAt(17);
  }

  /**
   * The check character for the first 8 characters of an organization code, or null if malformed.
   */
  public static Character organizationCheckCharacter(String body) {
    if (body.length() != 8) {
      return null;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char ch = body.charAt(i);
      int value;
      if (ch >= '0' && ch <= '9') {
        value = ch - '0';
      } else if (ch >= 'A' && ch <= 'Z') {
        value = ch - 'A' + 10;
      } else {
        return null;
      }
      sum += value * ORG_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return switch (check) {
      case 10 -> 'X';
      case 11 -> '0';
      default -> (char) ('0' + check);
    };
  }

  /** The check character for the first 17 characters of a credit code, or null if malformed. */
  public static Character creditCheckCharacter(String body) {
    if (body.length() != 17) {
      return null;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = USCC_CHARSET.indexOf(body.charAt(i));
      if (value < 0) {
        return null;
      }
      sum += value * USCC_WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return USCC_CHARSET.charAt(check);
  }

  /** Completes a 17-character body into a valid credit code. */
  public static String completeCreditCode(String body) {
    Character check = creditCheckCharacter(body);
    if (check == null) {
      throw new IllegalArgumentException("not a credit code body: " + body);
    }
    return body + check;
  }
}
