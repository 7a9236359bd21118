package org.gongkai.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.privacy.Resealing;
import org.gongkai.shared.time.Timestamps;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The second factor of staff accounts: an authenticator app's six-digit code (TOTP), or one of ten
 * recovery codes shown once at enrolment. It is required of the roles in {@code
 * gongkai.security.second-factor.required-roles} (administrators by default) and open to everybody
 * else; the key is kept encrypted, the recovery codes as hashes.
 */
@Service
class SecondFactors {

  /** What a password login still needs. */
  enum Need {
    NONE,
    VERIFY,
    ENROL
  }

  static final String PURPOSE = "account.totp_secret";
  private static final int RECOVERY_CODES = 10;
  static final int RECOVERY_CODE_LENGTH = 16;
  private static final String SALTED = "s1$";

  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Set<Role> requiredFor;
  private final boolean requiredForPersonalData;
  private final SecureRandom random = new SecureRandom();

  SecondFactors(
      JdbcClient jdbc,
      PersonalDataCipher cipher,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock,
      SecondFactorProperties settings) {
    this.requiredForPersonalData = settings.personalData();
    this.jdbc = jdbc;
    this.cipher = cipher;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
    this.requiredFor = Set.copyOf(settings.requiredRoles());
  }

  /**
   * Authenticator keys sealed under an older privacy key are sealed again, so that key can be
   * retired.
   */
  @EventListener(ApplicationReadyEvent.class)
  void resealKeys() {
    Resealing.inBackground(jdbc, transactions, cipher, "account", Map.of("totp_secret", PURPOSE));
  }

  Need need(Staff staff) {
    if (enrolled(staff.id())) {
      return Need.VERIFY;
    }
    return requiredFor.contains(staff.role()) || (requiredForPersonalData && staff.personalData())
        ? Need.ENROL
        : Need.NONE;
  }

  boolean enrolled(long accountId) {
    return jdbc.sql("SELECT COUNT(*) FROM account WHERE id = ? AND totp_enabled_at IS NOT NULL")
            .param(accountId)
            .query(Long.class)
            .single()
        > 0;
  }

  String newSecret() {
    return Totp.newSecret(random);
  }

  /** Checks a code from the app, or a recovery code (spent by its use); records the outcome. */
  boolean verify(Staff staff, String code) {
    return Boolean.TRUE.equals(
        transactions.execute(
            tx -> {
              var row =
                  jdbc.sql(
                          "SELECT totp_secret, totp_last_step FROM account WHERE id = ? FOR UPDATE")
                      .param(staff.id())
                      .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, Long.class)})
                      .single();
              if (row[0] == null) {
                return false;
              }
              String secret = cipher.open(PURPOSE, staff.id(), (String) row[0]);
              OptionalLong step =
                  Totp.verify(secret, code, row[1] == null ? Long.MIN_VALUE : (Long) row[1], clock);
              if (step.isPresent()) {
                jdbc.sql("UPDATE account SET totp_last_step = ? WHERE id = ?")
                    .params(step.getAsLong(), staff.id())
                    .update();
                return true;
              }
              if (code != null && spendRecoveryCode(staff, code)) {
                audit.record(
                    staff.username(), "account.recovery-code.used", "account", staff.id(), null);
                return true;
              }
              return false;
            }));
  }

  /**
   * Turns the second factor on once the app shows a matching code; returns the recovery codes,
   * shown this once.
   */
  List<String> enable(Staff staff, String secret, String code) {
    if (Totp.verify(secret, code, Long.MIN_VALUE, clock).isEmpty()) {
      return List.of();
    }
    List<String> codes = new ArrayList<>();
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql(
                  "UPDATE account SET totp_secret = ?, totp_enabled_at = ?, totp_last_step = NULL WHERE id = ?")
              .params(
                  cipher.seal(PURPOSE, staff.id(), secret),
                  Timestamps.toDb(Instant.now(clock)),
                  staff.id())
              .update();
          jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = ?")
              .param(staff.id())
              .update();
          for (int i = 0; i < RECOVERY_CODES; i++) {
            String recovery = recoveryCode();
            codes.add(recovery);
            jdbc.sql("INSERT INTO account_recovery_code (account_id, code_hash) VALUES (?, ?)")
                .params(staff.id(), saltedHash(normal(recovery), salt()))
                .update();
          }
          audit.record(
              staff.username(), "account.second-factor.enabled", "account", staff.id(), null);
        });
    return codes;
  }

  /** An administrator clears a lost second factor; the owner enrols again at the next login. */
  void reset(Staff account, Staff admin) {
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql(
                  "UPDATE account SET totp_secret = NULL, totp_enabled_at = NULL, totp_last_step = NULL,"
                      + " security_version = security_version + 1 WHERE id = ?")
              .param(account.id())
              .update();
          jdbc.sql("DELETE FROM account_recovery_code WHERE account_id = ?")
              .param(account.id())
              .update();
          audit.record(
              admin.username(),
              "account.second-factor.reset",
              "account",
              account.id(),
              account.username());
        });
  }

  long unusedRecoveryCodes(long accountId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM account_recovery_code WHERE account_id = ? AND used_at IS NULL")
        .param(accountId)
        .query(Long.class)
        .single();
  }

  /**
   * Spends a matching unused recovery code. Codes are salted hashes ({@code s1$salt$hash}); codes
   * handed out before salting (a plain SHA-256) still work once each, until the next enrolment
   * replaces them.
   */
  private boolean spendRecoveryCode(Staff staff, String code) {
    String normal = normal(code);
    if (normal.length() > 40) {
      return false;
    }
    List<Object[]> unused =
        jdbc.sql(
                "SELECT id, code_hash FROM account_recovery_code WHERE account_id = ? AND used_at IS NULL")
            .param(staff.id())
            .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
            .list();
    for (Object[] row : unused) {
      String stored = (String) row[1];
      String expected =
          stored.startsWith(SALTED)
              ? saltedHash(normal, stored.substring(SALTED.length(), stored.lastIndexOf('$')))
              : hash(normal);
      if (MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII),
          stored.getBytes(StandardCharsets.US_ASCII))) {
        return jdbc.sql(
                    "UPDATE account_recovery_code SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(Timestamps.toDb(Instant.now(clock)), row[0])
                .update()
            == 1;
      }
    }
    return false;
  }

  /**
   * Sixteen characters from an alphabet of 31 without look-alikes (79 bits), shown as four groups.
   */
  private String recoveryCode() {
    String alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < RECOVERY_CODE_LENGTH; i++) {
      if (i > 0 && i % 4 == 0) {
        code.append('-');
      }
      code.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return code.toString();
  }

  private static String normal(String code) {
    return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
  }

  private String salt() {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return HexFormat.of().formatHex(salt);
  }

  /** A code of 79 random bits needs no slow hash, but a salt, so that equal codes differ. */
  private static String saltedHash(String normal, String salt) {
    return SALTED + salt + "$" + hash(salt + normal);
  }

  private static String hash(String code) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(code.replace("-", "").getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
