package org.gongkai.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

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
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.PublicSubmissions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every console page and staff API route, taken from Spring's handler mappings, called as an
 * anonymous visitor, as an editor of another agency and as a reviewer. A route added without its
 * checks fails here: the anonymous visitor gets in, the other agency's editor sees or changes the
 * agency's records, or the reviewer reaches what only administrators may.
 */
class AuthorizationMatrixTests extends PlatformIntegrationTests {

  /** Routes only administrators reach; a reviewer is refused there. */
  private static final List<String> ADMIN_ONLY =
      List.of(
          "/console/accounts",
          "/console/agencies/",
          "/console/backups",
          "/console/audit",
          "/console/calendar",
          "/console/search",
          "/api/v1/admin/accounts",
          "/api/v1/admin/backups",
          "/api/v1/admin/exports",
          "/api/v1/admin/search",
          "/api/v1/admin/calendar",
          "/console/monitor/words",
          "/api/v1/admin/monitor/words");

  @Autowired WebApplicationContext context;

  @Autowired
  @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

  @Test
  void everyStaffRouteRefusesTheAnonymousTheOtherAgencyAndTheUnprivileged() throws Exception {
    MockMvc mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
    Fixture mine = newAgency();
    Fixture other = newAgency();
    String marker = "矩阵标记" + mine.agency().code().substring(12);
    Map<String, String> ids = records(mine, marker);

    MockHttpSession intruder = login(mvc, other.editor().username());
    MockHttpSession reviewer = login(mvc, mine.reviewer().username());
    long auditBefore = auditBy(other.editor().username());
    List<String> failures = new ArrayList<>();
    int routes = 0;
    for (Route route : routes(ids)) {
      routes++;
      MvcResult anonymous = call(mvc, route, null, mine);
      int status = anonymous.getResponse().getStatus();
      boolean toLogin =
          status == 302
              && String.valueOf(anonymous.getResponse().getRedirectedUrl()).endsWith("/login");
      if (!(toLogin || status == 401 || status == 403)) {
        failures.add("anonymous " + route + " -> " + status);
      }
      MvcResult foreign = call(mvc, route, intruder, mine);
      String body = foreign.getResponse().getContentAsString();
      if (foreign.getResponse().getStatus() >= 500 || body.contains(marker)) {
        failures.add(
            "other agency's editor "
                + route
                + " -> "
                + foreign.getResponse().getStatus()
                + (body.contains(marker) ? " and saw the agency's records" : ""));
      }
      if (ADMIN_ONLY.stream().anyMatch(route.path()::startsWith)) {
        int reviewed = call(mvc, route, reviewer, mine).getResponse().getStatus();
        if (reviewed >= 200 && reviewed < 300) {
          failures.add("reviewer " + route + " -> " + reviewed);
        }
      }
    }
    assertThat(routes).as("routes found in the handler mappings").isGreaterThan(100);
    assertThat(auditBy(other.editor().username()))
        .as("changes the other agency's editor made")
        .isEqualTo(auditBefore);
    assertThat(failures).isEmpty();
  }

  private record Route(HttpMethod method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /**
   * Each console and staff API pattern with its path variables filled from the agency's records.
   */
  private List<Route> routes(Map<String, String> ids) {
    var all = new TreeSet<String>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/console") && !pattern.startsWith("/api/v1/admin")) {
                  continue;
                }
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                  all.add(m.name() + " " + fill(pattern, ids));
                }
              }
            });
    return all.stream()
        .map(r -> r.split(" ", 2))
        .map(r -> new Route(HttpMethod.valueOf(r[0]), r[1]))
        .toList();
  }

  private static String fill(String pattern, Map<String, String> ids) {
    Matcher variable = Pattern.compile("\\{([^}:]+)(:[^}]*)?}").matcher(pattern);
    StringBuilder out = new StringBuilder();
    while (variable.find()) {
      String before = pattern.substring(0, variable.start()).replaceAll("/$", "");
      String segment = before.substring(before.lastIndexOf('/') + 1);
      String value = ids.getOrDefault(segment, "1");
      variable.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    variable.appendTail(out);
    return out.toString();
  }

  private MvcResult call(MockMvc mvc, Route route, MockHttpSession session, Fixture mine)
      throws Exception {
    var request =
        request(route.method(), route.path()).param("agency", mine.agency().code()).with(csrf());
    if (route.method() != HttpMethod.GET) {
      request.contentType("application/json").content("{}");
    }
    if (session != null) {
      request.session(session);
    }
    try {
      return mvc.perform(request).andReturn();
    } catch (Exception unhandled) {
      // What MockMvc throws, a server answers with 500.
      throw new AssertionError(
          route + " as " + (session == null ? "anonymous" : "staff") + " failed: " + unhandled,
          unhandled);
    }
  }

  /** One record of each kind in the agency, each carrying the marker where a title goes. */
  private Map<String, String> records(Fixture f, String marker) {
    Map<String, String> ids = new LinkedHashMap<>();
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(agencies.column(f.agency().id(), ColumnType.NOTICE).orElseThrow().id());
    form.setTitle(marker + "草稿");
    form.setBody("<p>" + marker + "</p>");
    ids.put("documents", String.valueOf(editorial.createDraft(form, f.editor())));
    ids.put("agencies", String.valueOf(f.agency().id()));
    ids.put("accounts", String.valueOf(f.editor().id()));
    String request =
        api()
            .post(
                "/api/v1/foi/requests",
                api().answered(PublicSubmissions.request(f.agency().code(), marker)),
                null,
                null)
            .json("$.trackingCode");
    ids.put(
        "requests",
        String.valueOf(
            jdbc.sql("SELECT id FROM foi_request WHERE tracking_code = ?")
                .param(request)
                .query(Long.class)
                .single()));
    ids.put("foi", ids.get("requests"));
    String message =
        api()
            .post(
                "/api/v1/mailbox/messages",
                api().answered(PublicSubmissions.message(f.agency().code(), marker)),
                null,
                null)
            .json("$.trackingCode");
    ids.put(
        "messages",
        String.valueOf(
            jdbc.sql("SELECT id FROM mailbox_message WHERE tracking_code = ?")
                .param(message)
                .query(Long.class)
                .single()));
    ids.put("mailbox", ids.get("messages"));
    return ids;
  }

  private long auditBy(String actor) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM audit_record WHERE actor = ? AND action NOT IN ('account.login',"
                + " 'account.logout', 'account.password-change-refused')")
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
