package org.gongkai.interaction;

import java.util.Collection;
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

  /**
   * The agencies' interviews and hotline sessions held in the year, with the public's questions
   * they received and answered, for the yearly website report.
   */
  InterviewYear year(Collection<Long> agencyIds, int year);

  record InterviewYear(int held, int questionsReceived, int questionsAnswered) {}

  record LeaderSessions(String name, String title, boolean head, int sessions) {}
}
