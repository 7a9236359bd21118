package org.gongkai.decision.internal;

import java.util.List;
import java.util.Locale;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's list takes one step on the decisions ticked, or on all of one import that wait for
 * it: all or none, the refused ones named on the list.
 */
@Controller
class DecisionBatchController {

  private final DecisionBatches batches;
  private final StaffAccess access;
  private final MessageSource messages;

  DecisionBatchController(DecisionBatches batches, StaffAccess access, MessageSource messages) {
    this.batches = batches;
    this.access = access;
    this.messages = messages;
  }

  /** A decision the step was refused for, and why, as the list shows it. */
  record Problem(long id, String decisionNumber, String message) {}

  @PostMapping("/console/decisions/batch")
  String step(
      @RequestParam String step,
      @RequestParam(required = false) List<Long> ids,
      @RequestParam(required = false) String batch,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false, defaultValue = "false") boolean all,
      RedirectAttributes redirect,
      Locale locale) {
    Staff staff = access.current();
    try {
      DecisionBatches.Step s =
          DecisionBatches.Step.of(step).orElseThrow(() -> Refusal.notFound("error.not-found"));
      List<Long> chosen = all ? batches.ofBatch(batch, s, staff) : ids;
      int moved = batches.apply(s, chosen, staff);
      redirect.addFlashAttribute("notice", "decision.batch." + s.key() + ".done");
      redirect.addFlashAttribute("noticeArgs", new Object[] {moved});
    } catch (DecisionBatches.BatchRefused refused) {
      redirect.addFlashAttribute(
          "batchProblems",
          refused.refused().stream()
              .map(
                  r ->
                      new Problem(
                          r.id(),
                          r.decisionNumber().isEmpty()
                              ? String.valueOf(r.id())
                              : r.decisionNumber(),
                          messages.getMessage(
                              r.messageKey(),
                              new Object[] {
                                r.state().isEmpty()
                                    ? ""
                                    : messages.getMessage(
                                        "decision.state." + r.state(), null, r.state(), locale)
                              },
                              locale)))
              .toList());
    } catch (Refusal refusal) {
      if (refusal.status().value() == 404) {
        throw refusal;
      }
      Refusals.flash(redirect, refusal);
    }
    UriComponentsBuilder back = UriComponentsBuilder.fromPath("/console/decisions");
    if (agency != null && !agency.isBlank()) {
      back.queryParam("agency", agency);
    }
    if (batch != null && !batch.isBlank()) {
      back.queryParam("batch", batch);
    }
    return "redirect:" + back.encode().toUriString();
  }
}
