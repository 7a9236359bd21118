package org.gongkai.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongkai.audit.AuditTrail;
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
