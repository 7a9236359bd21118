package org.gongkai.catalog;

import java.util.List;

/**
 * Checks a text against the platform's word lists (forbidden words, frequent misspellings, leaders'
 * names and titles), so that an editor sees the findings before submitting. Provided by the
 * monitor; the catalog asks through this port and works without it.
 */
public interface WordingCheck {

  List<Issue> check(String text);

  /**
   * {@code list} is FORBIDDEN, MISSPELLING or LEADER; {@code suggestion} what to write instead, if
   * known.
   */
  record Issue(String list, String found, String suggestion) {}
}
