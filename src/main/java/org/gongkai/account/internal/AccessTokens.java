package org.gongkai.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens, as GitHub and GitLab have them: made by a member of staff for themselves,
 * shown once, kept as a hash, limited to scopes and optionally to one agency within the owner's
 * scope, expiring on a date, revocable, and every use audited. A token acts as its owner, never
 * wider: a disabled owner, or one whose rights shrank, takes the token down with them.
 */
@Service
class AccessTokens {

  static final String PREFIX = "gkp_";
  static final int MAX_DAYS = 366;

  /** A token as its owner sees it later: everything but the token. */
  record TokenView(
      long id,
      String name,
      List<String> scopes,
      String agency,
      LocalDate expiresOn,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {

    boolean active(LocalDate today) {
      return revokedAt == null && !expiresOn.isBefore(today);
    }
  }

  /** A new token: its id and the token itself, shown this once. */
  record Created(long id, String token) {}

  /** A token presented with a call: the owner as the token may act, and what it may reach. */
  record Use(long tokenId, Staff actingAs, Set<String> scopes) {}

  private final JdbcClient jdbc;
  private final JdbcAccounts accounts;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  AccessTokens(
      JdbcClient jdbc,
      JdbcAccounts accounts,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  Created create(
      Staff owner, String name, List<String> scopes, LocalDate expiresOn, String agencyCode) {
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw Refusal.invalidField("name", "token.name.required");
    }
    Set<String> granted = ApiScopes.parse(scopes);
    if (granted.isEmpty()) {
      throw Refusal.invalidField(
          "scopes", "token.scopes.invalid", String.join(", ", ApiScopes.all()));
    }
    LocalDate today = LocalDate.now(clock);
    if (expiresOn == null
        || !expiresOn.isAfter(today)
        || expiresOn.isAfter(today.plusDays(MAX_DAYS))) {
      throw Refusal.invalidField("expiresOn", "token.expires-on.invalid", MAX_DAYS);
    }
    Long agencyId = null;
    if (agencyCode != null && !agencyCode.isBlank()) {
      Agency agency =
          agencies
              .findByCode(agencyCode.strip())
              .orElseThrow(() -> Refusal.invalidField("agency", "agency.not-found"));
      if (!access.agencyScope(owner).contains(agency.id())) {
        throw Refusal.invalidField("agency", "token.agency.outside-scope");
      }
      agencyId = agency.id();
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO access_token (account_id, name, token_hash, scopes, agency_id, expires_on,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            owner.id(),
            name.strip(),
            hash(token),
            String.join(" ", granted),
            agencyId,
            expiresOn,
            Timestamps.toDb(Instant.now(clock)))
        .update(keys, "id");
    long id = keys.getKey().longValue();
    audit.record(
        owner.username(),
        "token.created",
        "access-token",
        id,
        name.strip()
            + " "
            + String.join(" ", granted)
            + " until "
            + expiresOn
            + (agencyCode == null || agencyCode.isBlank() ? "" : " agency " + agencyCode.strip()));
    return new Created(id, token);
  }

  List<TokenView> of(Staff owner) {
    return jdbc.sql("SELECT * FROM access_token WHERE account_id = ? ORDER BY id DESC")
        .param(owner.id())
        .query(
            (rs, i) ->
                new TokenView(
                    rs.getLong("id"),
                    rs.getString("name"),
                    List.of(rs.getString("scopes").split(" ")),
                    agencyCode(rs.getObject("agency_id", Long.class)),
                    rs.getObject("expires_on", LocalDate.class),
                    Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class)),
                    Timestamps.fromDb(rs.getObject("last_used_at", OffsetDateTime.class)),
                    Timestamps.fromDb(rs.getObject("revoked_at", OffsetDateTime.class))))
        .list();
  }

  private String agencyCode(Long agencyId) {
    return agencyId == null ? null : agencies.get(agencyId).code();
  }

  /** Revokes a token of the actor's own (the platform admin may revoke anyone's). */
  @Transactional
  void revoke(long id, Staff actor) {
    Long owner =
        jdbc.sql("SELECT account_id FROM access_token WHERE id = ?")
            .param(id)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> Refusal.notFound("token.not-found"));
    if (owner != actor.id() && !actor.isPlatformAdmin()) {
      throw Refusal.notFound("token.not-found");
    }
    jdbc.sql("UPDATE access_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
        .params(Timestamps.toDb(Instant.now(clock)), id)
        .update();
    audit.record(actor.username(), "token.revoked", "access-token", id, null);
  }

  /**
   * The token's use, when it is one of ours, not revoked, not past its day, and its owner still
   * enabled; empty otherwise.
   */
  @Transactional(readOnly = true)
  Optional<Use> authenticate(String presented) {
    if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.now(clock);
    return jdbc.sql(
            "SELECT id, account_id, scopes, agency_id, expires_on FROM access_token"
                + " WHERE token_hash = ? AND revoked_at IS NULL")
        .param(hash(presented))
        .query(
            (rs, i) ->
                new Object[] {
                  rs.getLong("id"),
                  rs.getLong("account_id"),
                  rs.getString("scopes"),
                  rs.getObject("agency_id", Long.class),
                  rs.getObject("expires_on", LocalDate.class)
                })
        .optional()
        .filter(row -> !((LocalDate) row[4]).isBefore(today))
        .flatMap(
            row ->
                accounts
                    .find((Long) row[1])
                    .filter(Staff::enabled)
                    .flatMap(owner -> narrowed(owner, (Long) row[3]))
                    .map(
                        staff ->
                            new Use(
                                (Long) row[0],
                                staff,
                                new TreeSet<>(Arrays.asList(((String) row[2]).split(" "))))));
  }

  /**
   * The owner as a token limited to one agency acts: that agency and those below it, and only where
   * the owner may work today; a platform admin's token is then an agency admin's of it.
   */
  private Optional<Staff> narrowed(Staff owner, Long agencyId) {
    if (agencyId == null) {
      return Optional.of(owner);
    }
    if (!access.agencyScope(owner).contains(agencyId)) {
      return Optional.empty();
    }
    Role role = owner.isPlatformAdmin() ? Role.AGENCY_ADMIN : owner.role();
    return Optional.of(
        new Staff(
            owner.id(),
            owner.username(),
            owner.displayName(),
            role,
            role == Role.AGENCY_ADMIN ? agencyId : owner.agencyId(),
            owner.enabled(),
            owner.personalData()));
  }

  /** Every use is an audit record, and the token's last use is kept for its owner to see. */
  @Transactional
  void used(Use use, String method, String path) {
    jdbc.sql("UPDATE access_token SET last_used_at = ? WHERE id = ?")
        .params(Timestamps.toDb(Instant.now(clock)), use.tokenId())
        .update();
    String call = method + " " + path;
    audit.record(
        use.actingAs().username(),
        "token.used",
        "access-token",
        use.tokenId(),
        call.length() > 300 ? call.substring(0, 300) : call);
  }

  static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
