package org.gongkai.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.gongkai.consultation.ConsultationDesk;
import org.gongkai.consultation.ConsultationKind;
import org.gongkai.consultation.ConsultationPublished;
import org.gongkai.consultation.ConsultationScope;
import org.gongkai.shared.site.PublicSiteVersion;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/** A consultation made public reaches the cached public pages through its event alone. */
@EnableScenarios
class ConsultationPageCacheIntegrationTests extends PlatformIntegrationTests {

  @Autowired ConsultationDesk desk;

  @Autowired PublicSiteVersion site;

  @Autowired MeterRegistry meters;

  @Test
  void aPublishedConsultationShowsOnTheCachedListAtOnce(Scenario scenario) {
    Fixture f = newAgency();
    String title = "关于" + UUID.randomUUID().toString().substring(0, 8) + "的征求意见稿";
    api().get("/consultations");
    double served = meters.counter("gongkai.page.cache.served").count();
    assertThat(api().get("/consultations").body()).doesNotContain(title);
    assertThat(meters.counter("gongkai.page.cache.served").count())
        .as("the list is answered from the kept copy")
        .isGreaterThan(served);
    long before = site.current();

    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    scenario
        .stimulate(
            () ->
                desk.open(
                    f.agency().code(),
                    ConsultationKind.CALL_FOR_COMMENTS,
                    ConsultationScope.PUBLIC,
                    title,
                    "第一条 为了加强管理。",
                    today,
                    today.plusDays(60),
                    f.editor(),
                    f.reviewer()))
        .andWaitForEventOfType(ConsultationPublished.class)
        .toArriveAndVerify(
            (event, id) -> {
              assertThat(event.consultationId()).isEqualTo(id);
              assertThat(site.current()).as("the site's version moved").isGreaterThan(before);
              assertThat(api().get("/consultations").body()).contains(title);
            });
  }
}
