package org.gongkai.decision;

/**
 * The category of the party a decision concerns (行政相对人类别): legal persons and other organizations
 * and individual businesses are identified by their unified social credit code, natural persons by
 * an identity document that is never published.
 */
public enum PartyCategory {
  LEGAL_PERSON,
  OTHER_ORGANIZATION,
  INDIVIDUAL_BUSINESS,
  NATURAL_PERSON;

  public boolean isNaturalPerson() {
    return this == NATURAL_PERSON;
  }
}
