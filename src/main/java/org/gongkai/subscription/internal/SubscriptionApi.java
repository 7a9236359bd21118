package org.gongkai.subscription.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.SubmissionThrottle;
import org.gongkai.site.Site;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The public API: subscribe on the site the request is for (a confirmation mail follows), and the
 * one-click unsubscribe address every mail names in {@code List-Unsubscribe} (RFC 8058): a POST
 * stops the reader's mails and answers 200; a GET, which a mail client or a link checker may make,
 * changes nothing and leads to the page with the button.
 */
@RestController
class SubscriptionApi {

  static final String THROTTLE = "subscription";

  private final SubscriptionService subscriptions;
  private final ReaderSites readerSites;
  private final Challenge challenge;
  private final SubmissionThrottle throttle;

  SubscriptionApi(
      SubscriptionService subscriptions,
      ReaderSites readerSites,
      Challenge challenge,
      SubmissionThrottle throttle) {
    this.subscriptions = subscriptions;
    this.readerSites = readerSites;
    this.challenge = challenge;
    this.throttle = throttle;
  }

  @PostMapping("/api/v1/subscriptions")
  ResponseEntity<Map<String, String>> subscribe(
      @RequestBody SubscribeForm form, HttpServletRequest request) {
    Site site = readerSites.serving(request);
    readerSites.requireMail();
    Challenge.Solved solved = challenge.verifyProofOfWork(form.altcha());
    throttle.acquire(THROTTLE, request.getRemoteAddr());
    subscriptions.subscribe(site, form, solved);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("status", "CONFIRMATION_SENT"));
  }

  @PostMapping("/api/v1/subscriptions/unsubscribe")
  ResponseEntity<Map<String, String>> oneClick(@RequestParam(required = false) String token) {
    if (!subscriptions.unsubscribeAll(token)) {
      throw Refusal.notFound("subscription.token.unknown");
    }
    return ResponseEntity.ok(Map.of("status", "UNSUBSCRIBED"));
  }

  @GetMapping("/api/v1/subscriptions/unsubscribe")
  ResponseEntity<Void> oneClickPage(@RequestParam(required = false) String token) {
    URI page =
        UriComponentsBuilder.fromPath("/subscriptions/unsubscribe")
            .queryParam("token", token == null ? "" : token)
            .build()
            .encode()
            .toUri();
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(page).build();
  }
}
