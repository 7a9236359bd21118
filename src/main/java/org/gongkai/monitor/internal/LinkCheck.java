package org.gongkai.monitor.internal;

/**
 * What visiting one external link found; {@code status} is the last HTTP status, 0 when none came.
 */
record LinkCheck(String url, Outcome outcome, int status) {

  enum Outcome {
    OK,
    HTTP_ERROR,
    UNREACHABLE,
    PRIVATE_ADDRESS,
    TOO_MANY_REDIRECTS,
    INVALID;

    /** The message key that says why, in the finding. */
    String messageKey() {
      return "monitor.link." + name();
    }
  }

  boolean ok() {
    return outcome == Outcome.OK;
  }
}
