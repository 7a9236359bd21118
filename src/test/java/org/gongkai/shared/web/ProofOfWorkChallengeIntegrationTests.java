package org.gongkai.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.gongkai.support.Api;
import org.gongkai.support.Challenges;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.PublicSubmissions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/**
 * Every public submission, information requests included, carries a solved proof of work in
 * ALTCHA's format, good for one submission; HTML forms offer the widget and a question for those
 * without JavaScript.
 */
class ProofOfWorkChallengeIntegrationTests extends PlatformIntegrationTests {

  @Test
  void theChallengeIsInAltchasFormatSignedAndSetsNoCookie() {
    Api.Response r = api().get("/api/v1/challenge");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.<String>json("$.algorithm")).isEqualTo("SHA-256");
    assertThat(r.<String>json("$.challenge")).matches("[0-9a-f]{64}");
    assertThat(r.<Integer>json("$.maxnumber")).isPositive();
    assertThat(r.<String>json("$.salt")).matches("[0-9a-f]{24}\\?expires=[0-9]+&");
    assertThat(r.<String>json("$.signature")).matches("[0-9a-f]{64}");
    assertThat(r.body()).as("nothing a script can simply add up").doesNotContain("\"a\"", "\"b\"");
    assertThat(r.headers().get(HttpHeaders.SET_COOKIE)).isNull();
    assertThat(r.headers().getCacheControl()).isEqualTo("no-store");
  }

  @Test
  void anInformationRequestNeedsASolvedChallengeAndEachSolutionServesOnce() throws Exception {
    Fixture f = newAgency();
    String request = PublicSubmissions.request(f.agency().code(), "pow-1");
    Api.Response unasked = api().post("/api/v1/foi/requests", request, null, null);
    assertThat(unasked.status()).isEqualTo(400);
    assertThat(unasked.<List<String>>json("$.errors[*].field")).containsExactly("altcha");

    String solved = Challenges.answered("http://localhost:" + port);
    Api.Response accepted =
        api().post("/api/v1/foi/requests", Challenges.into(solved, request), null, null);
    assertThat(accepted.status()).isEqualTo(201);
    Api.Response replayed =
        api()
            .post(
                "/api/v1/foi/requests",
                Challenges.into(solved, PublicSubmissions.request(f.agency().code(), "pow-2")),
                null,
                null);
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(replayed.<List<String>>json("$.errors[*].field")).containsExactly("altcha");
  }

  @Test
  void aWrongOrForgedSolutionIsRefused() throws Exception {
    Fixture f = newAgency();
    String payload = Challenges.solved("http://localhost:" + port);
    String json = new String(Base64.getDecoder().decode(payload), StandardCharsets.UTF_8);
    String wrongNumber = json.replaceAll("\"number\":[0-9]+", "\"number\":999999999");
    String forgedSignature =
        json.replaceAll("\"signature\":\"[0-9a-f]+\"", "\"signature\":\"" + "0".repeat(64) + "\"");
    for (String bad : List.of(wrongNumber, forgedSignature, "not json")) {
      String altcha =
          "\"altcha\":\""
              + Base64.getEncoder().encodeToString(bad.getBytes(StandardCharsets.UTF_8))
              + "\"";
      Api.Response r =
          api()
              .post(
                  "/api/v1/foi/requests",
                  Challenges.into(altcha, PublicSubmissions.request(f.agency().code(), "bad")),
                  null,
                  null);
      assertThat(r.status()).as(bad).isEqualTo(400);
    }
  }

  @Test
  void thePublicFormsOfferTheWidgetAndAQuestionForThoseWithoutJavaScript() {
    Fixture f = newAgency();
    for (String form : List.of("/foi/apply?agency=" + f.agency().code(), "/mailbox")) {
      String page = api().get(form).body();
      assertThat(page)
          .as(form)
          .contains("<altcha-widget", "/api/v1/challenge", "name=\"challengeAnswer\"");
    }
  }
}
