package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.gongkai.agency.AgencyChanged;
import org.gongkai.agency.AgencyForm;
import org.gongkai.agency.ColumnChanged;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * The agency and column names the index holds follow a rename without anyone reindexing by hand,
 * and so do the public pages that name them.
 */
@EnableScenarios
class SearchLabelsIntegrationTests extends PlatformIntegrationTests {

  @Autowired Search search;

  @BeforeEach
  void indexReady() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> search.status().phase() == IndexStatus.Phase.READY);
  }

  @Test
  void findsAnAgencysDocumentsUnderItsNewNameOnceRenamed(Scenario scenario) {
    Fixture f = newAgency();
    String word = unique("更名词");
    publish(f, "关于" + word + "的通知");
    String inAgency = "&agency=" + f.agency().code();
    await().atMost(Duration.ofSeconds(20)).until(() -> total("q=" + enc(word) + inAgency) == 1);
    String before = f.agency().name();
    assertThat(api().get("/agencies/" + f.agency().code()).body()).contains(before);

    String after = unique("新名局");
    AgencyForm form = AgencyForm.of(f.agency());
    form.setName(after);
    scenario
        .stimulate(() -> agencies.update(f.agency().id(), form, "test"))
        .andWaitForStateChange(
            () ->
                api()
                    .get("/api/v1/search?q=" + enc(word) + inAgency)
                    .<String>json("$.items[0].agencyName"),
            after::equals)
        .andVerifyEvents(
            events ->
                assertThat(events.ofType(AgencyChanged.class).matching(AgencyChanged::renamed))
                    .hasSize(1));

    assertThat(
            api()
                .get("/api/v1/search?q=" + enc(word) + inAgency)
                .<String>json("$.facets.agency[0].label"))
        .isEqualTo(after);
    assertThat(api().get("/agencies/" + f.agency().code()).body())
        .as("the cached agency page names the agency anew")
        .contains(after)
        .doesNotContain(before);
  }

  @Test
  void findsAColumnsDocumentsUnderItsNewNameOnceRenamed(Scenario scenario) {
    Fixture f = newAgency();
    String word = unique("栏目词");
    publish(f, "关于" + word + "的通知");
    String query = "q=" + enc(word) + "&agency=" + f.agency().code();
    await().atMost(Duration.ofSeconds(20)).until(() -> total(query) == 1);

    String after = unique("新栏目");
    scenario
        .stimulate(() -> agencies.renameColumn(f.policies().id(), after, "test"))
        .andWaitForStateChange(
            () -> api().get("/api/v1/search?" + query).<String>json("$.items[0].column"),
            after::equals)
        .andVerifyEvents(
            events ->
                assertThat(events.ofType(ColumnChanged.class).matching(ColumnChanged::renamed))
                    .hasSize(1));
  }

  private int total(String query) {
    return api().get("/api/v1/search?" + query).json("$.total");
  }

  private static String unique(String word) {
    String letters = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
    StringBuilder sb = new StringBuilder(word);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 6; i++) {
      sb.append(letters.charAt(r.nextInt(letters.length())));
    }
    return sb.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
