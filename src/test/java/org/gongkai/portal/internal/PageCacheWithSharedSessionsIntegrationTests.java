package org.gongkai.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.consultation.ConsultationDesk;
import org.gongkai.consultation.ConsultationKind;
import org.gongkai.consultation.ConsultationScope;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The page cache with sessions in the database under a renamed cookie: whether a visitor is
 * anonymous is asked of the session store, so a member of staff's page (with internal consultations
 * and a CSRF token) is never kept and served to the public.
 */
@TestPropertySource(
    properties = {
      "gongkai.cluster.sessions=database",
      "server.servlet.session.cookie.name=__Host-gongkai"
    })
class PageCacheWithSharedSessionsIntegrationTests extends PlatformIntegrationTests {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final String COOKIE = "__Host-gongkai";

  @Autowired ConsultationDesk consultations;

  private final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void aStaffMembersPageIsNeverKeptForThePublicWhateverTheSessionCookieIsCalled() throws Exception {
    Fixture f = newAgency();
    String title = "仅供内部征求意见" + f.agency().code().substring(10);
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    consultations.open(
        f.agency().code(),
        ConsultationKind.PUBLIC_NOTICE,
        ConsultationScope.INTERNAL,
        title,
        "内部通知正文。",
        today,
        today.plusDays(10),
        f.editor(),
        f.reviewer());

    HttpResponse<String> form = get("/login", null);
    assertThat(sessionCookie(form)).as("the login page opens no session").isNull();
    String csrfCookie =
        form.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("gongkai-csrf="))
            .map(c -> c.substring(0, c.indexOf(';')))
            .findFirst()
            .orElseThrow();
    HttpResponse<String> login =
        post(
            "/login",
            csrfCookie,
            "username="
                + enc(f.editor().username())
                + "&password="
                + enc(PASSWORD)
                + "&_csrf="
                + enc(csrf(form.body())));
    assertThat(login.statusCode()).isEqualTo(302);
    String staff = sessionCookie(login);
    assertThat(staff).as("the session cookie takes the configured name").isNotNull();
    assertThat(login.headers().allValues("Set-Cookie").toString()).contains("Secure");

    for (int i = 0; i < 2; i++) {
      HttpResponse<String> mine = get("/consultations?agency=" + f.agency().code(), staff);
      assertThat(mine.statusCode()).isEqualTo(200);
      assertThat(mine.body()).contains(title);
      assertThat(mine.headers().firstValue("Cache-Control").orElse("")).doesNotContain("public");
    }
    HttpResponse<String> publicPage = get("/consultations?agency=" + f.agency().code(), null);
    assertThat(publicPage.statusCode()).isEqualTo(200);
    assertThat(publicPage.body()).doesNotContain(title).doesNotContain("name=\"_csrf\"");
    assertThat(get("/consultations?agency=" + f.agency().code(), COOKIE + "=made-up").body())
        .as("a cookie naming no session is an anonymous visitor")
        .doesNotContain(title);
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "text/html");
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String cookie, String form) throws Exception {
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
        .filter(c -> c.startsWith(COOKIE + "="))
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
