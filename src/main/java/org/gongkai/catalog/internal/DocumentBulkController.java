package org.gongkai.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongkai.account.StaffAccess;
import org.gongkai.catalog.Editorial;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The same step for several documents ticked in the list: approve them (the reviewer confirms the
 * four confidentiality checks once for all) or publish them. Each document goes through the
 * workflow on its own, audited as a single one would be; one refused leaves the others done, and
 * the page says which and why.
 */
@Controller
@RequestMapping("/console/documents/bulk")
class DocumentBulkController {

  static final int MAX = 100;

  private final Editorial editorial;
  private final StaffAccess access;
  private final MessageSource messages;

  DocumentBulkController(Editorial editorial, StaffAccess access, MessageSource messages) {
    this.editorial = editorial;
    this.access = access;
    this.messages = messages;
  }

  @PostMapping
  String act(
      @RequestParam(name = "ids", required = false) List<Long> ids,
      @RequestParam(required = false) String action,
      @RequestParam(name = "checks", required = false) List<String> checks,
      @RequestParam(required = false) String back,
      Locale locale,
      RedirectAttributes redirect) {
    String returnTo =
        back != null && back.startsWith("/console/documents") && !back.startsWith("//")
            ? back
            : "/console/documents";
    if (ids == null || ids.isEmpty()) {
      redirect.addFlashAttribute("refusal", "document.bulk.none");
      return "redirect:" + returnTo;
    }
    if (ids.size() > MAX) {
      redirect.addFlashAttribute("refusal", "document.bulk.too-many");
      redirect.addFlashAttribute("refusalArgs", new Object[] {MAX});
      return "redirect:" + returnTo;
    }
    boolean allChecked =
        checks != null
            && checks.containsAll(List.of("secrets", "commercial", "privacy", "stability"));
    int done = 0;
    List<String> refused = new ArrayList<>();
    for (long id : ids.stream().distinct().toList()) {
      try {
        switch (action == null ? "" : action) {
          case "approve" -> editorial.approve(id, allChecked, null, access.current());
          case "publish" -> editorial.publish(id, null, access.current());
          default -> throw Refusal.invalidField("action", "document.bulk.action");
        }
        done++;
      } catch (Refusal refusal) {
        String reason = Refusals.text(messages, refusal, locale);
        refused.add(
            messages.getMessage(
                "document.bulk.refused-one", new Object[] {Long.toString(id), reason}, locale));
      }
    }
    redirect.addFlashAttribute(
        "notice", "document.bulk.done." + ("publish".equals(action) ? "publish" : "approve"));
    redirect.addFlashAttribute("noticeArgs", new Object[] {done});
    if (!refused.isEmpty()) {
      redirect.addFlashAttribute("refusal", "document.bulk.refused");
      redirect.addFlashAttribute(
          "refusalArgs", new Object[] {refused.size(), String.join("；", refused)});
    }
    return "redirect:" + returnTo;
  }
}
