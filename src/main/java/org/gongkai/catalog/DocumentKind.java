package org.gongkai.catalog;

/** What the document is in law: the annual report counts rules and normative documents. */
public enum DocumentKind {
  RULE,
  NORMATIVE_DOCUMENT,
  INTERPRETATION,
  GENERAL
}
