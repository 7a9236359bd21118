package org.gongkai.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongkai.support.Challenges;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Anonymous visitors open no session: the public forms keep their CSRF token in a cookie of its
 * own, their answers are the answer to the post, and the page a visitor was going to when sent to
 * the login page is a cookie too. Only a login opens a session.
 */
// A context of its own: MockMvc's csrf() in other tests swaps the shared CSRF filter's repository
// for a session-backed one (Spring Security's test support does so for the whole context).
@TestPropertySource(properties = "test.context=sessionless-visitors")
class SessionlessVisitorsIntegrationTests extends PlatformIntegrationTests {

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String cookie, Map<String, String> form)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    form.entrySet().stream()
                        .map(
                            e ->
                                e.getKey()
                                    + "="
                                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"))));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static List<String> cookies(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie");
  }

  private static boolean opensASession(HttpResponse<?> response) {
    return cookies(response).stream().anyMatch(c -> c.startsWith("JSESSIONID="));
  }

  private static String csrfCookie(HttpResponse<?> response) {
    return cookies(response).stream()
        .filter(c -> c.startsWith(SessionlessCsrfTokens.COOKIE + "="))
        .map(c -> c.substring(0, c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no CSRF cookie in " + cookies(response)));
  }

  private static String field(String page, String name) {
    Matcher m = Pattern.compile("name=\"" + name + "\" value=\"([^\"]*)\"").matcher(page);
    assertThat(m.find()).as("the page has a field " + name).isTrue();
    return m.group(1);
  }

  @Test
  void theFormPagesTheLoginPageAndAProbeOfTheConsoleOpenNoSession() throws Exception {
    Fixture f = newAgency();
    for (String path :
        List.of("/foi/apply?agency=" + f.agency().code(), "/mailbox", "/login", "/foi/status")) {
      HttpResponse<String> page = get(path, null);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).contains("name=\"_csrf\"");
      assertThat(opensASession(page)).as(path + ": " + cookies(page)).isFalse();
      assertThat(csrfCookie(page)).as(path).isNotBlank();
      assertThat(cookies(page).stream().filter(c -> c.startsWith("gongkai-csrf=")).findFirst())
          .get()
          .asString()
          .contains("HttpOnly")
          .containsIgnoringCase("SameSite=Strict");
    }
    for (String path : List.of("/console/accounts", "/login/second-factor")) {
      HttpResponse<String> probe = get(path, null);
      assertThat(probe.statusCode()).as(path).isEqualTo(302);
      assertThat(opensASession(probe)).as(path + ": " + cookies(probe)).isFalse();
    }
  }

  @Test
  void anInformationRequestIsSubmittedWithTheCookieTokenAndOpensNoSession() throws Exception {
    Fixture f = newAgency();
    HttpResponse<String> page = get("/foi/apply?agency=" + f.agency().code(), null);
    String cookie = csrfCookie(page);
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", field(page.body(), "_csrf"));
    form.put("submissionToken", field(page.body(), "submissionToken"));
    form.put("altcha", Challenges.solved("http://localhost:" + port));
    form.put("agency", f.agency().code());
    form.put("applicantType", "NATURAL_PERSON");
    form.put("name", "周五");
    form.put("idType", "RESIDENT_ID");
    form.put("idNumber", "11010519491231002X");
    form.put("phone", "13812345678");
    form.put("email", "zhou@example.cn");
    form.put("address", "临江市滨江路1号");
    form.put("description", "2025年城区绿化养护合同");
    form.put("informationForm", "ELECTRONIC");
    form.put("deliveryChannel", "EMAIL");

    HttpResponse<String> withoutCookie = post("/foi/apply", null, form);
    assertThat(withoutCookie.statusCode())
        .as("the token alone, without its cookie, is refused")
        .isEqualTo(403);
    HttpResponse<String> forged =
        post("/foi/apply", SessionlessCsrfTokens.COOKIE + "=made-up", form);
    assertThat(forged.statusCode()).isEqualTo(403);

    HttpResponse<String> answer = post("/foi/apply", cookie, form);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    String code =
        jdbc.sql("SELECT tracking_code FROM foi_request WHERE agency_id = ?")
            .param(f.agency().id())
            .query(String.class)
            .single();
    assertThat(answer.body()).contains(code);
    assertThat(opensASession(answer)).as(cookies(answer).toString()).isFalse();
  }
}
