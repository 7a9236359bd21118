package org.gongkai.analytics.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A random salt per day, the same on every node so that one visitor reaching two nodes counts once;
 * the first node to need a day's salt draws it, the others read it. Each node keeps today's and
 * tomorrow's in memory; a day's salt is deleted from the database and from memory once the day has
 * ended, so that no hash of that day can be linked to an address again (as Plausible does).
 */
@Component
class DaySalts {

  record Salt(LocalDate day, long k0, long k1) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Map<LocalDate, Salt> held = new ConcurrentHashMap<>();

  DaySalts(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The day's salt: from memory, else the database's, else a new one (once a day per node). */
  Salt of(LocalDate day) {
    Salt salt = held.get(day);
    return salt != null ? salt : load(day);
  }

  private synchronized Salt load(LocalDate day) {
    Salt salt = held.get(day);
    if (salt != null) {
      return salt;
    }
    String hex = read(day);
    if (hex == null) {
      byte[] bytes = new byte[16];
      RANDOM.nextBytes(bytes);
      try {
        jdbc.sql("INSERT INTO visit_salt (on_day, salt) VALUES (:day, :salt)")
            .param("day", day)
            .param("salt", HexFormat.of().formatHex(bytes))
            .update();
      } catch (DuplicateKeyException drawnElsewhere) {
        // Another node drew the day's salt first: take that one.
      }
      hex = read(day);
    }
    byte[] bytes = HexFormat.of().parseHex(hex);
    salt = new Salt(day, toLong(bytes, 0), toLong(bytes, 8));
    held.put(day, salt);
    return salt;
  }

  private String read(LocalDate day) {
    return jdbc.sql("SELECT salt FROM visit_salt WHERE on_day = :day")
        .param("day", day)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /**
   * Every few minutes on each node: tomorrow's salt ready before midnight, so that the first
   * request of a day does not wait on the database; past days' salts forgotten and deleted.
   */
  @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT10S")
  void refresh() {
    LocalDate today = LocalDate.now(clock);
    held.keySet().removeIf(day -> day.isBefore(today));
    jdbc.sql("DELETE FROM visit_salt WHERE on_day < :today").param("today", today).update();
    of(today);
    of(today.plusDays(1));
  }

  private static long toLong(byte[] bytes, int offset) {
    long value = 0;
    for (int i = 0; i < 8; i++) {
      value = (value << 8) | (bytes[offset + i] & 0xFF);
    }
    return value;
  }
}
