package org.gongkai.interaction.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.gongkai.shared.web.SubmissionThrottle;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public API: write to an agency or its head, follow the message, rate the reply, read the public Q&A. */
@RestController
class MailboxApi {

  static final String THROTTLE = "mailbox";

  private final Mailbox mailbox;
  private final SubmissionThrottle throttle;

  MailboxApi(Mailbox mailbox, SubmissionThrottle throttle) {
    this.mailbox = mailbox;
    this.throttle = throttle;
  }

  @PostMapping("/api/v1/mailbox/messages")
  ResponseEntity<MailboxViews.Ack> submit(@RequestBody MailboxViews.Form form, HttpServletRequest request) {
    throttle.acquire(THROTTLE, request.getRemoteAddr());
    MailboxViews.Ack ack = mailbox.submit(form);
    return ResponseEntity.created(URI.create("/api/v1/mailbox/messages/" + ack.trackingCode())).body(ack);
  }

  @GetMapping("/api/v1/mailbox/messages/{trackingCode}")
  MailboxViews.PublicStatus status(@PathVariable String trackingCode, @RequestParam(required = false) String secret) {
    return mailbox.status(trackingCode, secret);
  }

  record Rating(Integer rating, String comment) {}

  @PostMapping("/api/v1/mailbox/messages/{trackingCode}/rating")
  MailboxViews.PublicStatus rate(@PathVariable String trackingCode, @RequestParam(required = false) String secret,
      @RequestBody Rating body) {
    mailbox.rate(trackingCode, secret, body.rating(), body.comment());
    return mailbox.status(trackingCode, secret);
  }

  @GetMapping("/api/v1/qa")
  List<MailboxViews.QA> qa(@RequestParam(required = false) String agency) {
    return mailbox.qa(agency);
  }
}
