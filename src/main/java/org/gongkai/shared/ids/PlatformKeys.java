package org.gongkai.shared.ids;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Secret keys the platform signs with (tracking secrets, form challenges), made once and kept in
 * the database, so that every node of a cluster signs and checks alike.
 */
@Component
public class PlatformKeys {

  private final SecureRandom random = new SecureRandom();
  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

  public PlatformKeys(JdbcClient jdbc, TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  public byte[] key(String name) {
    return keys.computeIfAbsent(name, this::loadOrCreate);
  }

  private byte[] loadOrCreate(String name) {
    for (int attempt = 0; attempt < 2; attempt++) {
      var stored =
          jdbc.sql("SELECT setting_value FROM platform_setting WHERE name = ?")
              .param(name)
              .query(String.class)
              .optional();
      if (stored.isPresent()) {
        return HexFormat.of().parseHex(stored.get());
      }
      byte[] fresh = new byte[32];
      random.nextBytes(fresh);
      try {
        transactions.executeWithoutResult(
            tx ->
                jdbc.sql("INSERT INTO platform_setting (name, setting_value) VALUES (?, ?)")
                    .params(name, HexFormat.of().formatHex(fresh))
                    .update());
        return fresh;
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        // Read the other node's key on the next pass.
      }
    }
    throw new IllegalStateException("no key " + name);
  }
}
