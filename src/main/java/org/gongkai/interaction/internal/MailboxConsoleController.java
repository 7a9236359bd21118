package org.gongkai.interaction.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The mailbox in the console: due-soon and overdue lists, the oldest unanswered per agency, one
 * page per message.
 */
@Controller
@RequestMapping("/console/mailbox")
class MailboxConsoleController {

  private final Mailbox mailbox;
  private final MailboxReminders reminders;
  private final AgencyDirectory agencies;
  private final StaffAccess access;

  private final Clock clock;

  MailboxConsoleController(
      Mailbox mailbox,
      MailboxReminders reminders,
      AgencyDirectory agencies,
      StaffAccess access,
      Clock clock) {
    this.clock = clock;
    this.mailbox = mailbox;
    this.reminders = reminders;
    this.agencies = agencies;
    this.access = access;
  }

  @GetMapping
  String list(@RequestParam(required = false, defaultValue = "open") String due, Model model) {
    Staff me = access.current();
    model.addAttribute("items", mailbox.list(due, me));
    model.addAttribute("due", due);
    model.addAttribute("oldest", mailbox.oldestUnanswered(me));
    model.addAttribute("reminders", reminders.reminders(me));
    return "interaction/console-list";
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, @RequestParam(required = false) boolean reveal, Model model) {
    Staff me = access.current();
    model.addAttribute("m", reveal ? mailbox.revealed(id, me) : mailbox.get(id, me));
    model.addAttribute("mayReveal", me.personalData() && !reveal);
    model.addAttribute("agencies", agencies.all());
    // Today in the platform's zone: the server's own zone may still be on yesterday.
    model.addAttribute("today", LocalDate.now(clock));
    return "interaction/console-show";
  }

  @PostMapping("/{id}/{step}")
  String step(
      @PathVariable long id,
      @PathVariable String step,
      @RequestParam(required = false) String text,
      @RequestParam(required = false) String unit,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) Boolean published,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      RedirectAttributes redirect) {
    Staff me = access.current();
    try {
      switch (step) {
        case "route" -> mailbox.route(id, unit, on, me);
        case "transfer" -> {
          mailbox.transfer(id, agency, reason, on, me);
          redirect.addFlashAttribute("notice", "mailbox.transferred");
          return "redirect:/console/mailbox";
        }
        case "reply" -> mailbox.reply(id, text, on, me);
        case "redirect-to-request" -> mailbox.redirectToRequest(id, text, on, me);
        case "spam" -> mailbox.closeAsSpam(id, text, on, me);
        case "publication" -> mailbox.publish(id, !Boolean.FALSE.equals(published), me);
        default -> throw Refusal.notFound("mailbox.step.unknown");
      }
      redirect.addFlashAttribute("notice", "foi.step.done");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/mailbox/" + id;
  }
}
