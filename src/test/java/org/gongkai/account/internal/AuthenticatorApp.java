package org.gongkai.account.internal;

import java.time.Clock;
import java.time.Instant;

/** What the phone app shows, for tests that go through a login with a second factor. */
public final class AuthenticatorApp {

  private AuthenticatorApp() {}

  /** The code for {@code key} (as the setup page shows it, spaces and all) at this moment. */
  public static String code(String key, Clock clock) {
    return Totp.codeAt(
        key.replace(" ", ""), Instant.now(clock).getEpochSecond() / Totp.STEP_SECONDS);
  }
}
