package org.gongkai.foi;

/**
 * Whom a request is consulted with, which decides what silence means when the 15 working days from
 * the letter's receipt are over.
 */
public enum ConsultedParty {
  /**
   * A third party whose rights the disclosure may harm (Art. 32): silence leaves the decision to
   * the agency.
   */
  THIRD_PARTY,
  /**
   * Another agency that made or holds the information with this one (Art. 34): silence counts as
   * consent.
   */
  AGENCY
}
