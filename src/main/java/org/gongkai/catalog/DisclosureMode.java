package org.gongkai.catalog;

/** 公开方式, decided when the document is drafted. */
public enum DisclosureMode {
  PROACTIVE,
  ON_REQUEST,
  NOT_DISCLOSED
}
