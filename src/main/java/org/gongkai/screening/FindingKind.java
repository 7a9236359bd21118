package org.gongkai.screening;

/** What a finding is; {@code blocking} kinds stop a publication until redacted or justified. */
public enum FindingKind {
  IDENTITY_NUMBER(true),
  MOBILE_NUMBER(true),
  LANDLINE_NUMBER(true),
  BANK_CARD_NUMBER(true),
  PASSPORT_NUMBER(true),
  EMAIL_ADDRESS(true),
  SECRECY_MARK(true),
  HOME_ADDRESS(false),
  NOT_SCANNED(false);

  private final boolean blocking;

  FindingKind(boolean blocking) {
    this.blocking = blocking;
  }

  public boolean blocking() {
    return blocking;
  }
}
