package org.gongkai.foi;

/** How the application reached the agency; Art. 31 fixes the day of receipt by it. */
public enum IntakeChannel {
  /** Online or fax: the day both sides confirm receipt. */
  ONLINE,
  FAX,
  /** In person: that day. */
  IN_PERSON,
  /** By post: the day the agency signs for it. */
  POST
}
