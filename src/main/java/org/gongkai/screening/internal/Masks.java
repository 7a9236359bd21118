package org.gongkai.screening.internal;

import org.gongkai.screening.FindingKind;
import org.gongkai.shared.privacy.PersonalData;

/**
 * What an answer may show of a finding: a few words before it, to find it again, and the value
 * masked as the platform masks personal data elsewhere. Secrecy marks are shown as they are: they
 * are no one's data.
 */
final class Masks {

  private static final int CONTEXT = 6;

  private Masks() {}

  static String excerpt(String text, TextRules.Hit hit) {
    String before = text.substring(Math.max(0, hit.start() - CONTEXT), hit.start());
    before = before.replaceAll("\\s+", " ").stripLeading();
    return before + mask(hit.kind(), hit.value());
  }

  static String mask(FindingKind kind, String value) {
    return switch (kind) {
      case SECRECY_MARK, NOT_SCANNED -> value.strip();
      case EMAIL_ADDRESS -> PersonalData.email(value);
      case HOME_ADDRESS -> PersonalData.address(value);
      case MOBILE_NUMBER, LANDLINE_NUMBER -> PersonalData.phone(value);
      default -> PersonalData.idNumber(value);
    };
  }
}
