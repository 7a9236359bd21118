package org.gongkai.audit.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.time.Timestamps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the audit trail tamper-evident. Every few seconds the records committed since the last run
 * are sealed, each with its place in the chain and an HMAC-SHA-256 of the previous record's hash
 * and its own fields, under a key that lives outside the database (derived from the personal-data
 * lookup key): whoever can write the table cannot compute a fitting hash. Changing, inserting or
 * removing a sealed record then breaks every hash after it, which {@link #verify()} finds. Sealing
 * runs apart from the writers, so an audited change never waits for another; the chain head is
 * locked while sealing, so that nodes sharing a database take turns. The head is written to the log
 * each day, to be kept where the database's administrators cannot rewrite it.
 */
@Component
class AuditChain {

  static final String GENESIS = "0".repeat(64);
  private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final PersonalDataCipher keys;

  AuditChain(
      JdbcClient jdbc, TransactionTemplate transactions, Clock clock, PersonalDataCipher keys) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.clock = clock;
    this.keys = keys;
  }

  /** The key of the chain's links. */
  Mac mac() {
    return keys.keyedMac(KEY_PURPOSE);
  }

  static final String KEY_PURPOSE = "audit-chain";

  /** Seals everything committed so far; returns how many records it sealed. */
  @ClusterJob(fixedDelay = "${gongkai.audit.seal-interval:" + AuditProperties.SEAL_INTERVAL + "}")
  int sealPending() {
    int total = 0;
    int sealed;
    do {
      sealed = transactions.execute(tx -> sealBatch());
      total += sealed;
    } while (sealed == BATCH);
    return total;
  }

  private int sealBatch() {
    Head head =
        jdbc.sql("SELECT sealed, head FROM audit_chain WHERE id = 1 FOR UPDATE")
            .query((rs, i) -> new Head(rs.getLong("sealed"), rs.getString("head")))
            .single();
    List<Row> pending =
        jdbc.sql(
                "SELECT * FROM audit_record WHERE chain_seq IS NULL ORDER BY id FETCH FIRST "
                    + BATCH
                    + " ROWS ONLY")
            .query(AuditChain::row)
            .list();
    long seq = head.sealed();
    String hash = head.hash();
    Mac mac = mac();
    for (Row row : pending) {
      seq++;
      hash = link(mac, hash, seq, row);
      jdbc.sql(
              "UPDATE audit_record SET chain_seq = ?, chain_hash = ? WHERE id = ? AND chain_seq IS NULL")
          .params(seq, hash, row.id())
          .update();
    }
    if (!pending.isEmpty()) {
      jdbc.sql("UPDATE audit_chain SET sealed = ?, head = ? WHERE id = 1")
          .params(seq, hash)
          .update();
    }
    return pending.size();
  }

  /** Recomputes the whole chain and reports the first record that does not fit. */
  ChainVerification verify() {
    sealPending();
    Head head =
        jdbc.sql("SELECT sealed, head FROM audit_chain WHERE id = 1")
            .query((rs, i) -> new Head(rs.getLong("sealed"), rs.getString("head")))
            .single();
    var walk = new Walk(mac());
    jdbc.sql("SELECT * FROM audit_record WHERE chain_seq IS NOT NULL ORDER BY chain_seq")
        .query(
            rs -> {
              if (walk.broken == null) {
                walk.step(row(rs, 0), rs.getLong("chain_seq"), rs.getString("chain_hash"));
              }
            });
    String problem = walk.broken;
    if (problem == null && (walk.seq != head.sealed() || !walk.hash.equals(head.hash()))) {
      problem = "audit.chain.head-mismatch";
    }
    long unsealed =
        jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE chain_seq IS NULL")
            .query(Long.class)
            .single();
    return new ChainVerification(
        problem == null,
        problem,
        walk.brokenRecord,
        walk.seq,
        unsealed,
        head.hash(),
        Instant.now(clock));
  }

  /**
   * Whether the chain still holds a head recorded earlier (from the daily log or a backup): a trail
   * cut back to an earlier record and sealed again no longer does.
   */
  boolean contains(long seq, String hash) {
    return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE chain_seq = ? AND chain_hash = ?")
            .params(seq, hash)
            .query(Long.class)
            .single()
        > 0;
  }

  @ClusterJob(cron = "0 40 2 * * *")
  void verifyDaily() {
    ChainVerification result = verify();
    if (result.intact()) {
      // The head (sequence:hash) is kept in the log and in every backup's manifest, where whoever
      // administers the database cannot rewrite it: a chain cut short no longer contains it.
      log.info("audit chain intact: head {}:{}", result.sealed(), result.head());
    } else {
      log.error(
          "audit chain BROKEN at record {} ({}); head {}",
          result.brokenRecord(),
          result.problem(),
          result.head());
    }
  }

  static String link(Mac digest, String previous, long seq, Row row) {
    digest.reset();
    digest.update(previous.getBytes(StandardCharsets.US_ASCII));
    for (Object field :
        new Object[] {
          seq,
          row.id(),
          row.occurredAt(),
          row.actor(),
          row.action(),
          row.subjectType(),
          row.subjectId(),
          row.detail(),
          row.address()
        }) {
      // Length-prefixed, so that moving text from one field to the next changes the hash.
      byte[] bytes =
          field == null ? new byte[0] : field.toString().getBytes(StandardCharsets.UTF_8);
      digest.update((byte) (field == null ? 0 : 1));
      digest.update(HexFormat.of().toHexDigits(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.doFinal());
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    return new Row(
        rs.getLong("id"),
        Timestamps.fromDb(rs.getObject("occurred_at", OffsetDateTime.class)),
        rs.getString("actor"),
        rs.getString("action"),
        rs.getString("subject_type"),
        rs.getString("subject_id"),
        rs.getString("detail"),
        rs.getString("address"));
  }

  record Row(
      long id,
      Instant occurredAt,
      String actor,
      String action,
      String subjectType,
      String subjectId,
      String detail,
      String address) {}

  private record Head(long sealed, String hash) {}

  private static final class Walk {
    final Mac mac;
    long seq;
    String hash = GENESIS;
    String broken;
    Long brokenRecord;

    Walk(Mac mac) {
      this.mac = mac;
    }

    void step(Row row, long chainSeq, String chainHash) {
      if (chainSeq != seq + 1) {
        broken = "audit.chain.gap";
      } else if (!link(mac, hash, chainSeq, row).equals(chainHash)) {
        broken = "audit.chain.altered";
      }
      if (broken != null) {
        brokenRecord = row.id();
        return;
      }
      seq = chainSeq;
      hash = chainHash;
    }
  }
}
