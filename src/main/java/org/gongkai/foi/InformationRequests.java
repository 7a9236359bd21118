package org.gongkai.foi;

import java.time.LocalDate;
import org.gongkai.account.Staff;

/**
 * The handling steps other modules may drive (the console home, the demo content, integrations);
 * each checks the actor's agency, records the step in the request's history and the audit trail.
 */
public interface InformationRequests {

  /** Staff enter an application that came by post, fax or in person; it is registered at once. */
  Acknowledgement enter(Application form, IntakeChannel channel, LocalDate receivedOn, Staff actor);

  long idOf(String trackingCode);

  void assign(long requestId, long staffId, Staff actor);

  void startConsultation(long requestId, String party, LocalDate sentOn, Staff actor);

  void reply(long requestId, Outcome outcome, String explanation, Staff actor);

  /** Requests in the actor's agencies still open, due within five working days, and overdue. */
  Workload workload(Staff actor);

  record Workload(long open, long dueSoon, long overdue) {}
}
