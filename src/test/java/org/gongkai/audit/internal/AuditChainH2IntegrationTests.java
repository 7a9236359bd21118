package org.gongkai.audit.internal;

class AuditChainH2IntegrationTests extends AuditChainIntegrationTests {

  @Override
  void tamper(long id, String update) {
    jdbc.sql(update).update();
  }
}
