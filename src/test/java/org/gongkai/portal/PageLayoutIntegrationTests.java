package org.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one layout as the visitor and the staff receive it: one head with the site's identity (the
 * 2017 guideline's SiteName, SiteDomain and SiteIDCode on every public page), the skip link first,
 * then the header, the page's own content and the footer.
 */
class PageLayoutIntegrationTests extends PlatformIntegrationTests {

  private static final String SITE = "临江市人民政府";
  private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

  @Test
  void everyPublicPageCarriesTheSiteInOneHeadAndTheSameFrame() {
    Fixture f = newAgency();
    long document = publish(f, "关于版式的通知");
    Api api = api();
    List<String> pages =
        List.of(
            "/agencies/" + f.agency().code(),
            "/agencies/" + f.agency().code() + "/guide",
            "/documents/" + document,
            "/search?q=%E7%89%88%E5%BC%8F",
            "/foi/apply",
            "/consultations",
            "/mailbox",
            "/interviews",
            "/powers",
            "/decisions",
            "/assessments");
    for (String path : pages) {
      String body = api.get(path).body();
      assertFrame(path, body);
      assertThat(title(body)).as(path).endsWith(" - " + SITE).isNotEqualTo(" - " + SITE);
      assertThat(body)
          .as(path)
          .contains(
              "<meta name=\"SiteName\" content=\"" + SITE + "\">",
              "<meta name=\"SiteDomain\" content=\"www.linjiang.gov.cn\">",
              "<meta name=\"SiteIDCode\" content=\"3399000001\">",
              "class=\"site-header\"",
              "class=\"site-footer\"",
              "?senior=on",
              "?lang=en");
      assertThat(body.indexOf("class=\"site-header\""))
          .as(path + ": header, content, footer in this order")
          .isLessThan(body.indexOf("<main"))
          .isLessThan(body.indexOf("class=\"site-footer\""));
    }
    String home = api.get("/").body();
    assertFrame("/", home);
    assertThat(title(home)).as("the home page is titled by the site's name alone").isEqualTo(SITE);

    String doc = api.get("/documents/" + document).body();
    assertThat(doc)
        .as("a page's own head items follow the layout's")
        .contains("<meta name=\"ArticleTitle\" content=\"关于版式的通知\">")
        .contains("<title>关于版式的通知 - " + SITE + "</title>");
    assertThat(api.get("/agencies/" + f.agency().code()).body())
        .contains("<link rel=\"alternate\" type=\"application/atom+xml\"");
  }

  @Test
  void consolePagesShareTheConsoleFrameAndTheSignInPageHasNone() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession editor = consoleSession(mvc, f.editor().username());
    for (String path : List.of("/console", "/console/documents", "/console/documents/new")) {
      String body =
          mvc.perform(get(path).session(editor)).andReturn().getResponse().getContentAsString();
      assertFrame(path, body);
      assertThat(body)
          .as(path)
          .contains("class=\"site-header console\"", "id=\"logout\"", "class=\"console-nav\"")
          .doesNotContain("name=\"SiteIDCode\"", "class=\"site-footer\"");
      assertThat(title(body)).as(path).isNotBlank().doesNotContain(SITE);
    }

    String login = api().get("/login").body();
    assertFrame("/login", login);
    assertThat(login).doesNotContain("class=\"site-header", "class=\"site-footer\"");
  }

  /** One head, one title, the stylesheet, and the skip link as the first thing in the body. */
  private static void assertFrame(String path, String body) {
    assertThat(count(body, "<head>")).as(path + ": one head").isEqualTo(1);
    assertThat(count(body, "<title>")).as(path + ": one title").isEqualTo(1);
    assertThat(body).as(path).contains("<meta charset=\"utf-8\">", "/css/site");
    assertThat(body)
        .as(path)
        .containsPattern("<html lang=\"[a-zA-Z-]+\"( class=\"theme-[a-z]+\")?>");
    assertThat(body.substring(body.indexOf("<body>")).replaceAll("\\s+", " "))
        .as(path + ": the skip link comes first")
        .startsWith("<body> <div> <a class=\"skip\" href=\"#main\">");
    assertThat(count(body, "<main id=\"main\"")).as(path).isEqualTo(1);
  }

  private static String title(String body) {
    Matcher m = TITLE.matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
