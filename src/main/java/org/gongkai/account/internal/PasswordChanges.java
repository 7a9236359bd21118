package org.gongkai.account.internal;

import java.util.Objects;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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
  private final TransactionTemplate transactions;

  PasswordChanges(
      JdbcClient jdbc,
      PasswordEncoder passwords,
      PasswordRules rules,
      LoginThrottle throttle,
      AuditTrail audit,
      TransactionTemplate transactions) {
    this.transactions = transactions;
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

  /**
   * The throttle counts outside any transaction, as at a login: a count that two nodes race to
   * insert is retried, which an aborted transaction would not allow.
   */
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
      transactions.executeWithoutResult(
          tx -> audit.record(name, "account.password-change-refused", "account", me.id(), null));
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
    String encoded = passwords.encode(chosen);
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql(
                  "UPDATE account SET password_hash = ?, security_version = security_version + 1"
                      + " WHERE id = ?")
              .params(encoded, me.id())
              .update();
          audit.record(name, "account.password-changed", "account", me.id(), null);
        });
    throttle.succeeded(name, address);
    return Outcome.CHANGED;
  }
}
