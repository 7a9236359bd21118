package org.gongkai.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.gongkai.audit.AuditTrail;
import org.gongkai.consultation.ConsultationClosed;
import org.gongkai.consultation.ConsultationDesk;
import org.gongkai.consultation.ConsultationKind;
import org.gongkai.consultation.ConsultationScope;
import org.gongkai.shared.site.PublicSiteVersion;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * A consultation closes by its date; the hourly job announces it once, and the cached public pages
 * follow through the event alone.
 */
@EnableScenarios
class ConsultationClosedIntegrationTests extends PlatformIntegrationTests {

  @Autowired ConsultationDesk desk;

  @Autowired ConsultationClosings closings;

  @Autowired PublicSiteVersion site;

  @Autowired MeterRegistry meters;

  @Autowired AuditTrail audit;

  @Test
  void aConsultationWhosePeriodEndedLeavesTheCachedOpenListOnce(Scenario scenario) {
    // Calls other tests of the shared context left open may have ended: announced before this one.
    closings.closeDue();
    Fixture f = newAgency();
    String title = "关于" + UUID.randomUUID().toString().substring(0, 8) + "的公示";
    long id =
        desk.open(
            f.agency().code(),
            ConsultationKind.PUBLIC_NOTICE,
            ConsultationScope.PUBLIC,
            title,
            "拟认定名单如下。",
            clock.today(),
            clock.today().plusDays(20),
            f.editor(),
            f.reviewer());
    assertThat(closings.closeDue()).as("nothing has closed yet").isZero();
    String open = "/consultations?state=open";
    String closed = "/consultations?state=closed";
    keptCopy(open);
    keptCopy(closed);
    assertThat(api().get(open).body()).contains(title);
    assertThat(api().get(closed).body()).doesNotContain(title);

    clock.advanceDays(21);
    assertThat(api().get(open).body())
        .as("without an event the kept copy still offers it")
        .contains(title);
    long before = site.current();

    scenario
        .stimulate(() -> closings.closeDue())
        .andWaitForEventOfType(ConsultationClosed.class)
        .matching(e -> e.consultationId() == id)
        .toArriveAndVerify(
            event -> {
              assertThat(event.agencyId()).isEqualTo(f.agency().id());
              assertThat(event.closesOn()).isEqualTo(clock.today().minusDays(1));
              assertThat(site.current()).as("the site's version moved").isGreaterThan(before);
              assertThat(api().get(open).body()).doesNotContain(title);
              assertThat(api().get(closed).body()).contains(title);
            });

    assertThat(closings.closeDue()).as("announced once").isZero();
    assertThat(audit.forSubject("consultation", id))
        .filteredOn(e -> e.action().equals("consultation.closed"))
        .hasSize(1);
  }

  /** Asks until a visitor is answered from the kept copy of the page. */
  private void keptCopy(String path) {
    for (int i = 0; i < 20; i++) {
      double served = meters.counter("gongkai.page.cache.served").count();
      api().get(path);
      if (meters.counter("gongkai.page.cache.served").count() > served) {
        return;
      }
    }
    throw new AssertionError(path + " is never answered from the kept copy");
  }
}
