package org.gongkai.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.support.Api;
import org.gongkai.support.HostRequests;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Submissions upward (信息报送): a department offers a published document to a column of the city's
 * portal; the portal's editors accept it (or decline it with a reason); an accepted document is
 * listed there by reference, and a withdrawal at its source takes it off the accepting site.
 */
abstract class OffersIntegrationTests extends PlatformIntegrationTests {

  @Autowired Offers offers;

  /** A city with a portal, a department with its own site, and the portal's 部门动态 column. */
  record Setting(
      Fixture city,
      Fixture department,
      String portalHost,
      String departmentHost,
      long portal,
      long departmentSite,
      Column news,
      String suffix) {}

  Setting setting() {
    Fixture city = newAgency();
    Fixture department = newAgency(city.agency().id());
    String suffix = department.agency().code().substring(10).toLowerCase();
    String portalHost = "portal-" + suffix + ".localhost";
    String departmentHost = "dept-" + suffix + ".localhost";
    long portal = newSite("报送门户" + suffix, portalHost, city, "PORTAL", "3399000501");
    long departmentSite =
        newSite("报送部门" + suffix, departmentHost, department, "DEPARTMENT", "3399000502");
    Column news = agencies.addColumn(city.agency().id(), null, "部门动态", ColumnType.GENERAL, "test");
    return new Setting(
        city, department, portalHost, departmentHost, portal, departmentSite, news, suffix);
  }

  @Test
  void anOfferedItemAcceptedAndThenWithdrawnAtItsSourceDisappearsFromTheAcceptingSite() {
    Setting s = setting();
    String title = "商务局报送的动态" + s.suffix();
    long id = publish(s.department(), title);
    String column = "/agencies/" + s.city().agency().code() + "?column=" + s.news().id();
    assertThat(get(column, s.portalHost())).startsWith("HTTP/1.1 200").doesNotContain(title);

    Api.Response offered = offer(id, s.portal(), s.news().id(), s.department());
    assertThat(offered.status()).isEqualTo(201);
    assertThat((String) offered.json("$.state")).isEqualTo("OFFERED");
    int offerId = offered.json("$.id");
    assertThat(offer(id, s.portal(), s.news().id(), s.department()).status())
        .as("offered once at a time")
        .isEqualTo(409);
    assertThat(get(column, s.portalHost())).as("not before it is accepted").doesNotContain(title);

    assertThat(
            api()
                .post(
                    "/api/v1/admin/offers/" + offerId + "/accept",
                    null,
                    s.department().editor().username(),
                    PASSWORD)
                .status())
        .as("the offering agency does not accept its own offer")
        .isEqualTo(403);
    assertThat(
            api()
                .get("/api/v1/admin/offers?box=inbox", s.city().editor().username(), PASSWORD)
                .body())
        .contains(title);
    Api.Response accepted =
        api()
            .post(
                "/api/v1/admin/offers/" + offerId + "/accept",
                null,
                s.city().editor().username(),
                PASSWORD);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat((String) accepted.json("$.state")).isEqualTo("ACCEPTED");

    String listed = get(column, s.portalHost());
    assertThat(listed).contains(title, "/documents/" + id);
    String feed =
        "/agencies/" + s.city().agency().code() + "/columns/" + s.news().id() + "/feed.atom";
    assertThat(get(feed, s.portalHost())).contains(title);
    assertThat(get("/", s.portalHost())).contains(title);
    assertThat(get("/documents/" + id, s.portalHost()))
        .startsWith("HTTP/1.1 200")
        .contains(
            "<link rel=\"canonical\" href=\"http://"
                + s.departmentHost()
                + ":"
                + port
                + "/documents/"
                + id
                + "\">");
    assertThat(
            api().get("/api/v1/admin/offers", s.department().editor().username(), PASSWORD).body())
        .as("the offering agency sees what was taken")
        .contains("\"state\":\"ACCEPTED\"", title);
    assertThat(offers.tally(s.department().agency().id(), today(), today()))
        .isEqualTo(new Offers.Tally(1, 1));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE subject_type = 'document' AND"
                        + " subject_id = ? AND action IN ('offer.made', 'offer.accepted')")
                .param(String.valueOf(id))
                .query(Long.class)
                .single())
        .isEqualTo(2);

    editorial.withdraw(id, "内容有误", s.department().reviewer());
    assertThat(get(column, s.portalHost()))
        .as("withdrawn at its source: gone from the accepting site's column")
        .doesNotContain(title);
    assertThat(get("/documents/" + id, s.portalHost())).startsWith("HTTP/1.1 410");
    assertThat(get(feed, s.portalHost())).doesNotContain(title);
  }

  @Test
  void aDeclineNeedsAReasonAndAnotherSiteMayTakeTheItemByReference() {
    Setting s = setting();
    Fixture sibling = newAgency(s.city().agency().id());
    String siblingHost = "sibling-" + s.suffix() + ".localhost";
    long siblingSite =
        newSite("兄弟部门" + s.suffix(), siblingHost, sibling, "DEPARTMENT", "3399000503");
    Column siblingNews =
        agencies.addColumn(sibling.agency().id(), null, "兄弟动态", ColumnType.GENERAL, "test");
    String title = "教育局的信息" + s.suffix();
    long id = publish(s.department(), title);

    assertThat(
            offer(id, s.departmentSite(), s.department().policies().id(), s.department()).status())
        .as("not to its own site")
        .isEqualTo(400);
    assertThat(offer(id, s.portal(), siblingNews.id(), s.department()).status())
        .as("only to a column of that site")
        .isEqualTo(400);
    int offerId = offer(id, s.portal(), s.news().id(), s.department()).json("$.id");
    String decline = "/api/v1/admin/offers/" + offerId + "/decline";
    Api.Response noReason =
        api().post(decline, "{\"reason\":\" \"}", s.city().editor().username(), PASSWORD);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    Api.Response declined =
        api().post(decline, "{\"reason\":\"与本栏目无关\"}", s.city().editor().username(), PASSWORD);
    assertThat(declined.status()).isEqualTo(200);
    assertThat((String) declined.json("$.state")).isEqualTo("DECLINED");
    assertThat(
            api()
                .get(
                    "/api/v1/admin/offers/" + offerId, s.department().editor().username(), PASSWORD)
                .body())
        .contains("与本栏目无关");
    assertThat(
            get(
                "/agencies/" + s.city().agency().code() + "?column=" + s.news().id(),
                s.portalHost()))
        .doesNotContain(title);

    assertThat(get("/documents/" + id, siblingHost))
        .as("the sibling's site does not show the department")
        .startsWith("HTTP/1.1 404");
    int second = offer(id, siblingSite, siblingNews.id(), s.department()).json("$.id");
    assertThat(
            api()
                .post(
                    "/api/v1/admin/offers/" + second + "/accept",
                    null,
                    sibling.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(
            get(
                "/agencies/" + sibling.agency().code() + "?column=" + siblingNews.id(),
                siblingHost))
        .contains(title);
    assertThat(get("/documents/" + id, siblingHost))
        .as("shown by reference where accepted")
        .startsWith("HTTP/1.1 200")
        .contains(title, "href=\"http://" + s.departmentHost() + ":" + port + "/documents/" + id);
    assertThat(offers.tally(s.department().agency().id(), today(), today()))
        .isEqualTo(new Offers.Tally(2, 1));

    editorial.withdraw(id, "已过时", s.department().reviewer());
    assertThat(get("/documents/" + id, siblingHost)).startsWith("HTTP/1.1 410");
    assertThat(
            get(
                "/agencies/" + sibling.agency().code() + "?column=" + siblingNews.id(),
                siblingHost))
        .doesNotContain(title);
  }

  @Test
  void theOfferingAgencyRetractsAnOfferAndTheAcceptingSiteRemovesAnAcceptedItem() {
    Setting s = setting();
    String title = "可撤回的动态" + s.suffix();
    long id = publish(s.department(), title);
    String column = "/agencies/" + s.city().agency().code() + "?column=" + s.news().id();
    String departmentEditor = s.department().editor().username();
    String cityEditor = s.city().editor().username();

    int waiting = offer(id, s.portal(), s.news().id(), s.department()).json("$.id");
    assertThat(api().post(retract(waiting), null, cityEditor, PASSWORD).status())
        .as("only the offering agency retracts")
        .isEqualTo(403);
    Api.Response retracted = api().post(retract(waiting), null, departmentEditor, PASSWORD);
    assertThat(retracted.status()).isEqualTo(200);
    assertThat((String) retracted.json("$.state")).isEqualTo("RETRACTED");
    assertThat(api().post(retract(waiting), null, departmentEditor, PASSWORD).status())
        .isEqualTo(409);
    assertThat(
            api()
                .post("/api/v1/admin/offers/" + waiting + "/accept", null, cityEditor, PASSWORD)
                .status())
        .as("a retracted offer is not accepted")
        .isEqualTo(409);

    int accepted = offer(id, s.portal(), s.news().id(), s.department()).json("$.id");
    accept(accepted, cityEditor);
    assertThat(get(column, s.portalHost())).contains(title);
    Api.Response back =
        api().post(retract(accepted), "{\"reason\":\"内容需更新\"}", departmentEditor, PASSWORD);
    assertThat(back.status()).isEqualTo(200);
    assertThat((String) back.json("$.reason")).isEqualTo("内容需更新");
    assertThat(get(column, s.portalHost()))
        .as("retracted after it was accepted: off the accepting site's column at once")
        .doesNotContain(title);

    Fixture sibling = newAgency(s.city().agency().id());
    String siblingHost = "keep-" + s.suffix() + ".localhost";
    long siblingSite =
        newSite("撤下站" + s.suffix(), siblingHost, sibling, "DEPARTMENT", "3399000504");
    Column siblingNews =
        agencies.addColumn(sibling.agency().id(), null, "转载动态", ColumnType.GENERAL, "test");
    String siblingColumn = "/agencies/" + sibling.agency().code() + "?column=" + siblingNews.id();
    int taken = offer(id, siblingSite, siblingNews.id(), s.department()).json("$.id");
    accept(taken, sibling.editor().username());
    assertThat(get("/documents/" + id, siblingHost)).startsWith("HTTP/1.1 200");
    String remove = "/api/v1/admin/offers/" + taken + "/remove";
    assertThat(api().post(remove, "{\"reason\":\"不要了\"}", departmentEditor, PASSWORD).status())
        .as("only the accepting site's editors remove")
        .isEqualTo(403);
    Api.Response noReason =
        api().post(remove, "{\"reason\":\"\"}", sibling.editor().username(), PASSWORD);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    Api.Response removed =
        api().post(remove, "{\"reason\":\"栏目调整\"}", sibling.editor().username(), PASSWORD);
    assertThat(removed.status()).isEqualTo(200);
    assertThat((String) removed.json("$.state")).isEqualTo("REMOVED");
    assertThat(get(siblingColumn, siblingHost)).doesNotContain(title);
    assertThat(get("/documents/" + id, siblingHost))
        .as("no longer on the site that removed it")
        .startsWith("HTTP/1.1 404");
    assertThat(api().get("/api/v1/admin/offers", departmentEditor, PASSWORD).body())
        .as("the offering agency sees what was taken off, and why")
        .contains("\"state\":\"REMOVED\"", "栏目调整");
    assertThat(
            jdbc.sql(
                    "SELECT action FROM audit_record WHERE subject_type = 'document' AND"
                        + " subject_id = ? AND action IN ('offer.retracted', 'offer.removed')"
                        + " ORDER BY id")
                .param(String.valueOf(id))
                .query(String.class)
                .list())
        .containsExactly("offer.retracted", "offer.retracted", "offer.removed");

    int again = offer(id, siblingSite, siblingNews.id(), s.department()).json("$.id");
    accept(again, sibling.editor().username());
    assertThat(get(siblingColumn, siblingHost)).contains(title);
    editorial.withdraw(id, "已过时", s.department().reviewer());
    assertThat(get(siblingColumn, siblingHost))
        .as("a withdrawal at the source still reaches an item offered again")
        .doesNotContain(title);
    assertThat(get("/documents/" + id, siblingHost)).startsWith("HTTP/1.1 410");
  }

  /** A department's document accepted into a column of its sibling's site. */
  record Accepted(
      Setting s, Fixture sibling, String siblingHost, Column siblingNews, String title, long id) {}

  Accepted acceptedOnASibling(String name) {
    Setting s = setting();
    Fixture sibling = newAgency(s.city().agency().id());
    String siblingHost = name + "-" + s.suffix() + ".localhost";
    long siblingSite =
        newSite("采用站" + s.suffix(), siblingHost, sibling, "DEPARTMENT", "3399000505");
    Column siblingNews =
        agencies.addColumn(sibling.agency().id(), null, "采用动态", ColumnType.GENERAL, "test");
    String title = "被采用的报送" + s.suffix();
    long id = publish(s.department(), title);
    accept(
        offer(id, siblingSite, siblingNews.id(), s.department()).json("$.id"),
        sibling.editor().username());
    return new Accepted(s, sibling, siblingHost, siblingNews, title, id);
  }

  @Test
  void theOpenApiListsTheItemsAcceptedIntoAColumn() {
    Accepted a = acceptedOnASibling("api");
    assertThat(get("/api/v1/documents?column=" + a.siblingNews().id(), a.siblingHost()))
        .as("the column's list in the open API, as on its page")
        .startsWith("HTTP/1.1 200")
        .contains(a.title(), "\"id\":" + a.id());
    assertThat(get("/api/v1/documents?agency=" + a.sibling().agency().code(), a.siblingHost()))
        .contains(a.title());
    assertThat(get("/api/v1/documents?column=" + a.siblingNews().id(), a.s().departmentHost()))
        .as("not on a site that did not accept it")
        .doesNotContain(a.title());
  }

  @Test
  void theBreadcrumbsOfAnAcceptedItemLeadThroughTheAcceptingSite() {
    Accepted a = acceptedOnASibling("crumbs");
    Setting s = a.s();
    String crumbs = crumbs(get("/documents/" + a.id(), a.siblingHost()));
    assertThat(crumbs)
        .contains(
            "href=\"/agencies/"
                + a.sibling().agency().code()
                + "?column="
                + a.siblingNews().id()
                + "\"",
            "采用动态")
        .doesNotContain("/agencies/" + s.department().agency().code())
        .as("the city's pages are not on the sibling's site")
        .doesNotContain("/agencies/" + s.city().agency().code());
    for (String link : links(crumbs)) {
      assertThat(get(link, a.siblingHost())).as(link).startsWith("HTTP/1.1 200");
    }
    String own = crumbs(get("/documents/" + a.id(), s.departmentHost()));
    assertThat(own)
        .contains("href=\"/agencies/" + s.department().agency().code() + "?column=")
        .doesNotContain("/agencies/" + s.city().agency().code() + "\"");
    for (String link : links(own)) {
      assertThat(get(link, s.departmentHost())).as(link).startsWith("HTTP/1.1 200");
    }
  }

  private static String crumbs(String page) {
    int start = page.indexOf("<nav class=\"crumbs\"");
    assertThat(start).as("breadcrumbs").isNotNegative();
    return page.substring(start, page.indexOf("</nav>", start));
  }

  private static java.util.List<String> links(String html) {
    java.util.List<String> links = new java.util.ArrayList<>();
    var m = java.util.regex.Pattern.compile("href=\"(/[^\"]*)\"").matcher(html);
    while (m.find()) {
      links.add(m.group(1).replace("&amp;", "&"));
    }
    return links;
  }

  private static String retract(int offerId) {
    return "/api/v1/admin/offers/" + offerId + "/retract";
  }

  private void accept(int offerId, String editor) {
    assertThat(
            api()
                .post("/api/v1/admin/offers/" + offerId + "/accept", null, editor, PASSWORD)
                .status())
        .isEqualTo(200);
  }

  @Test
  void editorsOfferFromTheDocumentPageAndAcceptInTheConsole() throws Exception {
    Setting s = setting();
    String title = "控制台报送" + s.suffix();
    long id = publish(s.department(), title);
    MockMvc mvc = consoleMvc();
    MockHttpSession offering = consoleSession(mvc, s.department().editor().username());
    assertThat(page(mvc, offering, "/console/documents/" + id))
        .contains("/console/offers/new?document=" + id);
    String form = page(mvc, offering, "/console/offers/new?document=" + id);
    assertThat(form)
        .contains("报送门户" + s.suffix(), "value=\"" + s.portal() + ":" + s.news().id() + "\"")
        .doesNotContain("value=\"" + s.departmentSite() + ":");
    mvc.perform(
            MockMvcRequestBuilders.post("/console/offers")
                .session(offering)
                .with(csrf())
                .param("document", String.valueOf(id))
                .param("target", s.portal() + ":" + s.news().id())
                .param("note", "请采用"))
        .andReturn();
    assertThat(page(mvc, offering, "/console/offers")).contains(title, "待处理");

    MockHttpSession receiving = consoleSession(mvc, s.city().editor().username());
    String inbox = page(mvc, receiving, "/console/offers");
    assertThat(inbox).contains(title, "请采用");
    long offerId =
        jdbc.sql("SELECT id FROM site_offer WHERE document_id = ?")
            .param(id)
            .query(Long.class)
            .single();
    mvc.perform(
            MockMvcRequestBuilders.post("/console/offers/" + offerId + "/accept")
                .session(receiving)
                .with(csrf()))
        .andReturn();
    assertThat(page(mvc, offering, "/console/offers"))
        .contains("已采用", "id=\"retract-" + offerId + "\"");
    assertThat(
            get(
                "/agencies/" + s.city().agency().code() + "?column=" + s.news().id(),
                s.portalHost()))
        .contains(title);
    assertThat(page(mvc, receiving, "/console/offers")).contains("id=\"remove-" + offerId + "\"");
    mvc.perform(
            MockMvcRequestBuilders.post("/console/offers/" + offerId + "/remove")
                .session(receiving)
                .with(csrf())
                .param("reason", "版面调整"))
        .andReturn();
    assertThat(page(mvc, offering, "/console/offers"))
        .contains("已从本网站撤下", "版面调整")
        .doesNotContain("id=\"retract-" + offerId + "\"");
    assertThat(
            get(
                "/agencies/" + s.city().agency().code() + "?column=" + s.news().id(),
                s.portalHost()))
        .doesNotContain(title);
  }

  private static String page(MockMvc mvc, MockHttpSession session, String path) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get(path).session(session))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private java.time.LocalDate today() {
    return java.time.LocalDate.now(clock);
  }

  Api.Response offer(long document, long site, long column, Fixture from) {
    return api()
        .post(
            "/api/v1/admin/offers",
            "{\"document\":" + document + ",\"site\":" + site + ",\"column\":" + column + "}",
            from.editor().username(),
            PASSWORD);
  }

  String get(String path, String host) {
    return HostRequests.get(port, path, host);
  }
}
