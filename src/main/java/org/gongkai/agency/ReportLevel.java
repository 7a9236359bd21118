package org.gongkai.agency;

/**
 * Whether an agency publishes its annual report as a people's government (by 31 March) or as a
 * department (by 31 January), as the Regulation's Art. 49 and the State Council's notices say.
 */
public enum ReportLevel {
  GOVERNMENT,
  DEPARTMENT
}
