package org.gongkai.interaction.internal;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.StaffAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The staff API for the mailbox. */
@RestController
@RequestMapping("/api/v1/admin/mailbox")
class MailboxAdminApi {

  private final Mailbox mailbox;
  private final StaffAccess access;

  MailboxAdminApi(Mailbox mailbox, StaffAccess access) {
    this.mailbox = mailbox;
    this.access = access;
  }

  record Step(
      String text, String unit, String agency, String reason, Boolean published, LocalDate on) {}

  @GetMapping("/messages")
  List<MailboxViews.Message> list(@RequestParam(required = false) String due) {
    return mailbox.list(due, access.current());
  }

  @GetMapping("/messages/{id}")
  MailboxViews.Message get(@PathVariable long id, @RequestParam(required = false) boolean reveal) {
    return reveal ? mailbox.revealed(id, access.current()) : mailbox.get(id, access.current());
  }

  @PostMapping("/messages/{id}/route")
  MailboxViews.Message route(@PathVariable long id, @RequestBody Step body) {
    mailbox.route(id, body.unit(), body.on(), access.current());
    return get(id, false);
  }

  record Transferred(long id, String agency) {}

  /** The message leaves the actor's agency, so the answer says only where it went. */
  @PostMapping("/messages/{id}/transfer")
  Transferred transfer(@PathVariable long id, @RequestBody Step body) {
    mailbox.transfer(id, body.agency(), body.reason(), body.on(), access.current());
    return new Transferred(id, body.agency());
  }

  @PostMapping("/messages/{id}/reply")
  MailboxViews.Message reply(@PathVariable long id, @RequestBody Step body) {
    mailbox.reply(id, body.text(), body.on(), access.current());
    return get(id, false);
  }

  @PostMapping("/messages/{id}/redirect-to-request")
  MailboxViews.Message redirect(@PathVariable long id, @RequestBody(required = false) Step body) {
    mailbox.redirectToRequest(
        id, body == null ? null : body.text(), body == null ? null : body.on(), access.current());
    return get(id, false);
  }

  @PostMapping("/messages/{id}/spam")
  MailboxViews.Message spam(@PathVariable long id, @RequestBody Step body) {
    mailbox.closeAsSpam(id, body.text(), body.on(), access.current());
    return get(id, false);
  }

  @PostMapping("/messages/{id}/publication")
  MailboxViews.Message publish(@PathVariable long id, @RequestBody Step body) {
    mailbox.publish(id, !Boolean.FALSE.equals(body.published()), access.current());
    return get(id, false);
  }

  @GetMapping("/oldest-unanswered")
  List<MailboxViews.Oldest> oldest() {
    return mailbox.oldestUnanswered(access.current());
  }
}
