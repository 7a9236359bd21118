package org.gongkai.foi.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Several requests ticked in the list assigned to one member of staff at once. Each assignment is
 * the same step as on the request's page (allowed by the transition table, recorded in its history
 * and audited); one refused leaves the others done, and the page says which and why.
 */
@Controller
class FoiBulkController {

  private static final int MAX = 100;

  private final RequestCommands commands;
  private final StaffAccess access;
  private final MessageSource messages;

  FoiBulkController(RequestCommands commands, StaffAccess access, MessageSource messages) {
    this.commands = commands;
    this.access = access;
    this.messages = messages;
  }

  @PostMapping("/console/foi/assign-several")
  String assign(
      @RequestParam(name = "ids", required = false) List<Long> ids,
      @RequestParam(required = false) Long assignee,
      Locale locale,
      RedirectAttributes redirect) {
    if (ids == null || ids.isEmpty()) {
      redirect.addFlashAttribute("refusal", "foi.bulk.none");
      return "redirect:/console/foi";
    }
    if (ids.size() > MAX || assignee == null) {
      redirect.addFlashAttribute(
          "refusal", assignee == null ? "foi.bulk.no-assignee" : "foi.bulk.too-many");
      redirect.addFlashAttribute("refusalArgs", new Object[] {MAX});
      return "redirect:/console/foi";
    }
    int done = 0;
    List<String> refused = new ArrayList<>();
    for (long id : ids.stream().distinct().toList()) {
      try {
        commands.assign(id, assignee, access.current());
        done++;
      } catch (Refusal refusal) {
        String reason = Refusals.text(messages, refusal, locale);
        refused.add(
            messages.getMessage(
                "foi.bulk.refused-one", new Object[] {Long.toString(id), reason}, locale));
      }
    }
    redirect.addFlashAttribute("notice", "foi.bulk.assigned");
    redirect.addFlashAttribute("noticeArgs", new Object[] {done});
    if (!refused.isEmpty()) {
      redirect.addFlashAttribute("refusal", "foi.bulk.refused");
      redirect.addFlashAttribute(
          "refusalArgs", new Object[] {refused.size(), String.join("；", refused)});
    }
    return "redirect:/console/foi";
  }
}
