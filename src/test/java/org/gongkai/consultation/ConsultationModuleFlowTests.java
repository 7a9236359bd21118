package org.gongkai.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.gongkai.account.AccountForm;
import org.gongkai.account.Accounts;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.AgencyForm;
import org.gongkai.interaction.InteractionDesk;
import org.gongkai.shared.site.PublicSiteVersion;
import org.gongkai.support.Api;
import org.gongkai.support.TestCodes;
import org.gongkai.websitereport.PublishedWebsiteReports;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The consultation module with the modules it depends on, and the portal for the page cache: a
 * consultation made public changes the cached list through {@link ConsultationPublished} alone. The
 * page cache is the portal's filter, and the portal is no dependency of this module (this module
 * serves its own pages; the portal's filter keeps them), so the portal is named as an extra
 * include, with the modules it needs itself (the website reports its home page names stand in).
 */
@ApplicationModuleTest(
    mode = BootstrapMode.DIRECT_DEPENDENCIES,
    extraIncludes = {"portal", "search", "site", "catalog", "analytics", "topic", "screening"},
    webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(
    properties = {
      "gongkai.demo=false",
      "GONGKAI_ADMIN_PASSWORD=admin-password-for-module-tests",
      "spring.datasource.hikari.minimum-idle=1"
    })
class ConsultationModuleFlowTests {

  @LocalServerPort int port;

  @Autowired ConsultationDesk desk;

  @Autowired AgencyDirectory agencies;

  @Autowired Accounts accounts;

  @Autowired PublicSiteVersion site;

  @Autowired MeterRegistry meters;

  @Autowired ApplicationContext context;

  // The portal's home page names the newest website report; that module and the many it reads are
  // not part of this flow.
  @MockitoBean PublishedWebsiteReports websiteReports;

  @DynamicPropertySource
  static void dataFolder(DynamicPropertyRegistry registry) throws IOException {
    String folder = Files.createTempDirectory("gongkai-consultation-module").toString();
    registry.add("gongkai.data-dir", () -> folder);
  }

  @Test
  void aPublishedConsultationChangesTheCachedList(Scenario scenario) {
    assertThat(context.getBeanNamesForType(InteractionDesk.class))
        .as("modules outside the test are not started")
        .isEmpty();
    assertThat(context.containsBean("publicCaching")).as("the portal's page cache is").isTrue();
    AgencyForm form = new AgencyForm();
    form.setCode(TestCodes.agencyCode());
    form.setName("模块征集局" + form.getCode().substring(10));
    Agency agency = agencies.create(form, "test");
    Staff admin = accounts.findByUsername("admin").orElseThrow();
    String suffix = agency.code().substring(8).toLowerCase();
    Staff editor = account(admin, "editor-" + suffix, Role.EDITOR, agency.id());
    Staff reviewer = account(admin, "reviewer-" + suffix, Role.REVIEWER, agency.id());
    String title = "关于" + UUID.randomUUID().toString().substring(0, 8) + "的征求意见稿";
    Api api = new Api(port);
    keptCopy(api, "/consultations");
    assertThat(api.get("/consultations").body()).doesNotContain(title);
    long before = site.current();

    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    scenario
        .stimulate(
            () ->
                desk.open(
                    agency.code(),
                    ConsultationKind.CALL_FOR_COMMENTS,
                    ConsultationScope.PUBLIC,
                    title,
                    "第一条 为了加强管理。",
                    today,
                    today.plusDays(60),
                    editor,
                    reviewer))
        .andWaitForEventOfType(ConsultationPublished.class)
        .toArriveAndVerify(
            (event, id) -> {
              assertThat(event.consultationId()).isEqualTo(id);
              assertThat(site.current()).as("the site's version moved").isGreaterThan(before);
              assertThat(api.get("/consultations").body()).contains(title);
            });
  }

  private Staff account(Staff admin, String username, Role role, long agencyId) {
    AccountForm form = new AccountForm();
    form.setUsername(username);
    form.setDisplayName(username);
    form.setRole(role);
    form.setAgencyId(agencyId);
    form.setPassword("staff-password-1");
    return accounts.create(form, admin);
  }

  /** Asks until a visitor is answered from the kept copy of the page. */
  private void keptCopy(Api api, String path) {
    for (int i = 0; i < 20; i++) {
      double served = meters.counter("gongkai.page.cache.served").count();
      api.get(path);
      if (meters.counter("gongkai.page.cache.served").count() > served) {
        return;
      }
    }
    throw new AssertionError(path + " is never answered from the kept copy");
  }
}
