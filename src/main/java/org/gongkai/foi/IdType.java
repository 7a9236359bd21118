package org.gongkai.foi;

/** The identity document an applicant names (Art. 29: 身份证明). */
public enum IdType {
  RESIDENT_ID,
  PASSPORT,
  HK_MACAO_PERMIT,
  TAIWAN_PERMIT,
  USCC,
  OTHER
}
