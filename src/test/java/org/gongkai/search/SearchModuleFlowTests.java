package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.gongkai.account.Accounts;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyChanged;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.AgencyForm;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.Editorial;
import org.gongkai.consultation.ConsultationDesk;
import org.gongkai.support.TestCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The search module bootstrapped with the modules it depends on (agency, catalog, account, audit
 * and the shared kernel) and no other: an agency renamed reaches the index through {@link
 * AgencyChanged} alone, with no portal, no console and no hand-placed call.
 */
@ApplicationModuleTest(
    mode = BootstrapMode.DIRECT_DEPENDENCIES,
    extraIncludes = {"screening"})
@TestPropertySource(
    properties = {
      "gongkai.demo=false",
      "GONGKAI_ADMIN_PASSWORD=admin-password-for-module-tests",
      "spring.datasource.hikari.minimum-idle=1"
    })
class SearchModuleFlowTests {

  @Autowired AgencyDirectory agencies;

  @Autowired Editorial editorial;

  @Autowired Accounts accounts;

  @Autowired Search search;

  @DynamicPropertySource
  static void dataFolder(DynamicPropertyRegistry registry) throws IOException {
    String folder = Files.createTempDirectory("gongkai-search-module").toString();
    registry.add("gongkai.data-dir", () -> folder);
  }

  @Autowired ApplicationContext context;

  @Test
  void anAgencyRenamedHasItsDocumentsFoundUnderItsNewName(Scenario scenario) {
    assertThat(context.getBeanNamesForType(ConsultationDesk.class))
        .as("modules search does not depend on are not started")
        .isEmpty();
    assertThat(context.containsBean("publicCaching")).as("nor the portal").isFalse();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> search.status().phase() == IndexStatus.Phase.READY);
    Staff admin = accounts.findByUsername("admin").orElseThrow();
    AgencyForm form = new AgencyForm();
    form.setCode(TestCodes.agencyCode());
    form.setName("模块测试局" + form.getCode().substring(10));
    Agency agency = agencies.create(form, "test");
    DocumentForm document = new DocumentForm();
    document.setAgency(agency.code());
    document.setColumn(agencies.column(agency.id(), ColumnType.POLICY).orElseThrow().id());
    document.setTitle("关于模块边界更名检索的通知");
    document.setBody("<p>正文</p>");
    editorial.importPublished(document, Instant.now().minusSeconds(60), List.of(), admin);
    SearchQuery query =
        new SearchQuery(
            "模块边界更名检索",
            agency.code(),
            null,
            null,
            null,
            null,
            null,
            SearchQuery.Sort.RELEVANCE,
            1,
            10,
            null,
            true);
    await().atMost(Duration.ofSeconds(20)).until(() -> search.search(query).total() == 1);
    assertThat(search.search(query).items().get(0).agencyName()).isEqualTo(form.getName());

    String renamed = "更名后的模块测试局" + form.getCode().substring(10);
    AgencyForm change = AgencyForm.of(agency);
    change.setName(renamed);
    scenario
        .stimulate(() -> agencies.update(agency.id(), change, "test"))
        .andWaitForStateChange(
            () -> search.search(query).items().get(0).agencyName(), renamed::equals)
        .andVerifyEvents(
            events ->
                assertThat(events.ofType(AgencyChanged.class).matching(AgencyChanged::renamed))
                    .hasSize(1));
    assertThat(search.search(query).facets().get("agency"))
        .extracting(SearchResult.FacetValue::label)
        .containsExactly(renamed);
  }
}
