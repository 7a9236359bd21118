package org.gongkai.foi;

/** The applicant columns of the annual report's table 三, in its order. */
public enum ApplicantType {
  NATURAL_PERSON,
  COMMERCIAL_ENTERPRISE,
  RESEARCH_INSTITUTION,
  PUBLIC_INTEREST_ORGANIZATION,
  LEGAL_SERVICE_ORGANIZATION,
  OTHER_ORGANIZATION;

  public boolean isOrganization() {
    return this != NATURAL_PERSON;
  }
}
