package org.gongkai.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.gongkai.support.Api;
import org.gongkai.support.HostRequests;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Imports against an old site served in the test: a dry run reports exactly what the real run then
 * does, a second run creates nothing, an old address answers 301 with its new page, and an import
 * stopped half-way resumes without duplicates. The jobs are driven here, not by the cluster job.
 */
@TestPropertySource(
    properties = {
      "gongkai.imports.allow-private-addresses=true",
      "gongkai.imports.poll-interval=PT1H",
      "gongkai.imports.timeout=PT1S",
      "gongkai.imports.max-page-bytes=1MB",
      "gongkai.imports.max-attachment-bytes=100KB"
    })
class ImportIntegrationTests extends PlatformIntegrationTests {

  static final String IMPORTS = "/api/v1/admin/imports";

  @Autowired ImportWork work;
  @Autowired ImportRunner runner;
  @Autowired ImportRepository imports;

  @Test
  void aDryRunReportsWhatTheRealRunDoesAndASecondRunCreatesNothing() {
    Fixture f = newAgency();
    try (OldSite site = new OldSite(f.agency().code(), 0)) {
      long dry = start(f, site, true);
      runToEnd(dry);
      Map<String, String> dryOutcomes = outcomes(dry);
      assertThat(state(dry)).isEqualTo("DONE");
      assertThat(counts(dry)).as(dryOutcomes.toString()).containsExactly(4, 1, 7);
      assertThat(documentsFrom(site)).as("a dry run creates nothing").isZero();

      long real = start(f, site, false);
      runToEnd(real);
      assertThat(outcomes(real)).isEqualTo(dryOutcomes);
      assertThat(counts(real)).containsExactly(4, 1, 7);
      assertThat(documentsFrom(site)).isEqualTo(4);

      assertThat(dryOutcomes)
          .containsEntry(site.url("/art/2019/1.html"), "CREATED")
          .containsEntry(site.url("/art/2018/3.html"), "CREATED")
          .containsEntry(site.url("/art/2019/4.html"), "CREATED")
          .containsEntry(site.url("/art/2019/5.html"), "REFUSED import.refused.personal-data")
          .containsEntry(site.url("/art/2019/6.html"), "REFUSED import.refused.column")
          .containsEntry(site.url("/art/2019/7.html"), "REFUSED import.refused.attachment")
          .containsEntry(site.url("/art/2019/8.html"), "SKIPPED import.skipped.duplicate")
          .containsEntry(site.url("/private/secret.html"), "REFUSED import.robots")
          .containsEntry(site.url("/broken.html"), "REFUSED import.fetch.status")
          .containsEntry(site.url("/slow.html"), "REFUSED import.fetch.timeout")
          .containsEntry(site.url("/art/huge.html"), "REFUSED import.fetch.too-large");
      assertThat(site.hits("/private/secret.html")).as("robots.txt obeyed").isZero();
      assertThat(site.hits("/elsewhere.html")).isZero();
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM import_item WHERE job_id = ? AND url LIKE '%/loop/%'")
                  .param(real)
                  .query(Long.class)
                  .single())
          .as("the loop is visited once round")
          .isEqualTo(2);

      long first = documentAt(site.url("/art/2019/1.html"));
      var document = editorial.get(first, admin());
      assertThat(document.indexNumber()).isEqualTo(f.agency().code() + "/2019-00123");
      assertThat(
              jdbc.sql("SELECT published_on FROM document WHERE id = ?")
                  .param(first)
                  .query(LocalDate.class)
                  .single())
          .isEqualTo(LocalDate.of(2019, 3, 1));
      assertThat(
              jdbc.sql(
                      "SELECT last_value FROM index_number_sequence WHERE prefix = ? AND period = '2019'")
                  .param(f.agency().code())
                  .query(Integer.class)
                  .single())
          .as("the counter moved past the kept numbers")
          .isEqualTo(130);

      long again = start(f, site, false);
      runToEnd(again);
      assertThat(counts(again)).as("a second run creates nothing").containsExactly(0, 5, 7);
      assertThat(documentsFrom(site)).isEqualTo(4);

      String report =
          api().get(IMPORTS + "/" + dry + "/report.csv", "admin", ADMIN_PASSWORD).body();
      assertThat(report).contains(site.url("/art/2019/5.html"), "个人信息", "新建");
    }
  }

  @Test
  void anOldAddressAnswersWithItsNewPageAndOneWithoutAHomeIsReported() {
    Fixture f = newAgency();
    try (OldSite site = new OldSite(f.agency().code(), 0)) {
      long real = start(f, site, false);
      runToEnd(real);
      long id = documentAt(site.url("/art/2019/2.html"));

      String moved = HostRequests.get(port, "/art/2019/2.html", "127.0.0.1");
      assertThat(moved).startsWith("HTTP/1.1 301").contains("Location: /documents/" + id);
      String missing = HostRequests.get(port, "/art/2019/999.html", "127.0.0.1");
      assertThat(missing).startsWith("HTTP/1.1 404");
      assertThat(HostRequests.get(port, "/art/2019/2.html", "localhost"))
          .as("only on the old host")
          .startsWith("HTTP/1.1 404");

      Api.Response misses =
          api().get("/api/v1/admin/imports/old-links/missing", "admin", ADMIN_PASSWORD);
      assertThat(misses.body()).contains("/art/2019/999.html");
    }
  }

  @Test
  void anImportStoppedHalfWayResumesWithoutDuplicates() {
    Fixture f = newAgency();
    try (OldSite site = new OldSite(f.agency().code(), 0)) {
      long id = start(f, site, false);
      assertThat(work.run(id, Instant.now().plusSeconds(60), 6)).isFalse();
      long createdBefore = documentsFrom(site);
      assertThat(state(id)).isEqualTo("RUNNING");

      // A node that dies leaves the import running; the next run of the cluster job, on any node,
      // takes it up where the frontier stands.
      runner.runImports();
      assertThat(state(id)).isEqualTo("DONE");
      assertThat(counts(id)).containsExactly(4, 1, 7);
      assertThat(documentsFrom(site)).isEqualTo(4).isGreaterThanOrEqualTo(createdBefore);
      assertThat(
              jdbc.sql("SELECT COUNT(DISTINCT source_url) FROM document WHERE source_url LIKE ?")
                  .param(site.base() + "%")
                  .query(Long.class)
                  .single())
          .isEqualTo(4);
    }
  }

  @Test
  void badInputIsAProblemAndKeepsNothing() {
    Fixture f = newAgency();
    Api.Response unknown =
        api()
            .post(
                IMPORTS,
                "{\"startUrls\":[\"http://127.0.0.1/\"],\"agency\":\"NOPE\",\"dryRun\":true}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.headers().getContentType().toString()).contains("problem+json");
    Api.Response notHttp =
        api()
            .post(
                IMPORTS,
                "{\"startUrls\":[\"ftp://127.0.0.1/\"],\"agency\":\""
                    + f.agency().code()
                    + "\",\"dryRun\":true}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(notHttp.status()).isEqualTo(400);
    assertThat(notHttp.body()).contains("ftp://127.0.0.1/");
    Api.Response editor =
        api()
            .post(
                IMPORTS,
                "{\"startUrls\":[\"http://127.0.0.1/\"],\"agency\":\""
                    + f.agency().code()
                    + "\",\"dryRun\":true}",
                f.editor().username(),
                PASSWORD);
    assertThat(editor.status()).isEqualTo(403);
    assertThat(imports.jobs(List.of(f.agency().id()), 10)).isEmpty();
  }

  long start(Fixture f, OldSite site, boolean dryRun) {
    Api.Response r =
        api()
            .post(
                IMPORTS,
                "{\"startUrls\":[\""
                    + site.url("/col/index.html")
                    + "\"],\"agency\":\""
                    + f.agency().code()
                    + "\",\"dryRun\":"
                    + dryRun
                    + ",\"rateLimitPerSecond\":1000,\"columnMapping\":{\"通知公告\":"
                    + f.policies().id()
                    + ",\"政策解读\":"
                    + f.interpretations().id()
                    + ",\"*\":"
                    + f.policies().id()
                    + "}}",
                f.agencyAdmin().username(),
                PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(202);
    return ((Number) r.json("$.id")).longValue();
  }

  void runToEnd(long id) {
    assertThat(work.run(id, Instant.now().plusSeconds(120), Integer.MAX_VALUE)).isTrue();
  }

  String state(long id) {
    return api().get(IMPORTS + "/" + id, "admin", ADMIN_PASSWORD).json("$.state");
  }

  List<Integer> counts(long id) {
    Api.Response r = api().get(IMPORTS + "/" + id, "admin", ADMIN_PASSWORD);
    return List.of(
        r.<Integer>json("$.counts.created"),
        r.<Integer>json("$.counts.skipped"),
        r.<Integer>json("$.counts.refused"));
  }

  Map<String, String> outcomes(long job) {
    Map<String, String> outcomes = new TreeMap<>();
    for (ImportItem i : imports.itemsWithOutcome(job, null, 0, 1000)) {
      outcomes.put(i.url(), i.outcome() + (i.reason() == null ? "" : " " + i.reason()));
    }
    return outcomes;
  }

  long documentsFrom(OldSite site) {
    return jdbc.sql("SELECT COUNT(*) FROM document WHERE source_url LIKE ?")
        .param(site.base() + "%")
        .query(Long.class)
        .single();
  }

  long documentAt(String url) {
    return jdbc.sql("SELECT id FROM document WHERE source_url = ?")
        .param(url)
        .query(Long.class)
        .single();
  }
}
