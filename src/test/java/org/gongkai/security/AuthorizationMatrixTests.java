package org.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.consultation.ConsultationDesk;
import org.gongkai.consultation.ConsultationKind;
import org.gongkai.consultation.ConsultationScope;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.PublicSubmissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the application, taken from Spring's handler mappings, against an explicit list of
 * what the public may reach: everything else is a staff route and must refuse an anonymous visitor
 * (a route added outside the list without its check fails here, and so does a listed route that no
 * longer exists). Each staff route is called with the ids of real records of one agency, seeded for
 * every kind a path names, as an editor of another agency (no server error, none of the agency's
 * data in the answer, none of its records changed, nothing audited in their name, and on the staff
 * API a write with a valid body is refused by its check: 403 or 404, not a 400 before it) and, on
 * the administrators' routes, as a reviewer. Beside it: editors against reviewers on approving and
 * publishing, and who sees personal data in full.
 */
class AuthorizationMatrixTests extends PlatformIntegrationTests {

  /** What anyone may reach, as "METHOD pattern" ("ANY" for a mapping without methods). */
  private static final Set<String> PUBLIC =
      Set.of(
          "GET /",
          "GET /agencies/{code}",
          "GET /agencies/{code}/columns/{columnId}/feed.atom",
          "GET /agencies/{code}/feed.atom",
          "GET /agencies/{code}/guide",
          "GET /api/v1/agencies",
          "GET /api/v1/agencies/{code}/columns",
          "GET /api/v1/calendar/add-working-days",
          "GET /api/v1/calendar/is-working-day",
          "GET /api/v1/calendar/{year}",
          "GET /api/v1/challenge",
          "GET /api/v1/consultations",
          "GET /api/v1/decisions",
          "GET /api/v1/decisions/{id}",
          "GET /api/v1/consultations/{id}",
          "POST /api/v1/consultations/{id}/comments",
          "GET /api/v1/documents",
          "GET /api/v1/documents/{id}",
          "POST /api/v1/foi/requests",
          "GET /api/v1/foi/requests/{trackingCode}",
          "GET /api/v1/foi/requests/{trackingCode}/enclosures/{enclosure}",
          "POST /api/v1/mailbox/messages",
          "GET /api/v1/mailbox/messages/{trackingCode}",
          "POST /api/v1/mailbox/messages/{trackingCode}/rating",
          "GET /api/v1/powers",
          "GET /api/v1/powers/{code}",
          "GET /api/v1/qa",
          "GET /api/v1/search",
          "GET /api/v1/search/suggest",
          "POST /api/v1/subscriptions",
          "GET /api/v1/subscriptions/unsubscribe",
          "POST /api/v1/subscriptions/unsubscribe",
          "GET /assessments",
          "GET /assessments/{year:\\d+}",
          "GET /consultations",
          "GET /consultations/{id}",
          "GET /consultations/{id}/attachments/{attachmentId}",
          "POST /consultations/{id}/comments",
          "GET /decisions",
          "GET /decisions/feed.atom",
          "GET /decisions/{id}",
          "GET /documents/{id}",
          "GET /documents/{id}/attachments/{attachmentId}",
          "ANY /error",
          "GET /foi/acknowledged",
          "GET /foi/apply",
          "POST /foi/apply",
          "GET /foi/status",
          "POST /foi/status",
          "POST /foi/status/enclosure",
          "GET /interviews",
          "GET /interviews/{id}",
          "GET /login",
          "GET /login/second-factor",
          "POST /login/second-factor",
          "GET /mailbox",
          "POST /mailbox",
          "GET /mailbox/acknowledged",
          "GET /mailbox/qa",
          "POST /mailbox/rating",
          "GET /mailbox/status",
          "POST /mailbox/status",
          "GET /powers",
          "GET /powers/{code}",
          "GET /powers/{code}/flowchart.svg",
          "GET /robots.txt",
          "GET /search",
          "GET /search/feed",
          "GET /site-logo",
          "GET /sitemap.xml",
          "GET /sitemaps/documents-{block}.xml",
          "GET /sitemaps/pages.xml",
          "GET /subscriptions",
          "POST /subscriptions",
          "GET /subscriptions/confirm",
          "GET /subscriptions/manage",
          "POST /subscriptions/manage/{id}/frequency",
          "POST /subscriptions/manage/{id}/unsubscribe",
          "GET /subscriptions/unsubscribe",
          "POST /subscriptions/unsubscribe",
          "GET /topics",
          "GET /topics/{slug}",
          "GET /topics/{slug}/feed.atom",
          "GET /api/v1/topics",
          "GET /api/v1/topics/{slug}",
          "GET /swagger-ui.html",
          "GET /v3/api-docs",
          "GET /v3/api-docs.yaml",
          "GET /v3/api-docs/swagger-config");

  /** Routes only administrators reach; a reviewer is refused there. */
  private static final List<String> ADMIN_ONLY =
      List.of(
          "/console/accounts",
          "/console/agencies/",
          "/console/backups",
          "/console/web-archives",
          "/console/audit",
          "/console/calendar",
          "/console/search",
          "/api/v1/admin/accounts",
          "/api/v1/admin/backups",
          "/api/v1/admin/web-archives",
          "/api/v1/admin/exports",
          "/api/v1/admin/search",
          "/api/v1/admin/calendar",
          "/console/monitor/words",
          "/api/v1/admin/monitor/words",
          "/api/v1/admin/sites",
          "/console/sites",
          "/api/v1/admin/webhooks",
          "/console/webhooks",
          "/console/subscriptions");

  /**
   * Routes on which a member of staff acts on their own account (their password, authenticator,
   * tokens) or on a file they hand in (redaction, which keeps nothing but its audit record; intake,
   * which keeps nothing until a draft is saved): the other agency's editor may use them, for
   * themselves.
   */
  private static final Set<String> OWN_ACCOUNT =
      Set.of(
          "GET /console",
          "GET /console/password",
          "POST /console/password",
          "GET /console/second-factor",
          "POST /console/second-factor",
          "GET /console/tokens",
          "POST /console/tokens",
          "GET /api/v1/admin/tokens",
          "POST /api/v1/admin/tokens",
          "POST /api/v1/admin/redactions",
          "POST /api/v1/admin/intake");

  /** The year the matrix seeds its assessment in, apart from the years other tests use. */
  private static final int YEAR = 2011;

  @Autowired WebApplicationContext context;

  @Autowired ConsultationDesk consultations;

  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  private MockMvc mvc() {
    return MockMvcBuilders.webAppContextSetup(context)
        .apply(SecurityMockMvcConfigurers.springSecurity())
        .build();
  }

  private record Route(String method, String pattern) {
    String key() {
      return method + " " + pattern;
    }

    HttpMethod httpMethod() {
      return method.equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(method);
    }

    boolean write() {
      return !method.equals("GET") && !method.equals("ANY");
    }
  }

  /** Routes that take only a multipart upload. */
  private final Set<String> multipart = new TreeSet<>();

  private List<Route> allRoutes() {
    var all = new TreeSet<String>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              var methods = info.getMethodsCondition().getMethods();
              var consumes = info.getConsumesCondition().getConsumableMediaTypes();
              if (!consumes.isEmpty()
                  && consumes.stream().allMatch(t -> t.getSubtype().equals("form-data"))) {
                for (String pattern : info.getPatternValues()) {
                  methods.forEach(m -> multipart.add(m.name() + " " + pattern));
                }
              }
              for (String pattern : info.getPatternValues()) {
                if (methods.isEmpty()) {
                  all.add("ANY " + pattern);
                }
                for (RequestMethod m : methods) {
                  all.add(m.name() + " " + pattern);
                }
              }
            });
    return all.stream().map(r -> r.split(" ", 2)).map(r -> new Route(r[0], r[1])).toList();
  }

  @Test
  void everyRouteIsPublicByNameOrRefusesTheAnonymous() throws Exception {
    MockMvc mvc = mvc();
    Fixture mine = newAgency();
    Map<String, String> ids = records(mine, "匿名矩阵" + mine.agency().code().substring(12));
    List<Route> routes = allRoutes();
    Set<String> keys = new TreeSet<>();
    routes.forEach(r -> keys.add(r.key()));
    assertThat(PUBLIC).as("public routes that no longer exist").allMatch(keys::contains);
    List<String> failures = new ArrayList<>();
    for (Route route : routes) {
      if (PUBLIC.contains(route.key())) {
        continue;
      }
      MvcResult anonymous = call(mvc, route, fill(route.pattern(), ids), null, mine, "{}");
      int status = anonymous.getResponse().getStatus();
      boolean toLogin =
          status == 302
              && String.valueOf(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
      if (!(toLogin || status == 401 || status == 403)) {
        failures.add("anonymous " + route.key() + " -> " + status);
      }
    }
    assertThat(failures)
        .as("routes an anonymous visitor reaches that are not on the public list")
        .isEmpty();
  }

  @Test
  void everyStaffRouteRefusesTheOtherAgencyAndTheUnprivileged() throws Exception {
    MockMvc mvc = mvc();
    Fixture mine = newAgency();
    Fixture other = newAgency();
    String marker = "矩阵标记" + mine.agency().code().substring(12);
    Map<String, String> ids = records(mine, marker);
    Map<String, String> bodies = bodies(mine, marker, ids);

    MockHttpSession intruder = login(mvc, other.editor().username());
    MockHttpSession reviewer = login(mvc, mine.reviewer().username());
    List<String> failures = new ArrayList<>();
    int routes = 0;
    for (Route route : allRoutes()) {
      if (PUBLIC.contains(route.key())) {
        continue;
      }
      routes++;
      String path = fill(route.pattern(), ids);
      String body = bodies.getOrDefault(route.key(), "{}");
      String before = state(mine);
      long auditBefore = auditBy(other.editor().username());
      MvcResult foreign = call(mvc, route, path, intruder, mine, body);
      int status = foreign.getResponse().getStatus();
      String answer = foreign.getResponse().getContentAsString();
      if (status >= 500) {
        failures.add("other agency's editor " + route.key() + " -> " + status);
      }
      if (answer.contains(marker)) {
        failures.add("other agency's editor " + route.key() + " saw the agency's records");
      }
      if (!state(mine).equals(before)) {
        failures.add("other agency's editor " + route.key() + " changed the agency's records");
      }
      if (!OWN_ACCOUNT.contains(route.key())) {
        if (auditBy(other.editor().username()) != auditBefore) {
          failures.add("other agency's editor " + route.key() + " left an audit record");
        }
        if (route.write()
            && route.pattern().startsWith("/api/v1/admin/")
            && status != 403
            && status != 404) {
          failures.add(
              "other agency's editor "
                  + route.key()
                  + " -> "
                  + status
                  + " (a valid body must reach the check): "
                  + answer.substring(0, Math.min(200, answer.length())));
        }
      }
      if (ADMIN_ONLY.stream().anyMatch(route.pattern()::startsWith)) {
        int reviewed = call(mvc, route, path, reviewer, mine, body).getResponse().getStatus();
        if (reviewed >= 200 && reviewed < 300) {
          failures.add("reviewer " + route.key() + " -> " + reviewed);
        }
      }
    }
    assertThat(routes).as("staff routes found in the handler mappings").isGreaterThan(200);
    assertThat(failures).isEmpty();
  }

  @Test
  void anEditorMayNotApproveOrPublishAReviewerMay() {
    Fixture f = newAgency();
    Api api = api();
    String docs = "/api/v1/admin/documents/";
    int id =
        api.post("/api/v1/admin/documents", f.draftJson("四眼审核"), editor(f), PASSWORD).json("$.id");
    assertThat(api.post(docs + id + "/submit", null, editor(f), PASSWORD).status()).isEqualTo(200);
    String approve = "{\"confidentialityChecked\":true}";
    assertThat(api.post(docs + id + "/approve", approve, editor(f), PASSWORD).status())
        .as("an editor does not approve")
        .isEqualTo(403);
    assertThat(api.post(docs + id + "/publish", null, editor(f), PASSWORD).status())
        .as("nor publish")
        .isIn(403, 409);
    assertThat(editionState(id)).isEqualTo("SUBMITTED");
    MockMvc mvc = mvc();
    try {
      MockHttpSession session = login(mvc, editor(f));
      mvc.perform(
              MockMvcRequestBuilders.post("/console/documents/" + id + "/approve")
                  .session(session)
                  .with(csrf())
                  .param("confidentialityChecked", "true"))
          .andReturn();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    assertThat(editionState(id)).as("nor through the console").isEqualTo("SUBMITTED");

    String reviewer = f.reviewer().username();
    assertThat(api.post(docs + id + "/approve", approve, reviewer, PASSWORD).status())
        .isEqualTo(200);
    assertThat(api.post(docs + id + "/publish", null, editor(f), PASSWORD).status())
        .as("an editor does not publish an approved draft either")
        .isEqualTo(403);
    assertThat(api.post(docs + id + "/publish", null, reviewer, PASSWORD).status()).isEqualTo(200);
    assertThat(editionState(id)).isEqualTo("PUBLISHED");
    assertThat(
            api.post(docs + id + "/withdraw", "{\"reason\":\"有误\"}", editor(f), PASSWORD).status())
        .as("nor withdraw")
        .isEqualTo(403);
    assertThat(api.get("/documents/" + id).status()).isEqualTo(200);
  }

  @Test
  void onlyHoldersOfThePersonalDataPermissionSeeItInFull() throws Exception {
    Fixture f = newAgency();
    Fixture other = newAgency();
    String marker = "个人信息" + f.agency().code().substring(12);
    Map<String, String> ids = records(f, marker);
    String request = "/console/foi/" + ids.get("/console/foi/{id}");
    String message =
        "/api/v1/admin/mailbox/messages/" + ids.get("/api/v1/admin/mailbox/messages/{id}");
    MockMvc mvc = mvc();

    MockHttpSession without = login(mvc, f.reviewer().username());
    for (String path : List.of(request, request + "?reveal=true")) {
      String page = get(mvc, without, path);
      assertThat(page).as(path).doesNotContain(PublicSubmissions.RESIDENT_ID, "13812345678");
    }
    assertThat(api().get(message, f.reviewer().username(), PASSWORD).body())
        .contains(marker)
        .doesNotContain("13900001111");
    assertThat(api().get(message + "?reveal=true", f.reviewer().username(), PASSWORD).status())
        .isEqualTo(403);

    grantPersonalData(f.reviewer());
    MockHttpSession with = login(mvc, f.reviewer().username());
    assertThat(get(mvc, with, request)).as("masked until asked").doesNotContain("13812345678");
    assertThat(get(mvc, with, request + "?reveal=true"))
        .contains(PublicSubmissions.RESIDENT_ID, "13812345678");
    assertThat(api().get(message + "?reveal=true", f.reviewer().username(), PASSWORD).body())
        .contains("13900001111");
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE actor = ? AND action LIKE ?")
                .params(f.reviewer().username(), "%personal-data%")
                .query(Long.class)
                .single())
        .as("each full view is recorded")
        .isGreaterThanOrEqualTo(2);

    grantPersonalData(other.editor());
    MockHttpSession foreign = login(mvc, other.editor().username());
    assertThat(get(mvc, foreign, request + "?reveal=true"))
        .as("the permission does not reach another agency's records")
        .doesNotContain(PublicSubmissions.RESIDENT_ID, "13812345678", marker);
    assertThat(api().get(message + "?reveal=true", other.editor().username(), PASSWORD).status())
        .isIn(403, 404);
  }

  private static String editor(Fixture f) {
    return f.editor().username();
  }

  private String editionState(long document) {
    return jdbc.sql(
            "SELECT state FROM edition WHERE document_id = ? ORDER BY edition_number DESC, id DESC"
                + " FETCH FIRST 1 ROWS ONLY")
        .param(document)
        .query(String.class)
        .single();
  }

  private static String get(MockMvc mvc, MockHttpSession session, String path) throws Exception {
    return mvc.perform(MockMvcRequestBuilders.get(path).session(session))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  /** A path with each variable replaced by the id of a seeded record; an unknown one fails. */
  private static String fill(String pattern, Map<String, String> ids) {
    Matcher variable = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (variable.find()) {
      String before = pattern.substring(0, variable.start()).replaceAll("/$", "");
      String name = variable.group(1);
      String value = ids.get(before + "/{" + name + "}");
      if (value == null) {
        value = ids.get("{" + name + "}");
      }
      if (value == null) {
        throw new AssertionError(
            "no seeded record for {" + name + "} in " + pattern + ": seed one in records()");
      }
      variable.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    variable.appendTail(out);
    return out.toString();
  }

  private MvcResult call(
      MockMvc mvc, Route route, String path, MockHttpSession session, Fixture mine, String body)
      throws Exception {
    LocalDate today = LocalDate.now(clock);
    var request =
        multipart.contains(route.key())
            ? MockMvcRequestBuilders.multipart(route.httpMethod(), path)
                .file(
                    new MockMultipartFile(
                        "file",
                        "proof.pdf",
                        "application/pdf",
                        "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes()))
            : request(route.httpMethod(), path);
    // What the routes take as parameters, for the seeded agency.
    request
        .with(csrf())
        .param("agency", mine.agency().code())
        .param("year", String.valueOf(today.getYear()))
        .param("month", today.toString().substring(0, 7))
        .param("issuer", "https://sso.example.gov.cn");
    if (path.startsWith("/api/v1/admin/website-reports/")) {
      // A site's report is asked for by its site: the first site, which shows every agency.
      request.param(
          "site",
          String.valueOf(
              jdbc.sql("SELECT id FROM site WHERE fallback = TRUE").query(Long.class).single()));
    }
    if (route.write() && path.startsWith("/api/") && !multipart.contains(route.key())) {
      request.contentType("application/json").content(body);
    }
    if (session != null) {
      request.session(session);
    }
    try {
      return mvc.perform(request).andReturn();
    } catch (Exception unhandled) {
      // What MockMvc throws, a server answers with 500.
      throw new AssertionError(
          route.key()
              + " as "
              + (session == null ? "anonymous" : "staff")
              + " failed: "
              + unhandled,
          unhandled);
    }
  }

  /**
   * One record of every kind a staff route names, in the agency, each carrying the marker where a
   * title or text goes; keyed by the path before the variable and the variable ({@code
   * /console/documents/{id}}), or by the variable alone where it means one thing everywhere.
   */
  private Map<String, String> records(Fixture f, String marker) {
    Map<String, String> ids = new LinkedHashMap<>();
    String code = f.agency().code();
    long agency = f.agency().id();
    Api api = api();

    DocumentForm form = new DocumentForm();
    form.setAgency(code);
    form.setColumn(agencies.column(agency, ColumnType.NOTICE).orElseThrow().id());
    form.setTitle(marker + "草稿");
    form.setBody("<p>" + marker + "</p>");
    String document = String.valueOf(editorial.createDraft(form, f.editor()));
    byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();
    String attachment =
        String.valueOf(
            (Integer)
                api.upload(
                        "/api/v1/admin/documents/" + document + "/attachments",
                        marker + ".pdf",
                        pdf,
                        f.editor().username(),
                        PASSWORD)
                    .json("$.id"));
    for (String base : List.of("/console/documents", "/api/v1/admin/documents")) {
      ids.put(base + "/{id}", document);
    }
    ids.put("/api/v1/admin/documents/" + "{id}/attachments/{attachmentId}", attachment);
    ids.put("{attachmentId}", attachment);

    String tracking =
        api.post(
                "/api/v1/foi/requests",
                api.answered(PublicSubmissions.request(code, marker)),
                null,
                null)
            .json("$.trackingCode");
    String request =
        String.valueOf(
            jdbc.sql("SELECT id FROM foi_request WHERE tracking_code = ?")
                .param(tracking)
                .query(Long.class)
                .single());
    ids.put("/console/foi/{id}", request);
    ids.put("/api/v1/admin/foi/requests/{id}", request);
    ids.put("{trackingCode}", tracking);
    ids.put("{step}", "register");
    jdbc.sql(
            "INSERT INTO foi_letter (request_id, kind, recipient, body, issued_on, created_by,"
                + " created_at) VALUES (?, 'SUPPLEMENT_NOTICE', '张三', ?, ?, ?, CURRENT_TIMESTAMP)")
        .params(Long.parseLong(request), marker + "告知书", LocalDate.now(), f.editor().username())
        .update();
    ids.put(
        "{letterId}",
        String.valueOf(
            jdbc.sql("SELECT MAX(id) FROM foi_letter WHERE request_id = ?")
                .param(Long.parseLong(request))
                .query(Long.class)
                .single()));
    ids.put(
        "{eventId}",
        String.valueOf(
            jdbc.sql("SELECT MIN(id) FROM foi_event WHERE request_id = ?")
                .param(Long.parseLong(request))
                .query(Long.class)
                .single()));
    jdbc.sql(
            "INSERT INTO foi_notification (staff_id, request_id, kind, notified_on) VALUES (?, ?,"
                + " 'DUE_SOON', ?)")
        .params(f.editor().id(), Long.parseLong(request), LocalDate.now())
        .update();
    ids.put(
        "/console/foi/notifications/{id}",
        String.valueOf(
            jdbc.sql("SELECT MAX(id) FROM foi_notification WHERE request_id = ?")
                .param(Long.parseLong(request))
                .query(Long.class)
                .single()));

    String messageCode =
        api.post(
                "/api/v1/mailbox/messages",
                api.answered(PublicSubmissions.message(code, marker)),
                null,
                null)
            .json("$.trackingCode");
    String message =
        String.valueOf(
            jdbc.sql("SELECT id FROM mailbox_message WHERE tracking_code = ?")
                .param(messageCode)
                .query(Long.class)
                .single());
    ids.put("/console/mailbox/{id}", message);
    ids.put("/api/v1/admin/mailbox/messages/{id}", message);
    ids.put("/console/mailbox/{id}/{step}", "reply");

    LocalDate today = LocalDate.now(clock);
    String consultation =
        String.valueOf(
            consultations.open(
                code,
                ConsultationKind.CALL_FOR_COMMENTS,
                ConsultationScope.PUBLIC,
                marker + "征求意见",
                marker + "正文",
                today,
                today.plusDays(30),
                f.editor(),
                f.reviewer()));
    String comment =
        String.valueOf(
            consultations.comment(
                Long.parseLong(consultation), 1, "王五", "13700001111", marker + "意见"));
    ids.put("/console/consultations/{id}", consultation);
    ids.put("/api/v1/admin/consultations/{id}", consultation);
    ids.put("{commentId}", comment);
    ids.put("{comment}", comment);
    ids.put("/console/consultations/{id}/{step}", "publish");

    jdbc.sql(
            "INSERT INTO interview (agency_id, kind, held_on, channel, topic, questions_received,"
                + " questions_answered, created_by, created_at) VALUES (?, 'ONLINE_INTERVIEW', ?, '网站', ?, 1,"
                + " 1, ?, CURRENT_TIMESTAMP)")
        .params(agency, today, marker + "访谈", f.editor().username())
        .update();
    String interview =
        String.valueOf(
            jdbc.sql("SELECT MAX(id) FROM interview WHERE agency_id = ?")
                .param(agency)
                .query(Long.class)
                .single());
    jdbc.sql(
            "INSERT INTO interview_follow_up (interview_id, action, owner, due_on, status,"
                + " updated_by, updated_at) VALUES (?, ?, '办公室', ?, 'OPEN', ?, CURRENT_TIMESTAMP)")
        .params(Long.parseLong(interview), marker + "落实", today, f.editor().username())
        .update();
    ids.put("/console/interviews/{id}", interview);
    ids.put(
        "{followUp}",
        String.valueOf(
            jdbc.sql("SELECT MAX(id) FROM interview_follow_up WHERE interview_id = ?")
                .param(Long.parseLong(interview))
                .query(Long.class)
                .single()));

    ids.put("/console/accounts/{id}", String.valueOf(f.editor().id()));
    ids.put("/api/v1/admin/accounts/{id}", String.valueOf(f.editor().id()));
    ids.put("/console/agencies/{id}", String.valueOf(agency));
    ids.put(
        "{columnId}",
        String.valueOf(agencies.column(agency, ColumnType.NOTICE).orElseThrow().id()));
    ids.put("{code}", code);

    int token =
        api.post(
                "/api/v1/admin/tokens",
                "{\"name\":\""
                    + marker
                    + "\",\"scopes\":[\"documents:read\"],\"expiresOn\":\""
                    + today.plusDays(30)
                    + "\"}",
                f.editor().username(),
                PASSWORD)
            .json("$.id");
    ids.put("/api/v1/admin/tokens/{id}", String.valueOf(token));
    ids.put("/console/tokens/{id}", String.valueOf(token));
    String firstSite =
        String.valueOf(
            jdbc.sql("SELECT id FROM site WHERE fallback = TRUE").query(Long.class).single());
    ids.put("/api/v1/admin/sites/{id}", firstSite);
    ids.put("/api/v1/admin/web-archives/{id}", "1");
    // A recognition waits in the editor's session: another's token is simply unknown.
    ids.put("/api/v1/admin/intake/attachments/{token}", "f0e1d2c3b4a5");
    jdbc.sql(
            "INSERT INTO redaction_work (agency_id, reference, file_name, content_type,"
                + " original_sha256, created_by, created_at) VALUES (?, NULL, ?,"
                + " 'application/pdf', ?, ?, CURRENT_TIMESTAMP)")
        .params(agency, marker + ".pdf", "ab".repeat(32), f.editor().username())
        .update();
    String work =
        String.valueOf(
            jdbc.sql("SELECT MAX(id) FROM redaction_work WHERE agency_id = ?")
                .param(agency)
                .query(Long.class)
                .single());
    ids.put("/console/redactions/{id}", work);
    ids.put("{page}", "1");
    ids.put("/console/sites/{id}", firstSite);
    ids.put(
        "/console/sites/{id}/preview/documents/{documentId}", ids.get("/console/documents/{id}"));
    long notice = agencies.column(agency, ColumnType.NOTICE).orElseThrow().id();
    jdbc.sql(
            "INSERT INTO site_offer (document_id, agency_id, site_id, column_id, state, title,"
                + " offered_by, offered_at) SELECT ?, ?, id, ?, 'OFFERED', ?, ?, CURRENT_TIMESTAMP"
                + " FROM site WHERE fallback = TRUE")
        .params(Long.parseLong(document), agency, notice, marker + "报送", f.editor().username())
        .update();
    String offer =
        String.valueOf(
            jdbc.sql("SELECT MAX(id) FROM site_offer WHERE agency_id = ?")
                .param(agency)
                .query(Long.class)
                .single());
    ids.put("/console/offers/{id}", offer);
    ids.put("/api/v1/admin/offers/{id}", offer);

    jdbc.sql(
            "INSERT INTO topic (slug, agency_id, state, draft, drafted_by, created_by, created_at,"
                + " updated_at) VALUES (?, ?, 'SUBMITTED', ?, ?, ?, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)")
        .params(
            "matrix-" + agency,
            agency,
            "{\"title\":\"" + marker + "专题\",\"opensOn\":\"2026-01-01\"}",
            f.editor().username(),
            f.editor().username())
        .update();
    String topic =
        String.valueOf(
            jdbc.sql("SELECT id FROM topic WHERE slug = ?")
                .param("matrix-" + agency)
                .query(Long.class)
                .single());
    ids.put("/console/topics/{id}", topic);
    ids.put("/console/topics/{id}/{step}", "approve");
    ids.put("/api/v1/admin/topics/{id}", topic);
    ids.put("{documentId}", document);

    // An endpoint that takes nothing, so no publication adds to its outbox during the matrix.
    jdbc.sql(
            "INSERT INTO webhook_endpoint (url, secret, agencies, columns_taken, enabled,"
                + " created_by, created_at) VALUES (?, 'x', '', '', TRUE, 'admin',"
                + " CURRENT_TIMESTAMP)")
        .param("https://hooks.example.org/" + marker)
        .update();
    long endpoint = jdbc.sql("SELECT MAX(id) FROM webhook_endpoint").query(Long.class).single();
    jdbc.sql(
            "INSERT INTO webhook_delivery (endpoint_id, event_key, delivery_key, event_type,"
                + " document_id, payload, state, attempts, next_attempt_at, created_at)"
                + " VALUES (?, ?, ?, 'document.published', 0, ?, 'FAILED', 10, CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)")
        .params(endpoint, "matrix:" + marker, java.util.UUID.randomUUID().toString(), marker)
        .update();
    ids.put("/api/v1/admin/webhooks/{id}", String.valueOf(endpoint));
    ids.put("/console/webhooks/{id}", String.valueOf(endpoint));
    ids.put(
        "{deliveryId}",
        String.valueOf(
            jdbc.sql("SELECT MAX(id) FROM webhook_delivery WHERE endpoint_id = ?")
                .param(endpoint)
                .query(Long.class)
                .single()));

    jdbc.sql(
            "INSERT INTO import_job (agency_id, kind, dry_run, state, start_urls, hosts,"
                + " rate_per_second, max_documents, file_name, started_by, created_at)"
                + " VALUES (?, 'FILE', TRUE, 'DONE', '', '', 1, 10, ?, 'admin', CURRENT_TIMESTAMP)")
        .params(agency, marker + ".csv")
        .update();
    long importJob =
        jdbc.sql("SELECT MAX(id) FROM import_job WHERE agency_id = ?")
            .param(agency)
            .query(Long.class)
            .single();
    jdbc.sql(
            "INSERT INTO import_item (job_id, url, url_key, depth, done, page_kind, outcome,"
                + " reason, title) VALUES (?, ?, ?, 0, TRUE, 'ROW', 'REFUSED', 'import.refused.date', ?)")
        .params(importJob, marker + ".csv#2", marker + ".csv#2", marker)
        .update();
    ids.put("/api/v1/admin/imports/{id}", String.valueOf(importJob));
    ids.put("/console/imports/{id}", String.valueOf(importJob));

    jdbc.sql(
            "INSERT INTO monitor_word (list, term, created_by, created_at) VALUES ('FORBIDDEN', ?,"
                + " 'admin', CURRENT_TIMESTAMP)")
        .param(marker)
        .update();
    ids.put(
        "/console/monitor/words/{id}",
        String.valueOf(jdbc.sql("SELECT MAX(id) FROM monitor_word").query(Long.class).single()));
    jdbc.sql("INSERT INTO search_synonym (terms) VALUES (?)").param(marker + ",矩阵").update();
    ids.put(
        "/console/search/synonyms/{id}",
        String.valueOf(jdbc.sql("SELECT MAX(id) FROM search_synonym").query(Long.class).single()));

    if (jdbc.sql("SELECT COUNT(*) FROM assessment WHERE assessment_year = ?")
            .param(YEAR)
            .query(Long.class)
            .single()
        == 0) {
      jdbc.sql(
              "INSERT INTO assessment (assessment_year, office_agency_id, state, objections_until,"
                  + " created_by, created_at) VALUES (?, ?, 'REVIEW', ?, 'admin', CURRENT_TIMESTAMP)")
          .params(YEAR, agency, today.plusDays(30))
          .update();
    }
    jdbc.sql(
            "INSERT INTO assessment_objection (assessment_year, agency_id, body, raised_by,"
                + " raised_at) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)")
        .params(YEAR, agency, marker + "异议", f.agencyAdmin().username())
        .update();
    ids.put(
        "/console/assessments/{year:\\d+}/objections/{id}",
        String.valueOf(
            jdbc.sql("SELECT MAX(id) FROM assessment_objection WHERE agency_id = ?")
                .param(agency)
                .query(Long.class)
                .single()));
    String decision =
        String.valueOf(
            (Integer)
                api.post(
                        "/api/v1/admin/decisions",
                        decisionJson(f, marker),
                        f.editor().username(),
                        PASSWORD)
                    .json("$.id"));
    ids.put("/api/v1/admin/decisions/{id}", decision);
    ids.put("/console/decisions/{id}", decision);
    ids.put("/console/decisions/{id}/{step}", "submit");

    ids.put("{year}", String.valueOf(YEAR));
    ids.put("{version}", "1");
    ids.put("{indicator}", "1");
    ids.put("{section}", "1");
    ids.put("{table}", "requests");
    ids.put("{name}", "gongkai-backup-missing.tar.gz.enc");
    ids.put("{block}", "0");
    ids.put("{list}", "navigation");
    return ids;
  }

  /** A penalty decision of the agency on a company named with the marker, as the API takes it. */
  private static String decisionJson(Fixture f, String marker) {
    String body = "91341100" + f.agency().code().substring(9, 18).replaceAll("[^0-9]", "0");
    return "{\"kind\":\"PENALTY\",\"agency\":\""
        + f.agency().code()
        + "\",\"party\":{\"name\":\""
        + marker
        + "公司\",\"category\":\"LEGAL_PERSON\",\"creditCode\":\""
        + org.gongkai.shared.ids.OrganizationCodes.completeCreditCode(body.substring(0, 17))
        + "\",\"legalRepresentative\":\"王五\"},\"decisionNumber\":\""
        + marker
        + "罚\",\"decidedOn\":\"2026-01-05\",\"violationType\":\"违规\",\"facts\":\"事实\","
        + "\"basis\":\"依据\",\"penaltyKinds\":[\"WARNING\"],\"content\":\"警告\"}";
  }

  /** What the valid bodies of the staff API's writes are, for the seeded records. */
  private Map<String, String> bodies(Fixture f, String marker, Map<String, String> ids) {
    Map<String, String> bodies = new LinkedHashMap<>();
    String code = f.agency().code();
    bodies.put("POST /api/v1/admin/documents", f.draftJson(marker + "新稿"));
    bodies.put("POST /api/v1/admin/decisions", decisionJson(f, marker + "新"));
    bodies.put("PUT /api/v1/admin/decisions/{id}", decisionJson(f, marker + "改"));
    bodies.put("POST /api/v1/admin/decisions/{id}/return", "{\"reason\":\"退回\"}");
    bodies.put("POST /api/v1/admin/decisions/{id}/revoke", "{\"reason\":\"撤销\"}");
    for (String step : List.of("submit", "approve", "publish")) {
      bodies.put(
          "POST /api/v1/admin/decisions/" + step,
          "{\"ids\":[" + ids.get("/api/v1/admin/decisions/{id}") + "]}");
    }
    String site =
        "{\"name\":\""
            + marker
            + "站\",\"hosts\":[\"m"
            + code.substring(10).toLowerCase()
            + ".example.cn\"],\"agency\":\""
            + code
            + "\",\"idCode\":\"3399000199\",\"type\":\"DEPARTMENT\"}";
    bodies.put(
        "POST /api/v1/admin/offers",
        "{\"document\":"
            + ids.get("/api/v1/admin/documents/{id}")
            + ",\"site\":"
            + jdbc.sql("SELECT id FROM site WHERE fallback = TRUE").query(Long.class).single()
            + ",\"column\":"
            + agencies.column(f.agency().id(), ColumnType.NOTICE).orElseThrow().id()
            + "}");
    bodies.put("POST /api/v1/admin/offers/{id}/decline", "{\"reason\":\"不予采用\"}");
    bodies.put("POST /api/v1/admin/website-reports/{year}/correction", "{\"reason\":\"更正\"}");
    bodies.put(
        "POST /api/v1/admin/website-reports/{year}/supervision/correction", "{\"reason\":\"更正\"}");
    bodies.put("POST /api/v1/admin/offers/{id}/remove", "{\"reason\":\"撤下\"}");
    bodies.put("POST /api/v1/admin/offers/{id}/retract", "{\"reason\":\"撤回\"}");
    bodies.put("POST /api/v1/admin/sites", site);
    bodies.put(
        "POST /api/v1/admin/topics",
        "{\"slug\":\"matrix-new-"
            + f.agency().id()
            + "\",\"agency\":\""
            + f.agency().code()
            + "\",\"title\":\""
            + marker
            + "\",\"opensOn\":\"2026-01-01\"}");
    bodies.put(
        "PUT /api/v1/admin/topics/{id}",
        "{\"title\":\"" + marker + "改\",\"opensOn\":\"2026-01-01\"}");
    bodies.put("POST /api/v1/admin/topics/{id}/reject", "{\"reason\":\"退回\"}");
    bodies.put(
        "POST /api/v1/admin/topics/{id}/items", "{\"document\":" + ids.get("{documentId}") + "}");
    bodies.put("PUT /api/v1/admin/sites/{id}", site);
    bodies.put(
        "POST /api/v1/admin/webhooks",
        "{\"url\":\"https://hooks.example.org/"
            + code
            + "\",\"agencies\":[\""
            + code
            + "\"],\"secret\":\"matrix-secret-0123456789\"}");
    bodies.put("PUT /api/v1/admin/documents/{id}", f.draftJson(marker + "改稿"));
    bodies.put("POST /api/v1/admin/documents/{id}/approve", "{\"confidentialityChecked\":true}");
    bodies.put("POST /api/v1/admin/documents/{id}/reject", "{\"reason\":\"不予通过\"}");
    bodies.put("POST /api/v1/admin/documents/{id}/withdraw", "{\"reason\":\"撤回\"}");
    bodies.put(
        "POST /api/v1/admin/accounts",
        "{\"username\":\"m-"
            + code.substring(8).toLowerCase()
            + "\",\"displayName\":\"新人\",\"role\":\"EDITOR\",\"agency\":\""
            + code
            + "\",\"password\":\"lantern river 41 kites\",\"enabled\":true}");
    bodies.put(
        "PUT /api/v1/admin/accounts/{id}",
        "{\"username\":\""
            + f.editor().username()
            + "\",\"displayName\":\"改名\",\"role\":\"AGENCY_ADMIN\",\"agency\":\""
            + code
            + "\",\"enabled\":true}");
    bodies.put(
        "POST /api/v1/admin/accounts/{id}/identities",
        "{\"issuer\":\"https://sso.example.gov.cn\",\"subject\":\"s-" + code + "\"}");
    LocalDate today = LocalDate.now(clock);
    String request = ids.get("/api/v1/admin/foi/requests/{id}");
    String steps = "POST /api/v1/admin/foi/requests/{id}/";
    bodies.put(
        "POST /api/v1/admin/foi/requests",
        "{\"application\":"
            + PublicSubmissions.request(code, marker)
            + ",\"channel\":\"FAX\",\"receivedOn\":\""
            + today
            + "\"}");
    bodies.put(
        "POST /api/v1/admin/foi/publications",
        "{\"requests\":["
            + request
            + "],\"column\":"
            + ids.get("{columnId}")
            + ",\"title\":\"依申请公开转主动公开\",\"text\":\"正文\"}");
    bodies.put(steps + "assign", "{\"assignee\":" + f.editor().id() + "}");
    bodies.put(
        steps + "consultation",
        "{\"party\":\"某公司\",\"partyKind\":\"THIRD_PARTY\",\"channel\":\"EMAIL\","
            + "\"sentOn\":\""
            + today
            + "\"}");
    bodies.put(
        steps + "delivery",
        "{\"letter\":"
            + ids.get("{letterId}")
            + ",\"method\":\"EMAIL\",\"deliveredOn\":\""
            + today
            + "\"}");
    bodies.put(steps + "extension", "{\"days\":10,\"approver\":\"主要负责人\",\"reason\":\"情况复杂\"}");
    bodies.put(steps + "fee-notice", "{\"method\":\"PER_APPLICATION\",\"pages\":10}");
    bodies.put(steps + "period", "{\"until\":\"" + today.plusDays(20) + "\",\"reason\":\"需要协调\"}");
    bodies.put(steps + "reasons-request", "{\"text\":\"请说明申请理由\"}");
    bodies.put(steps + "reopen", "{\"reason\":\"复议决定重新答复\"}");
    bodies.put(steps + "reply", "{\"outcome\":\"DISCLOSED\",\"explanation\":\"见附件\"}");
    bodies.put(steps + "supplement-request", "{\"items\":\"身份证明\",\"days\":15}");
    bodies.put(
        "POST /api/v1/admin/consultations",
        "{\"agency\":\""
            + code
            + "\",\"kind\":\"CALL_FOR_COMMENTS\",\"scope\":\"PUBLIC\",\"title\":\"新的征求意见\","
            + "\"draftText\":\"草案\",\"opensOn\":\""
            + today
            + "\",\"closesOn\":\""
            + today.plusDays(30)
            + "\"}");
    bodies.put(
        "POST /api/v1/admin/consultations/{id}/comments/{commentId}/moderation",
        "{\"state\":\"PUBLISHED\",\"reason\":\"合规\"}");
    bodies.put(
        "PUT /api/v1/admin/reports/annual/corrections",
        "{\"key\":\"1.1\",\"amount\":1,\"reason\":\"更正\"}");
    bodies.put("PUT /api/v1/admin/reports/annual/sections/{section}", "{\"text\":\"总体情况\"}");
    bodies.put(
        "POST /api/v1/admin/imports",
        "{\"startUrls\":[\"http://203.0.113.10/\"],\"agency\":\"" + code + "\",\"dryRun\":true}");
    return bodies;
  }

  /** The agency's records as one text: any change by someone else shows as a difference. */
  private String state(Fixture f) {
    long agency = f.agency().id();
    return String.join(
        "|",
        jdbc.sql(
                "SELECT e.id || e.state || e.title || e.lock_version FROM edition e JOIN document d"
                    + " ON d.id = e.document_id WHERE d.agency_id = ? ORDER BY e.id")
            .param(agency)
            .query(String.class)
            .list()
            .toString(),
        jdbc.sql("SELECT COUNT(*) || '' FROM attachment").query(String.class).single(),
        jdbc.sql(
                "SELECT COUNT(*) || '' FROM webhook_endpoint WHERE enabled = TRUE AND agencies = ''")
            .query(String.class)
            .single(),
        jdbc.sql(
                "SELECT COUNT(*) || '' FROM webhook_delivery WHERE state = 'PENDING' AND endpoint_id IN (SELECT id FROM webhook_endpoint WHERE agencies = '')")
            .query(String.class)
            .single(),
        jdbc.sql(
                "SELECT id || state || COALESCE(assignee_id, 0) FROM foi_request WHERE agency_id = ?"
                    + " ORDER BY id")
            .param(agency)
            .query(String.class)
            .list()
            .toString(),
        jdbc.sql(
                "SELECT COUNT(*) || '' FROM foi_event e JOIN foi_request r ON r.id = e.request_id"
                    + " WHERE r.agency_id = ?")
            .param(agency)
            .query(String.class)
            .single(),
        jdbc.sql("SELECT id || state FROM mailbox_message WHERE agency_id = ? ORDER BY id")
            .param(agency)
            .query(String.class)
            .list()
            .toString(),
        jdbc.sql(
                "SELECT c.id || c.published || m.state FROM consultation c LEFT JOIN"
                    + " consultation_comment m ON m.consultation_id = c.id WHERE c.agency_id = ?"
                    + " ORDER BY c.id, m.id")
            .param(agency)
            .query(String.class)
            .list()
            .toString(),
        jdbc.sql(
                "SELECT id || role || enabled || password_hash || security_version || display_name"
                    + " FROM account WHERE agency_id = ? ORDER BY id")
            .param(agency)
            .query(String.class)
            .list()
            .toString(),
        jdbc.sql("SELECT name || COALESCE(guide_phone, '') FROM agency WHERE id = ?")
            .param(agency)
            .query(String.class)
            .single(),
        jdbc.sql(
                "SELECT id || name || hidden || COALESCE(parent_id, 0) || sort_order FROM"
                    + " disclosure_column WHERE agency_id = ? ORDER BY id")
            .param(agency)
            .query(String.class)
            .list()
            .toString(),
        jdbc.sql(
                "SELECT t.id || COALESCE(CAST(t.revoked_at AS VARCHAR(40)), '-') FROM access_token t JOIN"
                    + " account a ON a.id = t.account_id WHERE a.agency_id = ? ORDER BY t.id")
            .param(agency)
            .query(String.class)
            .list()
            .toString(),
        jdbc.sql("SELECT id || published FROM interview WHERE agency_id = ? ORDER BY id")
            .param(agency)
            .query(String.class)
            .list()
            .toString(),
        jdbc.sql(
                "SELECT t.id || t.state || t.draft || (SELECT COUNT(*) FROM topic_item i WHERE"
                    + " i.topic_id = t.id) FROM topic t WHERE t.agency_id = ? ORDER BY t.id")
            .param(agency)
            .query(String.class)
            .list()
            .toString());
  }

  private long auditBy(String actor) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_record WHERE actor = ? AND action NOT IN ('account.login',"
                + " 'account.logout')")
        .param(actor)
        .query(Long.class)
        .single();
  }

  private MockHttpSession login(MockMvc mvc, String username) throws Exception {
    MvcResult result =
        mvc.perform(
                MockMvcRequestBuilders.post("/login")
                    .with(csrf())
                    .param("username", username)
                    .param("password", PASSWORD))
            .andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console");
    return (MockHttpSession) result.getRequest().getSession();
  }
}
