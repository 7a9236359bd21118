package org.gongkai.account;

/** What a member of staff may do, within the agency scope of their account. */
public enum Role {
  /** Drafts and revises documents of their own agency. */
  EDITOR,
  /** Reviews confidentiality, approves, publishes and withdraws in their own agency. */
  REVIEWER,
  /** Everything in their agency and the agencies below it, including its columns and users. */
  AGENCY_ADMIN,
  /** Everything on the platform. */
  PLATFORM_ADMIN;

  public boolean reviews() {
    return this != EDITOR;
  }

  public boolean administers() {
    return this == AGENCY_ADMIN || this == PLATFORM_ADMIN;
  }
}
