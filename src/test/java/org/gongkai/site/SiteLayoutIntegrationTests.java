package org.gongkai.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import io.micrometer.core.instrument.MeterRegistry;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.imageio.ImageIO;
import org.gongkai.support.Api;
import org.gongkai.support.HostRequests;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A site's own administrators arrange its home page, menu, theme, footer and logo in the console:
 * as a draft that only they preview, then published to that site alone, through the page cache.
 */
abstract class SiteLayoutIntegrationTests extends PlatformIntegrationTests {

  @Autowired MeterRegistry meters;

  record DepartmentSite(Fixture agency, long id, String host, String name) {}

  private DepartmentSite departmentSite(String prefix) {
    Fixture f = newAgency();
    String suffix = f.agency().code().substring(10).toLowerCase();
    String host = prefix + "-" + suffix + ".localhost";
    String name = "布局站" + prefix + suffix;
    Api.Response created =
        api()
            .post(
                "/api/v1/admin/sites",
                "{\"name\":\""
                    + name
                    + "\",\"hosts\":[\""
                    + host
                    + "\"],\"agency\":\""
                    + f.agency().code()
                    + "\",\"idCode\":\"3399000401\",\"type\":\"DEPARTMENT\","
                    + "\"icpFiling\":\"皖ICP备05001234号\"}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(created.status()).isEqualTo(201);
    return new DepartmentSite(f, ((Number) created.json("$.id")).longValue(), host, name);
  }

  @Test
  void anAgencyAdminMayNotArrangeAnotherAgencysSite() throws Exception {
    DepartmentSite mine = departmentSite("own");
    DepartmentSite theirs = departmentSite("their");
    MockMvc mvc = consoleMvc();
    MockHttpSession admin = consoleSession(mvc, mine.agency().agencyAdmin().username());

    assertThat(status(mvc, admin, get("/console/sites/" + mine.id()))).isEqualTo(200);
    assertThat(status(mvc, admin, get("/console/sites/" + theirs.id()))).isEqualTo(403);
    assertThat(status(mvc, admin, get("/console/sites/" + theirs.id() + "/preview")))
        .isEqualTo(403);
    assertThat(
            status(
                mvc,
                admin,
                post("/console/sites/" + theirs.id() + "/navigation")
                    .param("kind", "LINK")
                    .param("label", "闯入")
                    .param("target", "https://example.cn/")))
        .isEqualTo(403);
    assertThat(status(mvc, admin, post("/console/sites/" + theirs.id() + "/publish")))
        .isEqualTo(403);
    MockHttpSession editor = consoleSession(mvc, mine.agency().editor().username());
    assertThat(status(mvc, editor, get("/console/sites/" + mine.id())))
        .as("an editor of the site's agency does not arrange it either")
        .isEqualTo(403);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM site_look WHERE site_id = ?")
                .param(theirs.id())
                .query(Long.class)
                .single())
        .isZero();
    String list = body(mvc, admin, get("/console/sites"));
    assertThat(list).contains(mine.name()).doesNotContain(theirs.name());
  }

  @Test
  void aPublishedLayoutShowsOnItsOwnSiteAloneAndThroughThePageCache() throws Exception {
    DepartmentSite site = departmentSite("pub");
    DepartmentSite other = departmentSite("oth");
    publish(site.agency(), "布局站的通知" + site.host());
    String before = home(site.host());
    assertThat(before).contains(site.name()).doesNotContain("theme-azure");
    home(site.host());

    MockMvc mvc = consoleMvc();
    MockHttpSession admin = consoleSession(mvc, site.agency().agencyAdmin().username());
    String menu = "办事大厅" + site.id();
    String links = "便民链接" + site.id();
    redirects(
        mvc,
        admin,
        post("/console/sites/" + site.id() + "/navigation")
            .param("kind", "LINK")
            .param("label", menu)
            .param("target", "https://zwfw.example.cn/"));
    redirects(
        mvc,
        admin,
        post("/console/sites/" + site.id() + "/navigation")
            .param("kind", "COLUMN")
            .param("label", "政策栏目" + site.id())
            .param("columnId", String.valueOf(site.agency().policies().id())));
    redirects(
        mvc,
        admin,
        post("/console/sites/" + site.id() + "/blocks")
            .param("kind", "LINKS")
            .param("title", links)
            .param("links", "政务服务网 https://zwfw.example.cn/\n依申请公开 /foi/apply"));
    redirects(
        mvc,
        admin,
        post("/console/sites/" + site.id() + "/blocks/move")
            .param("position", String.valueOf(blockCount(site) - 1))
            .param("direction", "-1"));
    redirects(
        mvc,
        admin,
        post("/console/sites/" + site.id() + "/look")
            .param("theme", "AZURE")
            .param("footerNote", "地址：临江市政务路" + site.id() + "号")
            .param("markLink", "https://bszs.conac.cn/sitename?method=show&id=TEST"));
    assertThat(home(site.host())).as("nothing shows before publishing").doesNotContain(menu);

    redirects(mvc, admin, post("/console/sites/" + site.id() + "/publish"));
    double served = served();
    String after = home(site.host());
    assertThat(after)
        .contains(
            "class=\"theme-azure\"",
            "<a href=\"https://zwfw.example.cn/\">" + menu + "</a>",
            "?column=" + site.agency().policies().id() + "\">政策栏目" + site.id(),
            links,
            "<a href=\"/foi/apply\">依申请公开</a>",
            "地址：临江市政务路" + site.id() + "号",
            "href=\"https://bszs.conac.cn/sitename?method=show&amp;id=TEST\"",
            "皖ICP备05001234号");
    assertThat(footer(after))
        .as("the footer: the filing number linked to its register, the 党政机关 mark linked")
        .contains(
            "<a href=\"https://beian.miit.gov.cn/\">皖ICP备05001234号</a>",
            "<a class=\"mark-link\" href=\"https://bszs.conac.cn/sitename?method=show&amp;id=TEST\">",
            "3399000401");
    assertThat(
            jdbc.sql(
                    "SELECT position FROM site_home_block WHERE site_id = ? AND stage = 'LIVE'"
                        + " AND kind = 'LINKS'")
                .param(site.id())
                .query(Integer.class)
                .single())
        .as("the links block, added last, moved up one place")
        .isEqualTo(blockCount(site) - 2);
    assertThat(served()).as("the published page was rendered afresh").isEqualTo(served);
    // and is then answered from the page cache (once a change committed just before, the
    // publication's own, has reached the cache's version)
    await("the published page from the page cache")
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> {
              double count = served();
              assertThat(home(site.host())).contains(menu);
              return served() == count + 1;
            });

    assertThat(home(other.host()))
        .contains(other.name())
        .doesNotContain(menu, links, "theme-azure");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE actor = ? AND subject_type = 'site'"
                        + " AND action LIKE 'site.layout.%'")
                .param(site.agency().agencyAdmin().username())
                .query(Long.class)
                .single())
        .as("each change and the publication are audited")
        .isEqualTo(6);
  }

  @Autowired Sites sites;

  @Autowired SiteLayouts layouts;

  @Test
  void theMenuAndTheBlocksAreMovedAndRemovedWithTheSameButtons() throws Exception {
    DepartmentSite site = departmentSite("mv");
    MockMvc mvc = consoleMvc();
    MockHttpSession admin = consoleSession(mvc, site.agency().agencyAdmin().username());
    for (String label : java.util.List.of("甲菜单", "乙菜单")) {
      redirects(
          mvc,
          admin,
          post("/console/sites/" + site.id() + "/navigation")
              .param("kind", "PAGE")
              .param("label", label)
              .param("target", "/consultations"));
    }
    String page = body(mvc, admin, get("/console/sites/" + site.id()));
    for (String list : java.util.List.of("navigation", "blocks")) {
      assertThat(page)
          .contains(
              "action=\"/console/sites/" + site.id() + "/" + list + "/move\"",
              "action=\"/console/sites/" + site.id() + "/" + list + "/remove\"");
    }
    assertThat(page).contains("aria-label=\"上移 乙菜单\"", "aria-label=\"删除 甲菜单\"");

    // Behind the default menu's items, which the draft starts with.
    int last = labels(site).size() - 1;
    assertThat(labels(site).subList(last - 1, last + 1)).containsExactly("甲菜单", "乙菜单");
    redirects(
        mvc,
        admin,
        post("/console/sites/" + site.id() + "/navigation/move")
            .param("position", String.valueOf(last))
            .param("direction", "-1"));
    assertThat(labels(site).subList(last - 1, last + 1)).containsExactly("乙菜单", "甲菜单");
    redirects(
        mvc,
        admin,
        post("/console/sites/" + site.id() + "/navigation/remove")
            .param("position", String.valueOf(last - 1)));
    assertThat(labels(site)).hasSize(last).endsWith("甲菜单").doesNotContain("乙菜单");
    long blocks = blockCount(site);
    redirects(
        mvc, admin, post("/console/sites/" + site.id() + "/blocks/remove").param("position", "0"));
    assertThat(blockCount(site)).isEqualTo(blocks - 1);
    assertThat(
            status(
                mvc,
                admin,
                post("/console/sites/" + site.id() + "/theme/remove").param("position", "0")))
        .as("only the two lists")
        .isEqualTo(404);
  }

  private static String footer(String page) {
    int start = page.indexOf("<footer");
    assertThat(start).as("a footer").isNotNegative();
    return page.substring(start, page.indexOf("</footer>", start));
  }

  private java.util.List<String> labels(DepartmentSite site) {
    Site s = sites.find(site.id()).orElseThrow();
    return layouts.draft(s, admin()).navigation().stream().map(SiteLayout.NavItem::label).toList();
  }

  @Test
  void thePreviewShowsTheDraftBeforeItIsPublished() throws Exception {
    DepartmentSite site = departmentSite("pre");
    MockMvc mvc = consoleMvc();
    MockHttpSession admin = consoleSession(mvc, site.agency().agencyAdmin().username());
    String menu = "草稿菜单" + site.id();
    redirects(
        mvc,
        admin,
        post("/console/sites/" + site.id() + "/navigation")
            .param("kind", "PAGE")
            .param("label", menu)
            .param("target", "/consultations"));
    redirects(mvc, admin, post("/console/sites/" + site.id() + "/look").param("theme", "JADE"));

    String preview = body(mvc, admin, get("/console/sites/" + site.id() + "/preview"));
    assertThat(preview).contains(menu, "theme-jade", site.name(), "预览：这是尚未发布的草稿");
    assertThat(home(site.host())).doesNotContain(menu, "theme-jade");
    MockHttpSession reviewer = consoleSession(mvc, site.agency().reviewer().username());
    assertThat(status(mvc, reviewer, get("/console/sites/" + site.id() + "/preview")))
        .as("only the site's administrators preview it")
        .isEqualTo(403);

    String title = "预览用的信息" + site.id();
    long document = publish(site.agency(), title);
    String columnPage =
        body(
            mvc,
            admin,
            get(
                "/console/sites/"
                    + site.id()
                    + "/preview/agencies/"
                    + site.agency().agency().code()
                    + "?column="
                    + site.agency().policies().id()));
    assertThat(columnPage)
        .as("a column page in the draft's frame")
        .contains(menu, "theme-jade", "预览：这是尚未发布的草稿", site.agency().policies().name(), title);
    assertThat(body(mvc, admin, get("/console/sites/" + site.id() + "/preview/column")))
        .contains(menu, "theme-jade", site.agency().agency().name());
    String documentPage =
        body(mvc, admin, get("/console/sites/" + site.id() + "/preview/documents/" + document));
    assertThat(documentPage)
        .as("a document page in the draft's frame")
        .contains(menu, "theme-jade", "预览：这是尚未发布的草稿", title);
    assertThat(body(mvc, admin, get("/console/sites/" + site.id() + "/preview/document")))
        .as("the newest document the site shows")
        .contains(menu, title);
    assertThat(HostRequests.get(port, "/documents/" + document, site.host()))
        .as("the public page keeps the published layout")
        .contains(title)
        .doesNotContain(menu, "theme-jade");
    assertThat(
            status(
                mvc,
                reviewer,
                get("/console/sites/" + site.id() + "/preview/documents/" + document)))
        .isEqualTo(403);
    DepartmentSite other = departmentSite("prx");
    MockHttpSession otherAdmin = consoleSession(mvc, other.agency().agencyAdmin().username());
    assertThat(
            status(
                mvc,
                otherAdmin,
                get("/console/sites/" + other.id() + "/preview/documents/" + document)))
        .as("a document the previewed site does not show")
        .isEqualTo(404);
  }

  @Test
  void aLogoIsAPngOrAJpegServedPerSiteOncePublished() throws Exception {
    DepartmentSite site = departmentSite("logo");
    DepartmentSite other = departmentSite("nolog");
    MockMvc mvc = consoleMvc();
    MockHttpSession admin = consoleSession(mvc, site.agency().agencyAdmin().username());
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    MvcResult refused =
        mvc.perform(
                MockMvcRequestBuilders.multipart("/console/sites/" + site.id() + "/logo")
                    .file(new MockMultipartFile("file", "logo.svg", "image/svg+xml", svg))
                    .session(admin)
                    .with(csrf()))
            .andReturn();
    assertThat(refused.getFlashMap().get("refusal")).isEqualTo("site.logo.type");

    byte[] png = png();
    mvc.perform(
            MockMvcRequestBuilders.multipart("/console/sites/" + site.id() + "/logo")
                .file(new MockMultipartFile("file", "logo.png", "image/png", png))
                .session(admin)
                .with(csrf()))
        .andReturn();
    assertThat(
            mvc.perform(get("/console/sites/" + site.id() + "/logo").session(admin))
                .andReturn()
                .getResponse()
                .getContentAsByteArray())
        .isEqualTo(png);
    assertThat(raw("/site-logo", site.host())).startsWith("HTTP/1.1 404");

    redirects(mvc, admin, post("/console/sites/" + site.id() + "/publish"));
    assertThat(home(site.host())).contains("<img class=\"logo\" src=\"/site-logo?v=");
    assertThat(raw("/site-logo", site.host()))
        .startsWith("HTTP/1.1 200")
        .contains("Content-Type: image/png");
    assertThat(raw("/site-logo", other.host())).startsWith("HTTP/1.1 404");
    assertThat(home(other.host())).doesNotContain("class=\"logo\"");
  }

  private static byte[] png() throws IOException {
    BufferedImage image = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private long blockCount(DepartmentSite site) {
    return jdbc.sql("SELECT COUNT(*) FROM site_home_block WHERE site_id = ? AND stage = 'DRAFT'")
        .param(site.id())
        .query(Long.class)
        .single();
  }

  private double served() {
    return meters.get("gongkai.page.cache.served").counter().count();
  }

  private String home(String host) {
    return HostRequests.get(port, "/", host);
  }

  /** The answer's status line and headers as text, the body left out (a logo is binary). */
  private String raw(String path, String host) throws IOException {
    try (var socket = new Socket("localhost", port)) {
      socket
          .getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      String all = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
      int end = all.indexOf("\r\n\r\n");
      return end < 0 ? all : all.substring(0, end);
    }
  }

  private static MockHttpServletRequestBuilder get(String path) {
    return MockMvcRequestBuilders.get(path);
  }

  private static MockHttpServletRequestBuilder post(String path) {
    return MockMvcRequestBuilders.post(path).with(csrf());
  }

  private static int status(MockMvc mvc, MockHttpSession session, MockHttpServletRequestBuilder r)
      throws Exception {
    return mvc.perform(r.session(session)).andReturn().getResponse().getStatus();
  }

  private static String body(MockMvc mvc, MockHttpSession session, MockHttpServletRequestBuilder r)
      throws Exception {
    var response = mvc.perform(r.session(session)).andReturn().getResponse();
    assertThat(response.getStatus()).isEqualTo(200);
    return response.getContentAsString(StandardCharsets.UTF_8);
  }

  /** Performs a console action and asserts it succeeded (a redirect without a refusal). */
  private static void redirects(
      MockMvc mvc, MockHttpSession session, MockHttpServletRequestBuilder r) throws Exception {
    MvcResult result = mvc.perform(r.session(session)).andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(302);
    assertThat(result.getFlashMap().get("refusal")).as("refused").isNull();
  }
}
