package org.gongkai.foi;

/** The form the applicant asks the information in (Art. 29 ¶3, Art. 40). */
public enum InformationForm {
  ELECTRONIC,
  PAPER
}
