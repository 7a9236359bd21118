package org.gongkai.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.AccountForm;
import org.gongkai.account.Accounts;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcAccounts implements Accounts, UserDetailsService {

  private final JdbcClient jdbc;
  private final PasswordEncoder passwords;
  private final AuditTrail audit;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final Clock clock;
  private final PasswordRules rules;

  JdbcAccounts(
      JdbcClient jdbc,
      PasswordEncoder passwords,
      AuditTrail audit,
      AgencyDirectory agencies,
      StaffAccess access,
      Clock clock,
      PasswordRules rules) {
    this.rules = rules;
    this.jdbc = jdbc;
    this.passwords = passwords;
    this.audit = audit;
    this.agencies = agencies;
    this.access = access;
    this.clock = clock;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return jdbc.sql("SELECT * FROM account WHERE username = ?")
        .param(username)
        .query(
            (rs, i) ->
                new StaffPrincipal(
                    staff(rs, i), rs.getString("password_hash"), rs.getBoolean("enabled")))
        .optional()
        .orElseThrow(() -> new UsernameNotFoundException(username));
  }

  @Override
  public List<Staff> list(Staff viewer) {
    List<Staff> all =
        jdbc.sql("SELECT * FROM account ORDER BY username").query(JdbcAccounts::staff).list();
    if (viewer.isPlatformAdmin()) {
      return all;
    }
    Set<Long> scope = access.agencyScope(viewer);
    return all.stream().filter(s -> s.agencyId() != null && scope.contains(s.agencyId())).toList();
  }

  /** The account's security version, or empty when the account is gone or disabled. */
  Optional<Integer> activeSecurityVersion(long id) {
    return jdbc.sql("SELECT security_version FROM account WHERE id = ? AND enabled = TRUE")
        .param(id)
        .query(Integer.class)
        .optional();
  }

  @Override
  public Optional<Staff> find(long id) {
    return jdbc.sql("SELECT * FROM account WHERE id = ?")
        .param(id)
        .query(JdbcAccounts::staff)
        .optional();
  }

  @Override
  public Optional<Staff> findByUsername(String username) {
    return jdbc.sql("SELECT * FROM account WHERE username = ?")
        .param(username)
        .query(JdbcAccounts::staff)
        .optional();
  }

  /** The one account with this e-mail address (ignoring case); empty when none or several. */
  Optional<Staff> findByEmail(String email) {
    List<Staff> found =
        jdbc.sql("SELECT * FROM account WHERE LOWER(email) = LOWER(?)")
            .param(email.strip())
            .query(JdbcAccounts::staff)
            .list();
    return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
  }

  @Override
  @Transactional
  public Staff create(AccountForm form, Staff actor) {
    checkScope(form, actor);
    if (findByUsername(form.getUsername().trim()).isPresent()) {
      throw Refusal.invalidField("username", "account.username.taken");
    }
    rules.check("password", form.getPassword(), form.getUsername());
    Staff created =
        insert(
            form.getUsername().trim(),
            form.getDisplayName().trim(),
            form.getRole(),
            form.getAgencyId(),
            form.getPassword(),
            form.isEnabled());
    if (form.getEmail() != null && !form.getEmail().isBlank()) {
      jdbc.sql("UPDATE account SET email = ? WHERE id = ?")
          .params(form.getEmail().trim(), created.id())
          .update();
    }
    if (form.isPersonalData()) {
      jdbc.sql("UPDATE account SET personal_data = TRUE WHERE id = ?").param(created.id()).update();
      created = find(created.id()).orElseThrow();
    }
    audit.record(actor.username(), "account.created", "account", created.id(), describe(created));
    return created;
  }

  @Override
  @Transactional
  public Staff update(long id, AccountForm form, Staff actor) {
    Staff existing = find(id).orElseThrow(() -> Refusal.notFound("account.not-found"));
    if (existing.agencyId() == null) {
      access.requirePlatformAdmin(actor);
    } else {
      access.requireAdministrator(actor, existing.agencyId());
    }
    checkScope(form, actor);
    if (existing.id() == actor.id() && (!form.isEnabled() || form.getRole() != existing.role())) {
      throw Refusal.invalidField("role", "account.self-demotion");
    }
    if (existing.id() == actor.id()
        && form.isPersonalData()
        && !existing.personalData()
        && !actor.isPlatformAdmin()) {
      // Another administrator decides who sees personal data in full, never the person themselves.
      throw Refusal.invalidField("personalData", "account.personal-data.self-grant");
    }
    boolean accessChanged =
        existing.enabled() != form.isEnabled()
            || existing.role() != form.getRole()
            || !Objects.equals(existing.agencyId(), agencyFor(form))
            || existing.personalData() != form.isPersonalData();
    jdbc.sql(
            "UPDATE account SET display_name = ?, role = ?, agency_id = ?, enabled = ?, email = ?, personal_data = ?,"
                + " security_version = security_version + ? WHERE id = ?")
        .params(
            form.getDisplayName().trim(),
            form.getRole().name(),
            agencyFor(form),
            form.isEnabled(),
            blankToNull(form.getEmail()),
            form.isPersonalData(),
            accessChanged ? 1 : 0,
            id)
        .update();
    if (form.getPassword() != null && !form.getPassword().isBlank()) {
      rules.check("password", form.getPassword(), existing.username());
      jdbc.sql(
              "UPDATE account SET password_hash = ?, security_version = security_version + 1 WHERE id = ?")
          .params(passwords.encode(form.getPassword()), id)
          .update();
      audit.record(actor.username(), "account.password-reset", "account", id, null);
    }
    Staff updated = find(id).orElseThrow();
    audit.record(actor.username(), "account.updated", "account", id, describe(updated));
    return updated;
  }

  @Override
  public Optional<String> emailOf(long id) {
    return jdbc.sql("SELECT email FROM account WHERE id = ?")
        .param(id)
        .query(String.class)
        .optional()
        .filter(e -> !e.isBlank());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  @Override
  public boolean anyPlatformAdmin() {
    return jdbc.sql("SELECT COUNT(*) FROM account WHERE role = 'PLATFORM_ADMIN'")
            .query(Long.class)
            .single()
        > 0;
  }

  @Override
  @Transactional
  public Staff bootstrap(
      String username, String displayName, Role role, Long agencyId, String rawPassword) {
    Staff created = insert(username, displayName, role, agencyId, rawPassword, true);
    audit.record("system", "account.created", "account", created.id(), describe(created));
    return created;
  }

  private Staff insert(
      String username,
      String displayName,
      Role role,
      Long agencyId,
      String rawPassword,
      boolean enabled) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO account (username, password_hash, display_name, role, agency_id, enabled, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            username,
            passwords.encode(rawPassword),
            displayName,
            role.name(),
            role == Role.PLATFORM_ADMIN ? null : agencyId,
            enabled,
            Timestamps.toDb(Instant.now(clock)))
        .update(keys, "id");
    return find(Objects.requireNonNull(keys.getKey()).longValue()).orElseThrow();
  }

  private void checkScope(AccountForm form, Staff actor) {
    if (form.getRole() == Role.PLATFORM_ADMIN) {
      access.requirePlatformAdmin(actor);
      return;
    }
    if (form.getAgencyId() == null) {
      throw Refusal.invalidField("agencyId", "account.agency.required");
    }
    if (agencies.find(form.getAgencyId()).isEmpty()) {
      throw Refusal.invalidField("agencyId", "agency.not-found");
    }
    access.requireAdministrator(actor, form.getAgencyId());
  }

  private static Long agencyFor(AccountForm form) {
    return form.getRole() == Role.PLATFORM_ADMIN ? null : form.getAgencyId();
  }

  private static String describe(Staff s) {
    return s.username()
        + " "
        + s.role()
        + " agency="
        + s.agencyId()
        + (s.personalData() ? " personal-data" : "");
  }

  static Staff staff(ResultSet rs, int row) throws SQLException {
    return new Staff(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        Role.valueOf(rs.getString("role")),
        rs.getObject("agency_id", Long.class),
        rs.getBoolean("enabled"),
        rs.getBoolean("personal_data"));
  }
}
