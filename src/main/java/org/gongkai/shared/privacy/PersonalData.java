package org.gongkai.shared.privacy;

/** Masks personal data for staff who do not handle the case: enough to recognise, not to use. */
public final class PersonalData {

  private PersonalData() {}

  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int[] cps = name.codePoints().toArray();
    if (cps.length == 1) {
      return "*";
    }
    return new String(cps, 0, 1) + "*".repeat(cps.length - 1);
  }

  public static String idNumber(String id) {
    return keepEnds(id, 2, 2);
  }

  public static String phone(String phone) {
    return keepEnds(phone, 3, 2);
  }

  public static String email(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return at <= 0 ? keepEnds(email, 1, 0) : email.charAt(0) + "***" + email.substring(at);
  }

  public static String address(String address) {
    if (address == null || address.isEmpty()) {
      return address;
    }
    int[] cps = address.codePoints().toArray();
    int keep = Math.min(6, cps.length / 2);
    return new String(cps, 0, keep) + "****";
  }

  private static String keepEnds(String value, int head, int tail) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    if (value.length() <= head + tail) {
      return "*".repeat(value.length());
    }
    return value.substring(0, head)
        + "*".repeat(value.length() - head - tail)
        + value.substring(value.length() - tail);
  }
}
