package org.gongkai.monitor;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Staff;

/** What other modules may ask of the monitor: word list entries and runs, of one agency or all. */
public interface Monitor {

  /** Platform admin only, audited. */
  void addWord(WordList list, String term, String replacement, Staff actor);

  /**
   * The working days within which a document must be published after it was issued (主动公开时限): the
   * monitor's threshold for a late publication, which the annual assessment applies too.
   */
  int proactiveWorkingDays();

  /** Checks every agency now and keeps the day's results; returns how many were checked. */
  int runAll();

  /**
   * Checks one agency now, on every site that shows it, and keeps the day's results: what the
   * re-check after a change does, without waiting for it.
   */
  void check(long agencyId);

  /**
   * The agency's daily results between the dates, both inclusive, oldest first: what the annual
   * assessment averages.
   */
  List<DailyScore> scores(long agencyId, LocalDate first, LocalDate last);

  record DailyScore(LocalDate runOn, int score, boolean vetoed) {}
}
