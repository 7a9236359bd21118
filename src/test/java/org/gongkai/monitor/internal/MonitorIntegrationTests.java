package org.gongkai.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.gongkai.account.Staff;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.Editorial;
import org.gongkai.monitor.WordList;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * A clean agency scores full marks; an agency seeded with a violation of every rule is caught on
 * each.
 */
abstract class MonitorIntegrationTests extends PlatformIntegrationTests {

  @Autowired WordLists words;

  @Autowired SiteProbes probes;

  @Autowired MonitorRuns runs;

  @Value("${gongkai.data-dir}")
  String dataDir;

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  long publish(
      Fixture f,
      Column column,
      String title,
      DocumentKind kind,
      LocalDate issuedOn,
      LocalDate publishedOn,
      String body,
      List<Editorial.Upload> uploads) {
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(column.id());
    form.setTitle(title);
    form.setKind(kind);
    form.setIssuedOn(issuedOn);
    form.setBody(body);
    Instant at = publishedOn.atTime(10, 0).toInstant(ZoneOffset.ofHours(8));
    return editorial.importPublished(
        form, at.isAfter(Instant.now()) ? Instant.now().minusSeconds(60) : at, uploads, admin());
  }

  @Test
  void aCleanAgencyScoresFullMarks() {
    Fixture f = newAgency();
    for (Column c : agencies.visibleColumns(f.agency().id())) {
      publish(
          f,
          c,
          c.name() + "最新信息",
          DocumentKind.GENERAL,
          today(),
          today(),
          "<p>按期更新的内容。</p>",
          List.of());
    }
    Api.Response r =
        api()
            .get(
                "/api/v1/admin/monitor/findings?agency=" + f.agency().code(),
                f.editor().username(),
                PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.<List<Object>>json("$.veto")).isEmpty();
    assertThat(r.<List<Object>>json("$.findings")).as(r.body()).isEmpty();
    assertThat(r.<Integer>json("$.score")).isEqualTo(100);
    assertThat(r.<Boolean>json("$.passed")).isTrue();
  }

  @Test
  void everyRuleFindsItsSeededViolation() throws Exception {
    Staff admin = admin();
    words.add(WordList.FORBIDDEN, "监测禁用词", null, admin);
    words.add(WordList.MISSPELLING, "监测错字", "监测正字", admin);
    words.add(WordList.LEADER, "监测人", "局长", admin);
    words.add(WordList.LEADER, "监测副手", "副局长", admin);
    words.add(WordList.PROHIBITED, "监测违禁词", null, admin);
    Fixture f = newAgency();
    long id = f.agency().id();
    Column news = agencies.column(id, ColumnType.NEWS).orElseThrow();
    Column notice = agencies.column(id, ColumnType.NOTICE).orElseThrow();
    Column policy = agencies.column(id, ColumnType.POLICY).orElseThrow();
    Column statistics = agencies.column(id, ColumnType.STATISTICS).orElseThrow();
    LocalDate old = today().minusDays(30);
    publish(f, news, "旧动态", DocumentKind.GENERAL, old, old, "<p>内容</p>", List.of());
    for (int i = 0; i < 4; i++) {
      Column extra = agencies.addColumn(id, null, "工作动态" + i, ColumnType.NEWS, "test");
      publish(f, extra, "旧动态" + i, DocumentKind.GENERAL, old, old, "<p>内容</p>", List.of());
    }
    publish(
        f,
        notice,
        "旧通知",
        DocumentKind.GENERAL,
        today().minusMonths(8),
        today().minusMonths(8),
        "<p>通知</p>",
        List.of());
    publish(
        f,
        statistics,
        "旧统计",
        DocumentKind.GENERAL,
        today().minusMonths(14),
        today().minusMonths(14),
        "<p>统计</p>",
        List.of());
    for (int i = 0; i < 10; i++) {
      Column extra = agencies.addColumn(id, null, "专题" + i, ColumnType.GENERAL, "test");
      publish(
          f,
          extra,
          "旧专题" + i,
          DocumentKind.GENERAL,
          today().minusMonths(14),
          today().minusMonths(14),
          "<p>专题</p>",
          List.of());
    }
    publish(
        f,
        policy,
        "未注日期的规范性文件",
        DocumentKind.NORMATIVE_DOCUMENT,
        null,
        old,
        "<p>文件</p>",
        List.of());
    publish(
        f,
        policy,
        "迟发的文件",
        DocumentKind.GENERAL,
        LocalDate.of(2026, 1, 5),
        LocalDate.of(2026, 3, 2),
        "<p>文件</p>",
        List.of());
    publish(
        f,
        policy,
        "含失效链接",
        DocumentKind.GENERAL,
        old,
        old,
        "<p><a href=\"/documents/99999999\">见此</a></p>",
        List.of());
    publish(
        f,
        policy,
        "含缺失附件",
        DocumentKind.GENERAL,
        old,
        old,
        "<p>附件</p>",
        List.of(new Editorial.Upload("缺失.pdf", "%PDF-1.4 monitor missing attachment".getBytes())));
    publish(
        f,
        policy,
        "用语问题",
        DocumentKind.GENERAL,
        old,
        old,
        "<p>监测禁用词；监测错字；监测人副局长出席；监测违禁词。</p>",
        List.of());
    DocumentForm onRequest = new DocumentForm();
    onRequest.setAgency(f.agency().code());
    onRequest.setColumn(policy.id());
    onRequest.setTitle("依申请公开的迟发文件");
    onRequest.setKind(DocumentKind.GENERAL);
    onRequest.setIssuedOn(LocalDate.of(2026, 1, 5));
    onRequest.setDisclosureMode(DisclosureMode.ON_REQUEST);
    onRequest.setBody("<p>依申请公开的信息，不适用主动公开的20个工作日。</p>");
    editorial.importPublished(
        onRequest,
        LocalDate.of(2026, 3, 2).atTime(10, 0).toInstant(ZoneOffset.ofHours(8)),
        List.of(),
        admin);
    deleteAttachmentFile("%PDF-1.4 monitor missing attachment".getBytes());
    clock.travelTo(today().minusMonths(4));
    String message =
        "{\"agency\":\""
            + f.agency().code()
            + "\",\"type\":\"QUESTION\",\"title\":\"t\",\"content\":\"c\",\"phone\":\"13800000000\"}";
    api().post("/api/v1/mailbox/messages", api().answered(message), null, null);
    String answeredLate =
        api()
            .post("/api/v1/mailbox/messages", api().answered(message), null, null)
            .json("$.trackingCode");
    clock.reset();
    long lateId =
        jdbc.sql("SELECT id FROM mailbox_message WHERE tracking_code = ?")
            .param(answeredLate)
            .query(Long.class)
            .single();
    assertThat(
            api()
                .post(
                    "/api/v1/admin/mailbox/messages/" + lateId + "/reply",
                    "{\"text\":\"迟到的答复\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(200);
    long home = sites.home(id).id();
    for (int i = 0; i < 19; i++) {
      probes.record(home, id, SiteProbes.Page.CATALOG, true, 120);
      probes.record(home, id, SiteProbes.Page.MAILBOX, true, 120);
    }
    probes.record(home, id, SiteProbes.Page.CATALOG, false, 15000);
    probes.record(home, id, SiteProbes.Page.MAILBOX, false, 15000);

    Api.Response r =
        api()
            .get(
                "/api/v1/admin/monitor/findings?agency=" + f.agency().code(),
                f.editor().username(),
                PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    Set<String> veto = Set.copyOf(r.json("$.veto[*].rule"));
    Set<String> found = Set.copyOf(r.json("$.findings[*].rule"));
    assertThat(veto)
        .containsExactlyInAnyOrder(
            "HOME_STALE",
            "SECTIONS_NOT_UPDATED",
            "TOO_MANY_STALE_COLUMNS",
            "TOO_MANY_EMPTY_COLUMNS",
            "MAILBOX_UNANSWERED",
            "MAILBOX_LATE_REPLY",
            "WORDING_LEADER",
            "WORDING_PROHIBITED",
            "SITE_UNREACHABLE",
            "NO_CONSULTATION_CHANNEL");
    assertThat(found)
        .containsExactlyInAnyOrder(
            "EMPTY_COLUMN",
            "NEWS_STALE",
            "NOTICE_POLICY_STALE",
            "STALE_COLUMN",
            "UNDATED",
            "LATE_PROACTIVE",
            "POLICY_WITHOUT_INTERPRETATION",
            "BROKEN_LINK",
            "MISSING_ATTACHMENT",
            "WORDING_FORBIDDEN",
            "WORDING_MISSPELLING");
    assertThat(r.<Integer>json("$.score")).as(r.body()).isZero();
    assertThat(r.<Boolean>json("$.passed")).isFalse();
    assertThat(r.<List<String>>json("$.findings[?(@.rule=='BROKEN_LINK')].message"))
        .singleElement()
        .asString()
        .contains("/documents/99999999");
    assertThat(r.<List<String>>json("$.findings[?(@.rule=='LATE_PROACTIVE')].link"))
        .singleElement()
        .asString()
        .startsWith("/console/documents/");

    runs.check(f.agency().id());
    Api.Response ranking = api().get("/api/v1/admin/monitor/ranking", "admin", ADMIN_PASSWORD);
    List<Boolean> vetoed = ranking.json("$[?(@.agency=='" + f.agency().code() + "')].vetoed");
    assertThat(vetoed).containsExactly(true);
    String csv = api().get("/api/v1/admin/monitor/findings.csv", "admin", ADMIN_PASSWORD).body();
    assertThat(csv).contains(f.agency().name(), "WORDING_LEADER", "最近一次发布为");
    // Kept as the rule and its arguments: each reader gets the findings in their own language.
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM monitor_finding WHERE message_args IS NULL")
                .query(Integer.class)
                .single())
        .isZero();
    String english =
        api()
            .with("Cookie", "gongkai-lang=en")
            .get("/api/v1/admin/monitor/findings.csv", "admin", ADMIN_PASSWORD)
            .body();
    assertThat(english).contains("The newest publication is").doesNotContain("最近一次发布为");
  }

  @Test
  void theSiteCheckVisitsTheAgencysOwnPages() {
    Fixture f = newAgency();
    var home = sites.home(f.agency().id());
    probes.probe(home, f.agency(), SiteProbes.Page.CATALOG, "/agencies/" + f.agency().code());
    probes.probe(home, f.agency(), SiteProbes.Page.MAILBOX, "/mailbox?agency=" + f.agency().code());
    probes.probe(home, f.agency(), SiteProbes.Page.CATALOG, "/agencies/NO-SUCH-AGENCY");
    assertThat(
            jdbc.sql("SELECT ok FROM monitor_probe WHERE agency_id = ? ORDER BY id")
                .param(f.agency().id())
                .query(Boolean.class)
                .list())
        .containsExactly(true, true, false);
    assertThat(probes.failureShare(home.id(), f.agency().id(), SiteProbes.Page.CATALOG, today()))
        .as("too few visits to judge")
        .isEmpty();
  }

  @Test
  void eachSiteIsProbedOnItsOwnHostAndItsFailuresCountOnItsRunsOnly() {
    Fixture city = newAgency();
    Fixture department = newAgency(city.agency().id());
    Fixture sibling = newAgency(city.agency().id());
    String suffix = department.agency().code().substring(10).toLowerCase();
    var own =
        sites
            .find(site("探测站" + suffix, "probe-own-" + suffix + ".localhost", department))
            .orElseThrow();
    var other =
        sites
            .find(site("邻站" + suffix, "probe-other-" + suffix + ".localhost", sibling))
            .orElseThrow();

    probes.probe(own, null, SiteProbes.Page.HOME, "/");
    probes.probe(
        own,
        department.agency(),
        SiteProbes.Page.CATALOG,
        "/agencies/" + department.agency().code());
    probes.probe(other, null, SiteProbes.Page.HOME, "/");
    probes.probe(
        other,
        department.agency(),
        SiteProbes.Page.CATALOG,
        "/agencies/" + department.agency().code());
    assertThat(
            jdbc.sql("SELECT page, ok FROM monitor_probe WHERE site_id = ? ORDER BY id")
                .param(own.id())
                .query((rs, n) -> rs.getString(1) + ":" + rs.getBoolean(2))
                .list())
        .as("the site's home page and the department's catalog on the site's own host")
        .containsExactly("HOME:" + true, "CATALOG:" + true);
    assertThat(
            jdbc.sql("SELECT page, ok FROM monitor_probe WHERE site_id = ? ORDER BY id")
                .param(other.id())
                .query((rs, n) -> rs.getString(1) + ":" + rs.getBoolean(2))
                .list())
        .as("another department's site does not show this department's catalog")
        .containsExactly("HOME:" + true, "CATALOG:" + false);

    // A week in which the department's own site failed one visit in ten; the first site, which
    // shows every agency, never did.
    for (int i = 0; i < 20; i++) {
      probes.record(own.id(), null, SiteProbes.Page.HOME, i % 10 != 0, i % 10 == 0 ? 15000 : 80);
    }
    long first = sites.fallback().id();
    for (int i = 0; i < 20; i++) {
      probes.record(first, null, SiteProbes.Page.HOME, true, 80);
    }
    runs.run(department.agency());
    assertThat(unreachable(own.id(), department.agency().id()))
        .containsExactly("https://probe-own-" + suffix + ".localhost/");
    assertThat(unreachable(first, department.agency().id()))
        .as("the same agency on the first site")
        .isEmpty();
  }

  private List<String> unreachable(long siteId, long agencyId) {
    return jdbc.sql(
            "SELECT f.link FROM monitor_finding f JOIN monitor_run r ON r.id = f.run_id"
                + " WHERE r.site_id = ? AND r.agency_id = ? AND f.rule = 'SITE_UNREACHABLE'")
        .params(siteId, agencyId)
        .query(String.class)
        .list();
  }

  @Test
  void theEditorSeesTheWordingFindingsBeforeSubmitting() throws Exception {
    words.add(WordList.MISSPELLING, "编辑错字", "编辑正字", admin());
    Fixture f = newAgency();
    Api.Response draft =
        api()
            .post(
                "/api/v1/admin/documents",
                f.draftJson("含编辑错字的草稿"),
                f.editor().username(),
                PASSWORD);
    long doc = ((Number) draft.json("$.id")).longValue();
    var mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
    var login =
        mvc.perform(
                MockMvcRequestBuilders.post("/login")
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("username", f.editor().username())
                    .param("password", PASSWORD))
            .andReturn();
    String page =
        mvc.perform(
                MockMvcRequestBuilders.get("/console/documents/" + doc)
                    .session((MockHttpSession) login.getRequest().getSession()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("用语检查发现1处问题", "“编辑错字”应为“编辑正字”");
  }

  @Autowired org.gongkai.site.Sites sites;

  @Autowired org.gongkai.site.SiteLayouts layouts;

  @Test
  void eachSiteIsCheckedOnItsOwnPagesAndShowsItsOwnFindings() throws Exception {
    Fixture city = newAgency();
    Fixture broken = newAgency(city.agency().id());
    Fixture clean = newAgency(city.agency().id());
    String suffix = broken.agency().code().substring(10).toLowerCase();
    long brokenSite = site("断链站" + suffix, "monitor-broken-" + suffix + ".localhost", broken);
    long cleanSite = site("整洁站" + suffix, "monitor-clean-" + suffix + ".localhost", clean);
    var onBroken = sites.find(brokenSite).orElseThrow();
    layouts.saveDraft(
        onBroken,
        layouts
            .draft(onBroken, admin())
            .withNavigation(
                List.of(
                    new org.gongkai.site.SiteLayout.NavItem(
                        "缺页菜单",
                        org.gongkai.site.SiteLayout.NavKind.PAGE,
                        "/no-such-page-" + suffix))),
        admin(),
        "site.layout.navigation");
    layouts.publish(onBroken, admin());

    runs.check(broken.agency().id());
    runs.check(clean.agency().id());

    assertThat(brokenPages(brokenSite, broken.agency().id()))
        .as("the missing page the broken site's menu links")
        .containsExactly("https://monitor-broken-" + suffix + ".localhost/no-such-page-" + suffix);
    assertThat(brokenPages(cleanSite, clean.agency().id())).isEmpty();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM monitor_finding WHERE rule = 'SITE_PAGE_BROKEN' AND link LIKE ?")
                .param("%no-such-page-" + suffix)
                .query(Long.class)
                .single())
        .as("on no other site")
        .isEqualTo(1);

    var mvc = consoleMvc();
    var session = consoleSession(mvc, city.agencyAdmin().username());
    String brokenPage =
        mvc.perform(
                MockMvcRequestBuilders.get("/console/monitor?site=" + brokenSite).session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(brokenPage)
        .contains("id=\"site-findings\"", "/no-such-page-" + suffix, broken.agency().name())
        .doesNotContain(clean.agency().name());
    String cleanPage =
        mvc.perform(
                MockMvcRequestBuilders.get("/console/monitor?site=" + cleanSite).session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(cleanPage)
        .contains("id=\"site-findings\"", clean.agency().name())
        .doesNotContain("/no-such-page-" + suffix)
        .doesNotContain(broken.agency().name());

    String brokenCsv =
        api()
            .get("/api/v1/admin/monitor/findings.csv?site=" + brokenSite, "admin", ADMIN_PASSWORD)
            .body();
    assertThat(brokenCsv).contains("/no-such-page-" + suffix, "断链站" + suffix);
    String cleanCsv =
        api()
            .get("/api/v1/admin/monitor/findings.csv?site=" + cleanSite, "admin", ADMIN_PASSWORD)
            .body();
    assertThat(cleanCsv).doesNotContain("/no-such-page-" + suffix).doesNotContain("断链站" + suffix);
  }

  @Autowired FindingWork findingWork;

  @Test
  void aFindingOfAnAgencyOnTwoSitesIsOnThePersonsListOnce() {
    Fixture f = newAgency();
    String suffix = f.agency().code().substring(10).toLowerCase();
    site("两站局" + suffix, "monitor-twice-" + suffix + ".localhost", f);
    runs.run(f.agency());
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM monitor_run WHERE agency_id = ?")
                .param(f.agency().id())
                .query(Long.class)
                .single())
        .as("a run on its own site and on the first site, which shows every agency")
        .isGreaterThanOrEqualTo(2);
    List<String> all =
        jdbc.sql(
                "SELECT f.rule, f.target, f.message_args FROM monitor_finding f"
                    + " JOIN monitor_run r ON r.id = f.run_id WHERE r.agency_id = ?")
            .param(f.agency().id())
            .query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3))
            .list();
    Set<String> distinct = Set.copyOf(all);
    assertThat(all.size())
        .as("the catalog's findings are in each site's run")
        .isGreaterThan(distinct.size());

    var work = findingWork.open(f.agencyAdmin(), 500);
    assertThat(work).hasSize(1);
    assertThat(work.get(0).total()).isEqualTo(distinct.size());
    assertThat(work.get(0).items()).hasSize(distinct.size());
    assertThat(work.get(0).items().stream().map(i -> i.title()).toList())
        .anyMatch(t -> t.contains(f.policies().name()));
  }

  private List<String> brokenPages(long siteId, long agencyId) {
    return jdbc.sql(
            "SELECT f.link FROM monitor_finding f JOIN monitor_run r ON r.id = f.run_id"
                + " WHERE f.site_id = ? AND r.site_id = ? AND r.agency_id = ?"
                + " AND f.rule = 'SITE_PAGE_BROKEN'")
        .params(siteId, siteId, agencyId)
        .query(String.class)
        .list();
  }

  private long site(String name, String host, Fixture f) {
    var created =
        api()
            .post(
                "/api/v1/admin/sites",
                "{\"name\":\""
                    + name
                    + "\",\"hosts\":[\""
                    + host
                    + "\"],\"agency\":\""
                    + f.agency().code()
                    + "\",\"idCode\":\"3398000"
                    + (100 + Math.abs(host.hashCode() % 900))
                    + "\",\"type\":\"DEPARTMENT\"}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(created.status()).isEqualTo(201);
    return ((Number) created.json("$.id")).longValue();
  }

  @Autowired WebApplicationContext context;

  private void deleteAttachmentFile(byte[] content) throws Exception {
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    try (Stream<Path> files = Files.walk(Path.of(dataDir, "attachments"))) {
      for (Path p :
          files.filter(p -> p.getFileName().toString().equals(sha)).collect(Collectors.toList())) {
        Files.delete(p);
      }
    }
  }
}
