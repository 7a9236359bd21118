package org.gongkai.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which single sign-on identity, named by its provider's issuer and subject, is which account. The
 * pair is the only thing OpenID Connect promises to be stable and unique; a user name or e-mail
 * address at the provider can be changed by its user, so it never decides who logs in once a link
 * exists. Each account has at most one identity per provider, and each identity one account.
 */
@Component
class SingleSignOnLinks {

  /** A linked identity, as the account page lists it. */
  record Link(String issuer, String subject, long accountId, Instant linkedAt, String linkedBy) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  SingleSignOnLinks(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  Optional<Long> accountOf(String issuer, String subject) {
    return jdbc.sql("SELECT account_id FROM account_identity WHERE issuer = ? AND subject = ?")
        .params(issuer, subject)
        .query(Long.class)
        .optional();
  }

  boolean linkedTo(long accountId, String issuer) {
    return jdbc.sql("SELECT COUNT(*) FROM account_identity WHERE account_id = ? AND issuer = ?")
            .params(accountId, issuer)
            .query(Long.class)
            .single()
        > 0;
  }

  List<Link> of(long accountId) {
    return jdbc.sql("SELECT * FROM account_identity WHERE account_id = ? ORDER BY issuer")
        .param(accountId)
        .query(
            (rs, i) ->
                new Link(
                    rs.getString("issuer"),
                    rs.getString("subject"),
                    rs.getLong("account_id"),
                    Timestamps.fromDb(rs.getObject("linked_at", java.time.OffsetDateTime.class)),
                    rs.getString("linked_by")))
        .list();
  }

  /**
   * Links the identity to the account; refused when the identity or the account (for this issuer)
   * is already linked. {@code linkedBy} is the administrator, or the claim that linked it.
   */
  @Transactional
  void link(Staff account, String issuer, String subject, String linkedBy) {
    String cleanIssuer = required("issuer", issuer, 300);
    String cleanSubject = required("subject", subject, 255);
    if (accountOf(cleanIssuer, cleanSubject).isPresent()) {
      throw Refusal.invalidField("subject", "account.identity.taken");
    }
    if (linkedTo(account.id(), cleanIssuer)) {
      throw Refusal.invalidField("issuer", "account.identity.already-linked");
    }
    try {
      jdbc.sql(
              "INSERT INTO account_identity (issuer, subject, account_id, linked_at, linked_by)"
                  + " VALUES (?, ?, ?, ?, ?)")
          .params(
              cleanIssuer,
              cleanSubject,
              account.id(),
              Timestamps.toDb(Instant.now(clock)),
              linkedBy.length() > 100 ? linkedBy.substring(0, 100) : linkedBy)
          .update();
    } catch (DuplicateKeyException raced) {
      throw Refusal.invalidField("subject", "account.identity.taken");
    }
    audit.record(
        linkedBy.length() > 60 ? linkedBy.substring(0, 60) : linkedBy,
        "account.identity.linked",
        "account",
        account.id(),
        cleanIssuer + " " + cleanSubject);
  }

  /** Removes a link; the account's open sessions end, since one may have come through it. */
  @Transactional
  void unlink(Staff account, String issuer, Staff admin) {
    int removed =
        jdbc.sql("DELETE FROM account_identity WHERE account_id = ? AND issuer = ?")
            .params(account.id(), issuer)
            .update();
    if (removed == 0) {
      throw Refusal.notFound("account.identity.not-found");
    }
    jdbc.sql("UPDATE account SET security_version = security_version + 1 WHERE id = ?")
        .param(account.id())
        .update();
    audit.record(admin.username(), "account.identity.unlinked", "account", account.id(), issuer);
  }

  private static String required(String field, String value, int max) {
    if (value == null || value.isBlank() || value.strip().length() > max) {
      throw Refusal.invalidField(field, "account.identity." + field + ".required");
    }
    return value.strip();
  }
}
