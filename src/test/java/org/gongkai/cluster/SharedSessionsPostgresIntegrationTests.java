package org.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gongkai.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two application nodes on one PostgreSQL database, neither told anything about sessions: on
 * PostgreSQL they are kept in the database by default, so a member of staff who logs in on one node
 * is logged in on the other, and logging out on either ends the session on both.
 */
class SharedSessionsPostgresIntegrationTests extends TwoNodesIntegrationTests {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired Environment environment;

  @Test
  void sessionsAndPublicLimitsAreSharedOnPostgresWithoutASetting() {
    assertThat(environment.getProperty("gongkai.cluster.sessions")).isEqualTo("database");
    assertThat(environment.getProperty("gongkai.cluster.limits")).isEqualTo("database");
  }

  @Test
  void aConsoleLoginOnOneNodeIsValidOnTheOtherUntilLoggedOutOnEither() throws Exception {
    Fixture f = newAgency();
    try (ConfigurableApplicationContext other = secondNode()) {
      int portB = SecondNode.port(other);
      HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

      String session = login(http, port, f.editor().username(), PASSWORD);
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
                  .param(f.editor().username())
                  .query(Long.class)
                  .single())
          .as("the login is a row of the database")
          .isOne();
      HttpResponse<String> onB = get(http, portB, "/console", session);
      assertThat(onB.statusCode()).as("the session made on A is known to B").isEqualTo(200);
      assertThat(onB.body()).contains(f.editor().displayName());
      assertThat(get(http, port, "/console", session).statusCode()).isEqualTo(200);

      HttpResponse<String> logout =
          post(http, portB, "/logout", session, "_csrf=" + csrf(onB.body()));
      assertThat(logout.statusCode()).isEqualTo(302);
      assertThat(get(http, port, "/console", session).statusCode())
          .as("logged out on B, gone on A")
          .isEqualTo(302);
      assertThat(
              jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = ?")
                  .param(f.editor().username())
                  .query(Long.class)
                  .single())
          .isZero();
    }
  }

  /** Logs in through the form as a browser does; returns the session cookie. */
  private static String login(HttpClient http, int port, String user, String password)
      throws Exception {
    HttpResponse<String> form = get(http, port, "/login", null);
    // The login page opens no session: its CSRF token comes in a cookie of its own.
    String cookie =
        form.headers().allValues("Set-Cookie").stream()
            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
            .collect(Collectors.joining("; "));
    HttpResponse<String> done =
        post(
            http,
            port,
            "/login",
            cookie,
            "username="
                + enc(user)
                + "&password="
                + enc(password)
                + "&_csrf="
                + enc(csrf(form.body())));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(302);
    assertThat(done.headers().firstValue("Location").orElse("")).doesNotContain("error");
    String renewed = sessionCookie(done);
    assertThat(renewed).as("the login opens the session").isNotNull();
    return renewed;
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path, String cookie)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html");
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(
      HttpClient http, int port, String path, String cookie, String form) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElse(null);
  }

  private static String csrf(String html) {
    Matcher m = CSRF.matcher(html);
    assertThat(m.find()).as("a form with its CSRF token").isTrue();
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
