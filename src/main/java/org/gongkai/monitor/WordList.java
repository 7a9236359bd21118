package org.gongkai.monitor;

/**
 * The monitor's word lists. PROHIBITED: reactionary, violent or pornographic wording, the index's
 * veto; FORBIDDEN: wording to avoid; MISSPELLING: a wrong word with its correction; LEADER: a
 * leader's name with the title that must go with it.
 */
public enum WordList {
  FORBIDDEN,
  MISSPELLING,
  LEADER,
  PROHIBITED
}
