package org.gongkai.interaction;

import java.util.List;

/**
 * What the annual assessment asks of the interview record: which leaders took part in the year's
 * sessions.
 */
public interface InterviewFigures {

  /**
   * The agency's active leaders, each with the number of interviews and hotline sessions they took
   * part in that year.
   */
  List<LeaderSessions> leaderSessions(long agencyId, int year);

  record LeaderSessions(String name, String title, boolean head, int sessions) {}
}
