package org.gongkai.foi.internal;

/**
 * The letters a request produces. The reply (答复书 or 告知书, by outcome) concludes it; the others are
 * interim letters each step sends: the 补正告知书 (Art. 30), the 延期答复告知书 (Art. 33), the letter
 * consulting a third party (征求意见函, Art. 32) or another agency (Art. 34), the 收费通知书 (信息处理费管理办法), and
 * under Art. 35 the request for reasons and the notice of a longer period.
 */
enum LetterKind {
  REPLY,
  SUPPLEMENT_NOTICE,
  EXTENSION_NOTICE,
  CONSULTATION_LETTER,
  AGENCY_CONSULTATION_LETTER,
  FEE_NOTICE,
  REASONS_REQUEST,
  PERIOD_NOTICE;

  /** The party consulted receives the consultation letters; the applicant every other. */
  boolean toThirdParty() {
    return this == CONSULTATION_LETTER || this == AGENCY_CONSULTATION_LETTER;
  }
}
