package org.gongkai.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import org.gongkai.audit.AuditChainHead;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

abstract class AuditChainIntegrationTests extends PlatformIntegrationTests {

  @Autowired AuditChain chain;

  @Autowired AuditTrail trail;

  @Autowired TransactionTemplate transactions;

  @Test
  void everyRecordIsSealedIntoTheChainAndAChangedRecordIsFound() {
    long first = record("first");
    long second = record("second");
    long third = record("third");
    chain.sealPending();
    ChainVerification intact = chain.verify();
    assertThat(intact.intact()).isTrue();
    assertThat(intact.unsealed()).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE id IN (?, ?, ?) AND chain_hash IS NOT NULL")
                .params(first, second, third)
                .query(Long.class)
                .single())
        .isEqualTo(3);

    tamper(second, "UPDATE audit_record SET detail = 'rewritten' WHERE id = " + second);
    try {
      ChainVerification broken = chain.verify();
      assertThat(broken.intact()).isFalse();
      assertThat(broken.brokenRecord()).isEqualTo(second);
      assertThat(broken.problem()).isEqualTo("audit.chain.altered");
    } finally {
      tamper(second, "UPDATE audit_record SET detail = 'second' WHERE id = " + second);
    }
    assertThat(chain.verify().intact()).as("put back, the chain fits again").isTrue();
  }

  @Test
  void aRecordCommittedLateIsSealedAfterThoseAlreadyInTheChain() {
    long early = record("early");
    chain.sealPending();
    long late = record("late");
    chain.sealPending();
    Long earlySeq =
        jdbc.sql("SELECT chain_seq FROM audit_record WHERE id = ?")
            .param(early)
            .query(Long.class)
            .single();
    Long lateSeq =
        jdbc.sql("SELECT chain_seq FROM audit_record WHERE id = ?")
            .param(late)
            .query(Long.class)
            .single();
    assertThat(lateSeq).isGreaterThan(earlySeq);
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void aRecordRewrittenWithItsHashRecomputedWithoutTheKeyIsFound() throws Exception {
    record("keyed-a");
    long b = record("keyed-b");
    chain.sealPending();
    long seq =
        jdbc.sql("SELECT chain_seq FROM audit_record WHERE id = ?")
            .param(b)
            .query(Long.class)
            .single();
    String previous =
        jdbc.sql("SELECT chain_hash FROM audit_record WHERE chain_seq = ?")
            .param(seq - 1)
            .query(String.class)
            .single();
    AuditChain.Row row =
        jdbc.sql("SELECT * FROM audit_record WHERE id = ?")
            .param(b)
            .query(
                (rs, i) ->
                    new AuditChain.Row(
                        rs.getLong("id"),
                        Timestamps.fromDb(rs.getObject("occurred_at", OffsetDateTime.class)),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("subject_type"),
                        rs.getString("subject_id"),
                        "rewritten",
                        rs.getString("address")))
            .single();
    // Whoever can write the table computes the link as the chain's code did before it was keyed.
    String forged = unkeyedLink(previous, seq, row);
    String original =
        jdbc.sql("SELECT chain_hash FROM audit_record WHERE id = ?")
            .param(b)
            .query(String.class)
            .single();
    tamper(
        b,
        "UPDATE audit_record SET detail = 'rewritten', chain_hash = '"
            + forged
            + "' WHERE id = "
            + b);
    jdbc.sql("UPDATE audit_chain SET head = ? WHERE id = 1 AND sealed = ?")
        .params(forged, seq)
        .update();
    try {
      ChainVerification broken = chain.verify();
      assertThat(broken.intact()).isFalse();
      assertThat(broken.brokenRecord()).isEqualTo(b);
    } finally {
      tamper(
          b,
          "UPDATE audit_record SET detail = 'keyed-b', chain_hash = '"
              + original
              + "' WHERE id = "
              + b);
      jdbc.sql("UPDATE audit_chain SET head = ? WHERE id = 1 AND sealed = ?")
          .params(original, seq)
          .update();
    }
    assertThat(chain.verify().intact()).as("put back, the chain fits again").isTrue();
  }

  @Test
  void aHeadKeptInABackupOrTheLogShowsWhetherTheTrailWasCutBack() {
    record("before-head");
    chain.sealPending();
    AuditChainHead head = trail.chainHead();
    assertThat(chain.contains(head.sealed(), head.hash())).isTrue();
    assertThat(chain.contains(head.sealed(), "0".repeat(64))).isFalse();
    assertThat(head.hash()).hasSize(64);
  }

  private static String unkeyedLink(String previous, long seq, AuditChain.Row row)
      throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
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
      byte[] bytes =
          field == null ? new byte[0] : field.toString().getBytes(StandardCharsets.UTF_8);
      digest.update((byte) (field == null ? 0 : 1));
      digest.update(HexFormat.of().toHexDigits(bytes.length).getBytes(StandardCharsets.US_ASCII));
      digest.update(bytes);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * Only a change the database's own guard lets through (H2 has none; PostgreSQL's trigger is
   * switched off).
   */
  abstract void tamper(long id, String update);

  void updateRefused(long id) {
    assertThatThrownBy(
            () -> jdbc.sql("UPDATE audit_record SET detail = 'x' WHERE id = ?").param(id).update())
        .hasMessageContaining("append-only");
  }

  private long record(String detail) {
    transactions.executeWithoutResult(
        tx -> trail.record("chain-test", "test.recorded", "test", detail, detail));
    return jdbc.sql("SELECT MAX(id) FROM audit_record WHERE actor = 'chain-test' AND detail = ?")
        .param(detail)
        .query(Long.class)
        .single();
  }
}
