package org.gongkai.foi;

/** Where a request stands. Every change of state is an event in its history. */
public enum RequestState {
  /** Submitted online, not yet registered: the clock has not started. */
  SUBMITTED,
  /** Registered; the clock runs. */
  OPEN,
  /** The applicant was asked to supplement the application; the clock restarts when it arrives. */
  AWAITING_SUPPLEMENT,
  /**
   * Asked to give reasons for an application beyond a reasonable range (Art. 35); the clock runs,
   * and when the reasons do not come in the period given the request is back with the agency.
   */
  AWAITING_REASONS,
  /**
   * A third party or another agency is consulted; the clock is paused, for at most their 15 working
   * days.
   */
  CONSULTING,
  /** A fee notice is out and unpaid; by setting, the clock is paused until payment. */
  AWAITING_FEE,
  /** Answered with one of the statutory outcomes. */
  REPLIED,
  /** Closed without an answer on its merits: no supplement, or no payment, in time. */
  CLOSED;

  public boolean isConcluded() {
    return this == REPLIED || this == CLOSED;
  }
}
