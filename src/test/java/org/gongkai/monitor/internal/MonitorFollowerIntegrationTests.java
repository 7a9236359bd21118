package org.gongkai.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

/**
 * The monitor follows publications through their events: the agency is noted after the commit and
 * its day's result replaced at the next re-check, with no call from the publishing module.
 */
@EnableScenarios
class MonitorFollowerIntegrationTests extends PlatformIntegrationTests {

  @Autowired MonitorRuns runs;

  @Autowired MonitorRechecks rechecks;

  @Test
  void aColumnFilledLeavesTheDaysFindingsAtTheNextRecheck(Scenario scenario) {
    Fixture f = newAgency();
    long agency = f.agency().id();
    settle(agency);
    assertThat(emptyColumns(agency)).contains(f.policies().name());

    scenario
        .stimulate(() -> publish(f, "关于监测复查的通知"))
        .andWaitForStateChange(() -> noted(agency), Boolean::booleanValue)
        .andVerify(
            noted -> {
              assertThat(emptyColumns(agency))
                  .as("nothing changes before the re-check")
                  .contains(f.policies().name());
              assertThat(rechecks.recheck()).isPositive();
              assertThat(noted(agency)).isFalse();
              assertThat(emptyColumns(agency)).doesNotContain(f.policies().name());
              assertThat(runsToday(agency)).as("the day's result replaced").isEqualTo(1);
            });
  }

  @Test
  void manyChangesToOneAgencyCostOneCheck(Scenario scenario) {
    Fixture f = newAgency();
    long agency = f.agency().id();
    settle(agency);
    scenario
        .stimulate(
            () -> {
              publish(f, "第一份文件");
              publish(f, "第二份文件");
            })
        .andWaitForStateChange(() -> noted(agency), Boolean::booleanValue)
        .andVerify(noted -> assertThat(noted).isTrue());
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM monitor_recheck WHERE agency_id = ?")
                .param(agency)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    rechecks.recheck();
    assertThat(runsToday(agency)).isEqualTo(1);
  }

  @Test
  void aStoppingNodeLeavesTheNotesForTheNextRun() {
    Fixture f = newAgency();
    long agency = f.agency().id();
    follower.note(agency);

    assertThat(rechecks.recheck(() -> true)).as("nothing checked once stopping").isZero();
    assertThat(noted(agency)).as("the note waits for the next run").isTrue();
  }

  @Autowired MonitorFollower follower;

  @Autowired org.gongkai.site.Sites sites;

  @Test
  void aRecheckRefreshesTheAgencysRunsOnEverySiteThatShowsIt() {
    Fixture f = newAgency();
    long agency = f.agency().id();
    settle(agency);
    String host = "recheck-" + f.agency().code().substring(10).toLowerCase() + ".localhost";
    var created =
        api()
            .post(
                "/api/v1/admin/sites",
                "{\"name\":\"复查站"
                    + host
                    + "\",\"hosts\":[\""
                    + host
                    + "\"],\"agency\":\""
                    + f.agency().code()
                    + "\",\"idCode\":\"3397000"
                    + (100 + Math.abs(host.hashCode() % 900))
                    + "\",\"type\":\"DEPARTMENT\"}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(created.status()).isEqualTo(201);
    long own = ((Number) created.json("$.id")).longValue();

    follower.note(agency);
    rechecks.recheck();

    List<Long> expected =
        sites.all().stream()
            .filter(site -> sites.shows(site, agency))
            .map(org.gongkai.site.Site::id)
            .sorted()
            .toList();
    assertThat(expected).contains(own).hasSizeGreaterThan(1);
    assertThat(
            jdbc.sql(
                    "SELECT site_id FROM monitor_run WHERE agency_id = ? AND run_on = ? ORDER BY site_id")
                .params(agency, clock.today())
                .query(Long.class)
                .list())
        .as("one run of the day on each site showing the agency")
        .isEqualTo(expected);
  }

  /** Waits for the agency's creation to be noted, and checks it until no note is left. */
  private void settle(long agencyId) {
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> noted(agencyId));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              rechecks.recheck();
              return !noted(agencyId);
            });
    assertThat(runsToday(agencyId)).isEqualTo(1);
  }

  private boolean noted(long agencyId) {
    return jdbc.sql("SELECT COUNT(*) FROM monitor_recheck WHERE agency_id = ?")
            .param(agencyId)
            .query(Long.class)
            .single()
        > 0;
  }

  private long runsToday(long agencyId) {
    return jdbc.sql("SELECT COUNT(*) FROM monitor_run WHERE agency_id = ? AND run_on = ?")
        .params(agencyId, clock.today())
        .query(Long.class)
        .single();
  }

  /** The empty columns the agency's latest run found. */
  private List<String> emptyColumns(long agencyId) {
    return jdbc.sql(
            "SELECT f.target FROM monitor_finding f JOIN monitor_run r ON r.id = f.run_id"
                + " WHERE r.agency_id = ? AND f.rule = 'EMPTY_COLUMN' AND r.run_on ="
                + " (SELECT MAX(x.run_on) FROM monitor_run x WHERE x.agency_id = r.agency_id)")
        .param(agencyId)
        .query(String.class)
        .list();
  }
}
