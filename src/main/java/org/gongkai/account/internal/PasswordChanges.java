package org.gongkai.account.internal;

import java.util.Objects;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member of staff changing their own password: the current one first (a wrong one counts towards
 * the login lock, so an open session cannot be used to guess it), then the new one under the same
 * rules as any password set here. Every other session of the account ends; the change and each
 * refusal of the current password are audit records.
 */
@Service
class PasswordChanges {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final PasswordRules rules;
  private final LoginThrottle throttle;
  private final AuditTrail audit;

  PasswordChanges(
      JdbcClient jdbc,
      PasswordEncoder passwords,
      PasswordRules rules,
      LoginThrottle throttle,
      AuditTrail audit) {
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.rules = rules;
    this.throttle = throttle;
    this.audit = audit;
  }

  /** What became of an attempt: changed, refused, or refused and now locked out. */
  enum Outcome {
    CHANGED,
    LOCKED
  }

  @Transactional(noRollbackFor = Refusal.class)
  Outcome change(Staff me, String current, String chosen, String repeated, String address) {
    String name = me.username();
    String hash =
        jdbc.sql("SELECT password_hash FROM account WHERE id = ? AND enabled = TRUE")
            .param(me.id())
            .query(String.class)
            .optional()
            .orElseThrow(() -> Refusal.notFound("account.not-found"));
    if (throttle.isLocked(name, address)) {
      return Outcome.LOCKED;
    }
    if (current == null || !passwords.matches(current, hash)) {
      audit.record(name, "account.password-change-refused", "account", me.id(), null);
      if (throttle.failed(name, address)) {
        return Outcome.LOCKED;
      }
      throw Refusal.invalidField("current", "account.password.current-wrong");
    }
    rules.check("password", chosen, name);
    if (!Objects.equals(chosen, repeated)) {
      throw Refusal.invalidField("repeated", "account.password.repeat-differs");
    }
    if (passwords.matches(chosen, hash)) {
      throw Refusal.invalidField("password", "account.password.unchanged");
    }
    jdbc.sql(
            "UPDATE account SET password_hash = ?, security_version = security_version + 1"
                + " WHERE id = ?")
        .params(passwords.encode(chosen), me.id())
        .update();
    throttle.succeeded(name, address);
    audit.record(name, "account.password-changed", "account", me.id(), null);
    return Outcome.CHANGED;
  }
}
