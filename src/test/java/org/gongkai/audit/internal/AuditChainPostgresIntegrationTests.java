package org.gongkai.audit.internal;

import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@OnPostgresDatabase
class AuditChainPostgresIntegrationTests extends AuditChainIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }

  @Test
  void theDatabaseStillRefusesEveryChangeButSealing() {
    transactions.executeWithoutResult(
        tx -> trail.record("chain-test", "test.recorded", "test", 1, "guarded"));
    long id = jdbc.sql("SELECT MAX(id) FROM audit_record").query(Long.class).single();
    chain.sealPending();
    updateRefused(id);
  }

  /** A database owner can switch the guard off; the chain is what still tells. */
  @Override
  void tamper(long id, String update) {
    jdbc.sql("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update_or_delete").update();
    try {
      jdbc.sql(update).update();
    } finally {
      jdbc.sql("ALTER TABLE audit_record ENABLE TRIGGER audit_record_no_update_or_delete").update();
    }
  }
}
