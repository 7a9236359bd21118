package org.gongkai.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.support.Api;
import org.gongkai.support.HostRequests;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Search through HTTP, following the catalog as documents are published, revised and withdrawn. */
abstract class SearchIntegrationTests extends PlatformIntegrationTests {

  static final String DOCS = "/api/v1/admin/documents";

  @Autowired Search search;

  @Autowired WebApplicationContext context;

  @BeforeEach
  void indexReady() {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> search.status().phase() == IndexStatus.Phase.READY);
  }

  @Test
  void findsAPublishedDocumentAndForgetsItAtOnceWhenWithdrawn() {
    Fixture f = newAgency();
    Api api = api();
    String word = unique("独角兽");
    int id = publish(api, f, "关于" + word + "企业培育的通知", "<p>支持" + word + "企业发展。</p>");
    awaitHits(
        word + " agency=" + f.agency().code(),
        "q=" + enc(word) + "&agency=" + f.agency().code(),
        1);

    Api.Response found = api.get("/api/v1/search?q=" + enc(word));
    assertThat((Integer) found.json("$.items[0].id")).isEqualTo(id);
    assertThat((String) found.json("$.items[0].titleHighlight"))
        .contains("<mark>" + word + "</mark>");
    assertThat((String) found.json("$.items[0].snippet")).contains("<mark>");
    assertThat((String) found.json("$.items[0].indexNumber")).startsWith(f.agency().code());
    assertThat((String) found.json("$.facets.agency[0].label")).isEqualTo(f.agency().name());

    api.post(
        DOCS + "/" + id + "/withdraw", "{\"reason\":\"撤回\"}", f.reviewer().username(), PASSWORD);
    assertThat((Integer) api.get("/api/v1/search?q=" + enc(word)).json("$.total"))
        .as("gone when the withdrawal returns")
        .isZero();
  }

  @Test
  void aRevisionReplacesTheIndexedText() {
    Fixture f = newAgency();
    Api api = api();
    String before = unique("旧标题");
    String after = unique("新标题");
    int id = publish(api, f, before + "的公告", "<p>正文</p>");
    awaitHits(before, "q=" + enc(before), 1);
    api.post(DOCS + "/" + id + "/revise", null, f.editor().username(), PASSWORD);
    api.put(DOCS + "/" + id, f.draftJson(after + "的公告"), f.editor().username(), PASSWORD);
    api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    api.post(
        DOCS + "/" + id + "/approve",
        "{\"confidentialityChecked\":true}",
        f.reviewer().username(),
        PASSWORD);
    api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD);
    awaitHits(after, "q=" + enc(after), 1);
    assertThat((Integer) api.get("/api/v1/search?q=" + enc(before)).json("$.total")).isZero();
  }

  @Test
  void findsDocumentNumbersWhateverTheBracketsAndAttachmentText() throws Exception {
    Fixture f = newAgency();
    Api api = api();
    String prefix = "测" + unique("").substring(0, 4);
    String docNumber = prefix + "〔2025〕7号";
    String json = f.draftJson("关于做好防汛工作的通知").replace("测政办〔2026〕12号", docNumber);
    int id = api.post(DOCS, json, f.editor().username(), PASSWORD).json("$.id");
    String hidden = unique("附件专有词");
    ByteArrayOutputStream docx = new ByteArrayOutputStream();
    try (XWPFDocument doc = new XWPFDocument()) {
      doc.createParagraph().createRun().setText("附件内容：" + hidden);
      doc.write(docx);
    }
    api.upload(
        DOCS + "/" + id + "/attachments",
        "附件.docx",
        docx.toByteArray(),
        f.editor().username(),
        PASSWORD);
    api.upload(
        DOCS + "/" + id + "/attachments",
        "损坏.pdf",
        "%PDF-1.4 broken".getBytes(),
        f.editor().username(),
        PASSWORD);
    api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    api.post(
        DOCS + "/" + id + "/approve",
        "{\"confidentialityChecked\":true}",
        f.reviewer().username(),
        PASSWORD);
    api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD);

    awaitHits(hidden, "q=" + enc(hidden), 1);
    for (String form :
        List.of(docNumber, prefix + "[2025]7号", prefix + "(2025)7号", prefix + "（２０２５）７号")) {
      Api.Response r = api.get("/api/v1/search?q=" + enc(form));
      assertThat((Integer) r.json("$.items[0].id")).as(form).isEqualTo(id);
    }
    String indexNumber = api.get("/api/v1/documents/" + id).json("$.indexNumber");
    assertThat((Integer) api.get("/api/v1/search?q=" + enc(indexNumber)).json("$.items[0].id"))
        .isEqualTo(id);
  }

  @Test
  void filtersFacetsSortsAndPagesDeeply() {
    Fixture f = newAgency();
    Api api = api();
    String word = unique("分页词");
    for (int i = 0; i < 23; i++) {
      publish(api, f, word + "第" + i + "号通知", "<p>内容</p>");
    }
    awaitHits(word, "q=" + enc(word), 23);
    Set<Integer> seen = new HashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      Api.Response r =
          api.get(
              "/api/v1/search?size=5&q=" + enc(word) + (cursor == null ? "" : "&cursor=" + cursor));
      List<Integer> ids = r.json("$.items[*].id");
      seen.addAll(ids);
      cursor = r.json("$.nextCursor");
      pages++;
    } while (cursor != null && pages < 10);
    assertThat(seen).hasSize(23);
    assertThat(pages).isEqualTo(5);
    List<Integer> page5 =
        api.get("/api/v1/search?size=5&page=5&q=" + enc(word)).json("$.items[*].id");
    assertThat(page5).hasSize(3);
    Api.Response byColumn =
        api.get("/api/v1/search?q=" + enc(word) + "&column=" + f.interpretations().id());
    assertThat((Integer) byColumn.json("$.total")).isZero();
    Api.Response byValidity =
        api.get("/api/v1/search?q=" + enc(word) + "&validity=VALID&sort=date&from=2000-01-01");
    assertThat((Integer) byValidity.json("$.total")).isEqualTo(23);
    assertThat((String) byValidity.json("$.facets.validity[0].label")).isEqualTo("有效");
    assertThat(api.get("/api/v1/search?q=x&from=not-a-date").status()).isEqualTo(400);
  }

  @Test
  void portalSearchPageWorksWithoutJavaScript() {
    Fixture f = newAgency();
    Api api = api();
    String word = unique("门户词");
    publish(api, f, word + "专项行动方案", "<p>正文提到" + word + "。</p>");
    awaitHits(word, "q=" + enc(word), 1);
    String page = api.get("/search?q=" + enc(word)).body();
    assertThat(page)
        .contains(
            "<mark>" + word + "</mark>", "专项行动方案", "/search?q=", "agency=" + f.agency().code());
    String none = api.get("/search?q=" + enc(unique("不存在的词"))).body();
    assertThat(none).contains("没有找到相关信息", "政府信息公开目录");
    assertThat(api.get("/search?q=%22%E6%9C%AA%E9%97%AD%E5%90%88&sort=date&page=2").status())
        .isEqualTo(200);
    Api.Response tooDeep = api.get("/search?q=%22%E6%9C%AA%E9%97%AD%E5%90%88&sort=date&page=99999");
    assertThat(tooDeep.status())
        .as("a page past what anybody reads is refused, with a reason")
        .isEqualTo(400);
    assertThat(tooDeep.body()).contains("最多只能翻到第 1000 页");
  }

  @Test
  void everySearchHasAnAtomFeedWithItsFiltersLinkedFromItsPage() {
    Fixture f = newAgency();
    Fixture other = newAgency();
    Api api = api();
    String word = unique("订阅词");
    int first = publish(api, f, word + "第一份通知", "<p>正文提到" + word + "。</p>");
    publish(api, other, word + "别的机构的通知", "<p>正文提到" + word + "。</p>");
    awaitHits(word, "q=" + enc(word), 2);

    // A feed reader fetches the feed alone: it neither logs in nor opens the site's pages first.
    Api reader = api();
    String page = api().get("/search?q=" + enc(word) + "&agency=" + f.agency().code()).body();
    assertThat(page)
        .contains("rel=\"alternate\" type=\"application/atom+xml\"", "订阅此搜索")
        .contains("/search/feed?q=" + enc(word) + "&amp;agency=" + f.agency().code() + "\"");

    Api.Response feed = reader.get("/search/feed?q=" + enc(word) + "&agency=" + f.agency().code());
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.headers().getContentType().toString()).startsWith("application/atom+xml");
    assertThat(feed.body())
        .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "搜索“" + word + "”")
        .contains(word + "第一份通知", "/documents/" + first + "\"")
        .doesNotContain("别的机构的通知");
    assertThat(feed.headers().getCacheControl()).contains("public");
    Api.Response again = reader.get("/search/feed?q=" + enc(word) + "&agency=" + f.agency().code());
    assertThat(again.headers().getETag()).isNotNull().isEqualTo(feed.headers().getETag());
    assertThat(
            reader
                .with("If-None-Match", feed.headers().getETag())
                .get("/search/feed?q=" + enc(word) + "&agency=" + f.agency().code())
                .status())
        .isEqualTo(304);

    Api.Response whole = reader.get("/search/feed?q=" + enc(word));
    assertThat(whole.body()).contains("第一份通知", "别的机构的通知");

    int second = publish(api, f, word + "第二份通知", "<p>正文提到" + word + "。</p>");
    await("the feed follows a publication")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                reader
                    .get("/search/feed?q=" + enc(word) + "&agency=" + f.agency().code())
                    .body()
                    .contains("/documents/" + second + "\""));

    Api.Response empty = api.get("/search/feed");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.body()).contains("请给出搜索词或至少一个筛选条件");
  }

  @Test
  void synonymsApplyAtQueryTimeAndSuggestionsFollowTitles() throws Exception {
    Fixture f = newAgency();
    Api api = api();
    String licence = unique("营照");
    String synonym = unique("执证");
    publish(api, f, "关于" + licence + "年检的通知", "<p>正文</p>");
    awaitHits(licence, "q=" + enc(licence), 1);
    assertThat((Integer) api.get("/api/v1/search?q=" + enc(synonym)).json("$.total")).isZero();
    var mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
    var session =
        (MockHttpSession)
            mvc.perform(
                    MockMvcRequestBuilders.post("/login")
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("username", "admin")
                        .param("password", ADMIN_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    mvc.perform(
        MockMvcRequestBuilders.post("/console/search/synonyms")
            .session(session)
            .with(SecurityMockMvcRequestPostProcessors.csrf())
            .param("terms", licence + "，" + synonym));
    String consolePage =
        mvc.perform(MockMvcRequestBuilders.get("/console/search").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(consolePage).contains(licence + " / " + synonym, "全量重建索引", "index-phase");
    assertThat((Integer) api.get("/api/v1/search?q=" + enc(synonym)).json("$.total")).isEqualTo(1);
    List<String> suggestions =
        api.get("/api/v1/search/suggest?q=" + enc(licence.substring(0, 3))).json("$");
    assertThat(suggestions).anyMatch(s -> s.contains(licence));
  }

  @Test
  void aSiteSearchesItsOwnAgenciesUnlessAskedForTheWholePlatform() {
    Fixture city = newAgency();
    Fixture department = newAgency(city.agency().id());
    Fixture other = newAgency(city.agency().id());
    String suffix = department.agency().code().substring(10).toLowerCase();
    String portalHost = "search-city-" + suffix + ".localhost";
    String departmentHost = "search-dept-" + suffix + ".localhost";
    String otherHost = "search-other-" + suffix + ".localhost";
    Api api = api();
    newSite("检索门户" + suffix, portalHost, city, "PORTAL");
    newSite("检索部门" + suffix, departmentHost, department, "DEPARTMENT");
    newSite("另一检索部门" + suffix, otherHost, other, "DEPARTMENT");
    String word = unique("站群检索");
    String mineTitle = "关于" + word + "工作的通知";
    String theirsTitle = "关于" + word + "事项的公告";
    int mine = publish(api, department, mineTitle, "<p>" + word + "</p>");
    int theirs = publish(api, other, theirsTitle, "<p>" + word + "</p>");
    awaitHits(word, "q=" + enc(word), 2);

    // The page: this site's agencies by default, a switch to the whole platform.
    String onDepartment = HostRequests.get(port, "/search?q=" + enc(word), departmentHost);
    assertThat(onDepartment)
        .startsWith("HTTP/1.1 200")
        .contains("/documents/" + mine + "\"")
        .doesNotContain("/documents/" + theirs + "\"")
        .contains("name=\"scope\" value=\"PLATFORM\"")
        .contains("scope=PLATFORM");
    String everywhere =
        HostRequests.get(port, "/search?q=" + enc(word) + "&scope=PLATFORM", departmentHost);
    assertThat(everywhere)
        .contains("href=\"/documents/" + mine + "\"")
        .as("a document this site does not show is linked on its own site")
        .contains("href=\"http://" + otherHost + ":" + port + "/documents/" + theirs + "\"")
        .contains("checked");
    assertThat(HostRequests.get(port, "/search?q=" + enc(word), otherHost))
        .contains("/documents/" + theirs + "\"")
        .doesNotContain("/documents/" + mine + "\"");
    assertThat(HostRequests.get(port, "/search?q=" + enc(word), portalHost))
        .as("the portal shows both departments")
        .contains("/documents/" + mine + "\"", "/documents/" + theirs + "\"");

    // The API the same, by the host it is asked on.
    String apiOnDepartment =
        HostRequests.get(port, "/api/v1/search?q=" + enc(word), departmentHost);
    assertThat(apiOnDepartment)
        .contains("\"scope\":\"SITE\"", "\"total\":1,", "\"id\":" + mine + ",")
        .doesNotContain("\"id\":" + theirs + ",");
    assertThat(
            HostRequests.get(
                port, "/api/v1/search?q=" + enc(word) + "&scope=PLATFORM", departmentHost))
        .contains("\"scope\":\"PLATFORM\"", "\"total\":2,", "\"id\":" + theirs + ",");
    assertThat(HostRequests.get(port, "/api/v1/search?q=" + enc(word) + "&scope=ALL", otherHost))
        .startsWith("HTTP/1.1 400")
        .contains("scope");
  }

  private void awaitHits(String label, String query, int expected) {
    await(label)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> ((Integer) api().get("/api/v1/search?" + query).json("$.total")) >= expected);
  }

  int publish(Api api, Fixture f, String title, String body) {
    String json = f.draftJson(title).replace("<p>正文内容。</p>", body);
    int id = api.post(DOCS, json, f.editor().username(), PASSWORD).json("$.id");
    api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    api.post(
        DOCS + "/" + id + "/approve",
        "{\"confidentialityChecked\":true}",
        f.reviewer().username(),
        PASSWORD);
    api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD);
    return id;
  }

  static String unique(String word) {
    String letters = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥";
    StringBuilder sb = new StringBuilder(word);
    ThreadLocalRandom r = ThreadLocalRandom.current();
    for (int i = 0; i < 6; i++) {
      sb.append(letters.charAt(r.nextInt(letters.length())));
    }
    return sb.toString();
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
