package org.gongkai.audit.internal;

import org.gongkai.support.OnPostgres;
import org.gongkai.support.PostgresTestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditChainPostgresIntegrationTests extends AuditChainIntegrationTests {

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    OnPostgres.register(registry);
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
