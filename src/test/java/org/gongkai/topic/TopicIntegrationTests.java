package org.gongkai.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.gongkai.audit.AuditEntry;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayouts;
import org.gongkai.site.Sites;
import org.gongkai.support.Api;
import org.gongkai.support.HostRequests;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Topics (专题): drafted by an editor, approved and published by another person, gathering the
 * published documents their tags name and every new one while open, documents put in and taken out
 * by hand, on a page, a feed, the open API, a site's home page and its sitemap.
 */
class TopicIntegrationTests extends PlatformIntegrationTests {

  static final String ADMIN_TOPICS = "/api/v1/admin/topics";

  @Autowired AuditTrail audit;

  @Autowired Sites sites;

  @Autowired SiteLayouts layouts;

  @Test
  void aTopicGoesThroughFourEyesAndGathersByTagAndByHand() {
    Fixture f = newAgency();
    Fixture other = newAgency();
    String tag = unique("营商");
    String sectionTag = unique("审批");
    long first = publishTagged(f, "关于" + tag + "的通知", tag + " 工作动态");
    long elsewhere = publishTagged(other, "外机构" + sectionTag + "的办法", "公告，" + sectionTag);
    long untagged = publishTagged(f, "不相关的通知" + tag.substring(2), "其他");
    long near = publishTagged(f, "相近的词" + tag, tag + "督察");
    String slug = "topic-" + Math.abs(ThreadLocalRandom.current().nextLong() % 1_000_000_000L);

    Api.Response created =
        api()
            .post(
                ADMIN_TOPICS,
                topicJson(slug, f, "优化营商环境专题" + tag, tag, sectionTag, null),
                editor(f),
                PASSWORD);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = ((Number) created.json("$.id")).longValue();
    assertThat((String) created.json("$.state")).isEqualTo("DRAFT");
    assertThat(api().get("/topics/" + slug).status()).as("not published yet").isEqualTo(404);

    String path = ADMIN_TOPICS + "/" + id;
    assertThat(api().post(path + "/approve", null, f.reviewer().username(), PASSWORD).status())
        .as("nothing to approve before it is submitted")
        .isEqualTo(409);
    assertThat(api().post(path + "/submit", null, editor(f), PASSWORD).status()).isEqualTo(200);
    assertThat(api().post(path + "/approve", null, editor(f), PASSWORD).status())
        .as("an editor does not approve")
        .isEqualTo(403);
    assertThat(api().post(path + "/approve", null, f.reviewer().username(), PASSWORD).status())
        .isEqualTo(200);
    assertThat(api().post(path + "/publish", null, editor(f), PASSWORD).status())
        .as("nor publish")
        .isEqualTo(403);
    Api.Response published = api().post(path + "/publish", null, f.reviewer().username(), PASSWORD);
    assertThat(published.status()).as(published.body()).isEqualTo(200);
    assertThat((String) published.json("$.state")).isEqualTo("PUBLISHED");

    String page = api().get("/topics/" + slug).body();
    assertThat(page)
        .contains("优化营商环境专题" + tag, "政策文件", "进行中")
        .contains("/documents/" + first + "\"", "/documents/" + elsewhere + "\"")
        .doesNotContain("/documents/" + untagged + "\"")
        .as("a keyword that only contains the tag is no match")
        .doesNotContain("/documents/" + near + "\"");
    assertThat(api().get("/topics/" + slug + "/feed.atom").body())
        .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "关于" + tag + "的通知");
    Api.Response json = api().get("/api/v1/topics/" + slug);
    assertThat((Integer) json.json("$.documents")).isEqualTo(2);
    assertThat((String) json.json("$.sections[0].name")).isEqualTo("政策文件");
    assertThat((Integer) json.json("$.sections[0].documents[0].id")).isEqualTo((int) elsewhere);
    assertThat(api().get("/api/v1/topics").body()).contains(slug);

    // A new publication naming the tag joins the open topic in its own transaction.
    long later = publishTagged(f, "后来的" + tag + "通知", tag);
    assertThat(itemSource(id, later)).isEqualTo(TopicItem.TAG);
    awaitPage("/topics/" + slug, "/documents/" + later + "\"");

    // By hand: a published document in, and out again.
    Api.Response added =
        api().post(path + "/items", "{\"document\":" + untagged + "}", editor(f), PASSWORD);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(itemSource(id, untagged)).isEqualTo(TopicItem.HAND);
    assertThat(
            api()
                .post(path + "/items", "{\"document\":" + untagged + "}", editor(f), PASSWORD)
                .status())
        .isEqualTo(409);
    Api.Response badSection =
        api()
            .post(
                path + "/items",
                "{\"document\":" + near + ",\"section\":\"没有的分栏\"}",
                editor(f),
                PASSWORD);
    assertThat(badSection.status()).isEqualTo(400);
    assertThat(badSection.body()).contains("section");
    awaitPage("/topics/" + slug, "/documents/" + untagged + "\"");
    assertThat(api().delete(path + "/items/" + untagged, editor(f), PASSWORD).status())
        .isEqualTo(204);
    awaitPageWithout("/topics/" + slug, "/documents/" + untagged + "\"");

    // A withdrawn document leaves the page at once.
    editorial.withdraw(first, "撤回", f.reviewer());
    awaitPageWithout("/topics/" + slug, "/documents/" + first + "\"");

    assertThat(audit.forSubject("topic", id).stream().map(AuditEntry::action).toList())
        .contains(
            "topic.created",
            "topic.submitted",
            "topic.approved",
            "topic.published",
            "topic.item.added",
            "topic.item.removed");
    assertThat(api().get(path, other.editor().username(), PASSWORD).status())
        .as("another agency's staff do not see it")
        .isEqualTo(404);
    assertThat(
            api()
                .post(path + "/items", "{\"document\":" + untagged + "}", editor(other), PASSWORD)
                .status())
        .isEqualTo(404);
  }

  @Test
  void theWriterMayNotApproveTheirOwnDraftAndAnEditWaitsForApprovalAgain() {
    Fixture f = newAgency();
    String slug = "own-" + Math.abs(ThreadLocalRandom.current().nextLong() % 1_000_000_000L);
    String reviewer = f.reviewer().username();
    long id =
        ((Number)
                api()
                    .post(
                        ADMIN_TOPICS,
                        topicJson(slug, f, "审核人自己写的专题", "某标签", "另一标签", null),
                        reviewer,
                        PASSWORD)
                    .json("$.id"))
            .longValue();
    String path = ADMIN_TOPICS + "/" + id;
    assertThat(api().post(path + "/submit", null, reviewer, PASSWORD).status()).isEqualTo(200);
    assertThat(api().post(path + "/approve", null, reviewer, PASSWORD).status())
        .as("four eyes")
        .isEqualTo(403);
    assertThat(api().post(path + "/approve", null, f.agencyAdmin().username(), PASSWORD).status())
        .isEqualTo(200);
    assertThat(api().post(path + "/publish", null, f.agencyAdmin().username(), PASSWORD).status())
        .isEqualTo(200);
    awaitPage("/topics/" + slug, "审核人自己写的专题");

    Api.Response edited =
        api().put(path, topicJson(slug, f, "改过的专题标题", "某标签", "另一标签", null), editor(f), PASSWORD);
    assertThat(edited.status()).as(edited.body()).isEqualTo(200);
    assertThat((String) edited.json("$.state")).isEqualTo("DRAFT");
    assertThat((String) edited.json("$.live.title")).isEqualTo("审核人自己写的专题");
    assertThat(api().get("/topics/" + slug).body())
        .as("the site shows the live copy until the edit is published")
        .contains("审核人自己写的专题")
        .doesNotContain("改过的专题标题");

    Api.Response invalid =
        api()
            .put(
                path,
                "{\"title\":\"\",\"opensOn\":\"2026-03-01\",\"closesOn\":\"2026-01-01\"}",
                editor(f),
                PASSWORD);
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.body()).contains("title", "closesOn");
    assertThat((String) api().get(path, editor(f), PASSWORD).json("$.draft.title"))
        .as("nothing half-saved")
        .isEqualTo("改过的专题标题");

    api().post(path + "/submit", null, editor(f), PASSWORD);
    api().post(path + "/approve", null, reviewer, PASSWORD);
    assertThat(api().post(path + "/publish", null, reviewer, PASSWORD).status()).isEqualTo(200);
    awaitPage("/topics/" + slug, "改过的专题标题");
  }

  @Test
  void aClosedTopicKeepsWhatItGatheredAndGathersNothingNew() {
    Fixture f = newAgency();
    String tag = unique("结束");
    long before = publishTagged(f, "结束前的" + tag, tag);
    String slug = "closed-" + Math.abs(ThreadLocalRandom.current().nextLong() % 1_000_000_000L);
    LocalDate today = LocalDate.now(clock);
    long id = publishTopic(f, slug, "已结束的专题", tag, today.minusDays(30), today.minusDays(1));
    long after = publishTagged(f, "结束后的" + tag, tag);
    String page = api().get("/topics/" + slug).body();
    assertThat(page)
        .contains("已结束", "/documents/" + before + "\"")
        .doesNotContain("/documents/" + after + "\"");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM topic_item WHERE topic_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theConsoleCreatesEditsAndCountsTopics() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession editor = consoleSession(mvc, editor(f));
    String slug = "console-" + Math.abs(ThreadLocalRandom.current().nextLong() % 1_000_000_000L);
    MockHttpServletResponse refused =
        mvc.perform(
                MockMvcRequestBuilders.post("/console/topics")
                    .session(editor)
                    .with(csrf())
                    .param("agency", f.agency().code())
                    .param("title", "控制台专题")
                    .param("slug", "Not A Slug")
                    .param("opensOn", LocalDate.now(clock).toString()))
            .andReturn()
            .getResponse();
    assertThat(refused.getRedirectedUrl()).isEqualTo("/console/topics");
    MockHttpServletResponse made =
        mvc.perform(
                MockMvcRequestBuilders.post("/console/topics")
                    .session(editor)
                    .with(csrf())
                    .param("agency", f.agency().code())
                    .param("title", "控制台专题")
                    .param("slug", slug)
                    .param("opensOn", LocalDate.now(clock).toString()))
            .andReturn()
            .getResponse();
    assertThat(made.getRedirectedUrl()).startsWith("/console/topics/");
    String show = made.getRedirectedUrl();
    String tag = unique("控制台");
    mvc.perform(
            MockMvcRequestBuilders.post(show)
                .session(editor)
                .with(csrf())
                .param("title", "控制台专题")
                .param("introduction", "第一段。\n\n第二段。")
                .param("tags", tag + "，其他标签")
                .param("sections", "政策文件：" + tag + "\n工作动态")
                .param("opensOn", LocalDate.now(clock).minusDays(1).toString()))
        .andReturn();
    String form =
        mvc.perform(MockMvcRequestBuilders.get(show).session(editor))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form)
        .contains("for=\"topic-title\"", "for=\"topic-tags\"", "for=\"topic-sections\"")
        .contains(tag + ", 其他标签", "政策文件: " + tag, "提交审核")
        .as("an editor gets no button to approve")
        .doesNotContain(show + "/approve\"");
    mvc.perform(MockMvcRequestBuilders.post(show + "/submit").session(editor).with(csrf()))
        .andReturn();
    MockHttpSession reviewer = consoleSession(mvc, f.reviewer().username());
    mvc.perform(MockMvcRequestBuilders.post(show + "/approve").session(reviewer).with(csrf()))
        .andReturn();
    mvc.perform(MockMvcRequestBuilders.post(show + "/publish").session(reviewer).with(csrf()))
        .andReturn();
    long document = publishTagged(f, "控制台专题里的" + tag, tag);
    String list =
        mvc.perform(MockMvcRequestBuilders.get("/console/topics").session(editor))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list).contains("控制台专题", slug, "已发布", "<td class=\"num\">1</td>");
    String after =
        mvc.perform(MockMvcRequestBuilders.get(show).session(editor))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(after).contains("/documents/" + document, "按标签汇集");
    assertThat(api().get("/topics/" + slug).body()).contains("第二段。", "政策文件");
  }

  @Test
  void aSiteHomePageShowsItsTopicsAndTheSitemapListsThem() {
    Fixture f = newAgency();
    String suffix = f.agency().code().substring(12).toLowerCase();
    String host = "topics-" + suffix + ".localhost";
    Api.Response site =
        api()
            .post(
                "/api/v1/admin/sites",
                "{\"name\":\"专题站"
                    + suffix
                    + "\",\"hosts\":[\""
                    + host
                    + "\"],\"agency\":\""
                    + f.agency().code()
                    + "\",\"idCode\":\"3397000"
                    + ThreadLocalRandom.current().nextInt(100, 999)
                    + "\",\"type\":\"DEPARTMENT\"}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(site.status()).as(site.body()).isEqualTo(201);
    var created = sites.find(((Number) site.json("$.id")).longValue()).orElseThrow();
    SiteLayout draft = layouts.draft(created, admin());
    List<SiteLayout.HomeBlock> blocks = new java.util.ArrayList<>(draft.blocks());
    blocks.add(0, new SiteLayout.HomeBlock(SiteLayout.BlockKind.TOPICS, "", null, 3, List.of()));
    layouts.saveDraft(created, draft.withBlocks(blocks), admin(), "site.layout.blocks");
    layouts.publish(created, admin());

    String slug = "home-" + suffix;
    publishTopic(f, slug, "首页上的专题" + suffix, unique("首页"), LocalDate.now(clock), null);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> HostRequests.get(port, "/", host).contains("首页上的专题" + suffix));
    assertThat(HostRequests.get(port, "/", host)).contains("href=\"/topics/" + slug + "\"", "专题专栏");
    assertThat(HostRequests.get(port, "/sitemaps/pages.xml", host)).contains("/topics/" + slug);
    assertThat(HostRequests.get(port, "/topics", host)).contains("首页上的专题" + suffix);
    Fixture other = newAgency();
    String otherHost = "topics-other-" + suffix + ".localhost";
    api()
        .post(
            "/api/v1/admin/sites",
            "{\"name\":\"别的站"
                + suffix
                + "\",\"hosts\":[\""
                + otherHost
                + "\"],\"agency\":\""
                + other.agency().code()
                + "\",\"idCode\":\"3396000"
                + ThreadLocalRandom.current().nextInt(100, 999)
                + "\",\"type\":\"DEPARTMENT\"}",
            "admin",
            ADMIN_PASSWORD);
    assertThat(HostRequests.get(port, "/topics/" + slug, otherHost))
        .as("a site that does not show the topic's agency does not show the topic")
        .startsWith("HTTP/1.1 404");
  }

  private long publishTopic(
      Fixture f, String slug, String title, String tag, LocalDate opensOn, LocalDate closesOn) {
    Api.Response created =
        api()
            .post(
                ADMIN_TOPICS,
                topicJson(slug, f, title, tag, tag + "分栏", closesOn)
                    .replace(
                        "\"opensOn\":\"" + LocalDate.now(clock).minusDays(1),
                        "\"opensOn\":\"" + opensOn),
                editor(f),
                PASSWORD);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = ((Number) created.json("$.id")).longValue();
    String path = ADMIN_TOPICS + "/" + id;
    assertThat(api().post(path + "/submit", null, editor(f), PASSWORD).status()).isEqualTo(200);
    assertThat(api().post(path + "/approve", null, f.reviewer().username(), PASSWORD).status())
        .isEqualTo(200);
    assertThat(api().post(path + "/publish", null, f.reviewer().username(), PASSWORD).status())
        .isEqualTo(200);
    return id;
  }

  private String topicJson(
      String slug, Fixture f, String title, String tag, String sectionTag, LocalDate closesOn) {
    return "{\"slug\":"
        + Api.quote(slug)
        + ",\"agency\":"
        + Api.quote(f.agency().code())
        + ",\"title\":"
        + Api.quote(title)
        + ",\"introduction\":\"本专题汇集相关信息。\\n\\n持续更新。\",\"tags\":["
        + Api.quote(tag)
        + "],\"sections\":[{\"name\":\"政策文件\",\"tags\":["
        + Api.quote(sectionTag)
        + "]}],\"opensOn\":\""
        + LocalDate.now(clock).minusDays(1)
        + "\""
        + (closesOn == null ? "" : ",\"closesOn\":\"" + closesOn + "\"")
        + "}";
  }

  private long publishTagged(Fixture f, String title, String keywords) {
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(f.policies().id());
    form.setTitle(title);
    form.setKeywords(keywords);
    form.setBody("<p>正文</p>");
    long id = editorial.createDraft(form, f.editor());
    editorial.submit(id, f.editor());
    editorial.approve(id, true, null, f.reviewer());
    editorial.publish(id, null, f.reviewer());
    return id;
  }

  private String itemSource(long topic, long document) {
    return jdbc.sql("SELECT source FROM topic_item WHERE topic_id = ? AND document_id = ?")
        .params(topic, document)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private void awaitPage(String path, String text) {
    await(path + " shows " + text)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> api().get(path).body().contains(text));
  }

  private void awaitPageWithout(String path, String text) {
    await(path + " no longer shows " + text)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !api().get(path).body().contains(text));
  }

  private static String editor(Fixture f) {
    return f.editor().username();
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
}
