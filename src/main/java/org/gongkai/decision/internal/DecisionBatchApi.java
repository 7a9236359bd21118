package org.gongkai.decision.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * One step on several decisions: {@code POST /api/v1/admin/decisions/submit}, {@code /approve} or
 * {@code /publish} with {@code {"ids": [...]}}, or {@code {"batch": "..."}} for every decision of
 * one import that waits for the step. All or none; each decision audited as its own step.
 */
@RestController
class DecisionBatchApi {

  private final DecisionBatches batches;
  private final StaffAccess access;
  private final MessageSource messages;

  DecisionBatchApi(DecisionBatches batches, StaffAccess access, MessageSource messages) {
    this.batches = batches;
    this.access = access;
    this.messages = messages;
  }

  /** The decisions a step is taken on: their ids, or one import's. */
  record Selection(List<Long> ids, String batch) {}

  record Moved(String step, int decisions) {}

  @PostMapping(
      path = {
        "/api/v1/admin/decisions/submit",
        "/api/v1/admin/decisions/approve",
        "/api/v1/admin/decisions/publish"
      },
      consumes = MediaType.APPLICATION_JSON_VALUE)
  Moved step(@RequestBody(required = false) Selection selection, HttpServletRequest request) {
    String uri = request.getRequestURI();
    DecisionBatches.Step step =
        DecisionBatches.Step.of(uri.substring(uri.lastIndexOf('/') + 1))
            .orElseThrow(() -> Refusal.notFound("error.not-found"));
    Staff staff = access.current();
    List<Long> ids =
        selection != null && selection.batch() != null
            ? batches.ofBatch(selection.batch(), step, staff)
            : selection == null ? List.of() : selection.ids();
    return new Moved(step.key(), batches.apply(step, ids, staff));
  }

  /** Every decision that may not take the step, so the selection can be fixed in one pass. */
  @ExceptionHandler(DecisionBatches.BatchRefused.class)
  ProblemDetail refused(DecisionBatches.BatchRefused refused, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONFLICT,
            messages.getMessage(
                "decision.batch.refused", new Object[] {refused.refused().size()}, locale));
    problem.setTitle(messages.getMessage("problem.title.409", null, "Conflict", locale));
    problem.setType(URI.create("urn:gongkai:problem:decision.batch.refused"));
    problem.setProperty(
        "errors",
        refused.refused().stream()
            .map(
                r ->
                    Map.of(
                        "id", r.id(),
                        "decisionNumber", r.decisionNumber(),
                        "state", r.state(),
                        "message",
                            messages.getMessage(
                                r.messageKey(),
                                new Object[] {stateName(r.state(), locale)},
                                locale)))
            .toList());
    return problem;
  }

  private String stateName(String state, Locale locale) {
    return state.isEmpty()
        ? ""
        : messages.getMessage("decision.state." + state, null, state, locale);
  }
}
