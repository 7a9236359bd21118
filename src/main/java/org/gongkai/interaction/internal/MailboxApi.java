package org.gongkai.interaction.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.SubmissionThrottle;
import org.gongkai.shared.web.TrackingSecret;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public API: write to an agency or its head, follow the message, rate the reply, read the
 * public Q&A.
 */
@RestController
class MailboxApi {

  static final String THROTTLE = "mailbox";

  private final MailboxIntake mailbox;
  private final SubmissionThrottle throttle;

  private final Challenge challenge;

  MailboxApi(MailboxIntake mailbox, SubmissionThrottle throttle, Challenge challenge) {
    this.mailbox = mailbox;
    this.throttle = throttle;
    this.challenge = challenge;
  }

  @PostMapping("/api/v1/mailbox/messages")
  ResponseEntity<MailboxViews.Ack> submit(
      @RequestBody MailboxViews.Form form, HttpServletRequest request) {
    Challenge.Solved solved = challenge.verifyProofOfWork(form.altcha());
    throttle.acquire(THROTTLE, request.getRemoteAddr());
    MailboxViews.Ack ack = mailbox.submit(form, solved);
    return ResponseEntity.created(URI.create("/api/v1/mailbox/messages/" + ack.trackingCode()))
        .body(ack);
  }

  @GetMapping("/api/v1/mailbox/messages/{trackingCode}")
  MailboxViews.PublicStatus status(
      @PathVariable String trackingCode,
      @RequestParam(required = false) String secret,
      @RequestHeader(name = TrackingSecret.HEADER, required = false) String secretHeader) {
    return mailbox.status(trackingCode, TrackingSecret.pick(secretHeader, secret));
  }

  record Rating(Integer rating, String comment) {}

  @PostMapping("/api/v1/mailbox/messages/{trackingCode}/rating")
  MailboxViews.PublicStatus rate(
      @PathVariable String trackingCode,
      @RequestParam(required = false) String secret,
      @RequestHeader(name = TrackingSecret.HEADER, required = false) String secretHeader,
      @RequestBody Rating body) {
    String given = TrackingSecret.pick(secretHeader, secret);
    mailbox.rate(trackingCode, given, body.rating(), body.comment());
    return mailbox.status(trackingCode, given);
  }

  @GetMapping("/api/v1/qa")
  List<MailboxViews.QA> qa(@RequestParam(required = false) String agency) {
    return mailbox.qa(agency);
  }
}
