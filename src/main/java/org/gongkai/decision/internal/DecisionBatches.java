package org.gongkai.decision.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gongkai.account.Staff;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One step on several decisions at once (an import arrives as hundreds of drafts): submit, approve
 * or publish, each decision checked as on its own (its state, the reviewer's rights, four eyes)
 * before any is changed, then all in one transaction, each audited as its own step. Whole or
 * nothing: when one may not take the step, none does and every such one is named.
 */
@Service
class DecisionBatches {

  /** The most decisions one request moves. */
  static final int MAX = 5000;

  /** The steps that can be taken on several decisions, and the state each expects. */
  enum Step {
    SUBMIT(DecisionState.DRAFT),
    APPROVE(DecisionState.SUBMITTED),
    PUBLISH(DecisionState.APPROVED);

    final DecisionState from;

    Step(DecisionState from) {
      this.from = from;
    }

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Optional<Step> of(String name) {
      for (Step s : values()) {
        if (s.key().equals(name)) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
  }

  /** A decision that may not take the step, and why (a message key and its argument). */
  record Refused(long id, String decisionNumber, String messageKey, String state) {}

  /** A batch refused whole, naming every decision that may not take the step. */
  static class BatchRefused extends RuntimeException {
    private final transient List<Refused> refused;

    BatchRefused(List<Refused> refused) {
      super("batch refused: " + refused.size() + " decisions");
      this.refused = List.copyOf(refused);
    }

    List<Refused> refused() {
      return refused;
    }
  }

  private final Decisions decisions;
  private final DecisionSteps steps;
  private final DecisionLists lists;
  private final DecisionQueries queries;
  private final TransactionTemplate transactions;

  DecisionBatches(
      Decisions decisions,
      DecisionSteps steps,
      DecisionLists lists,
      DecisionQueries queries,
      TransactionTemplate transactions) {
    this.decisions = decisions;
    this.steps = steps;
    this.lists = lists;
    this.queries = queries;
    this.transactions = transactions;
  }

  /**
   * The ids of one import that wait for the step: of the agencies the member of staff works on, in
   * the state the step expects.
   */
  List<Long> ofBatch(String batch, Step step, Staff actor) {
    if (batch == null || batch.isBlank()) {
      throw Refusal.invalidField("batch", "decision.field.required");
    }
    return lists.ofBatch(batch.strip(), queries.scope(actor), step.from);
  }

  /** Takes the step on every decision named, or on none; returns how many moved. */
  int apply(Step step, Collection<Long> ids, Staff actor) {
    LinkedHashSet<Long> unique = new LinkedHashSet<>(ids == null ? List.of() : ids);
    unique.remove(null);
    if (unique.isEmpty()) {
      throw Refusal.invalidField("ids", "decision.batch.empty");
    }
    if (unique.size() > MAX) {
      throw Refusal.invalidField("ids", "decision.batch.too-many", MAX);
    }
    List<Refused> refused = new ArrayList<>();
    for (long id : unique) {
      // A decision not there, or another agency's, refuses the whole as it refuses one step.
      Decision d = decisions.get(id, actor);
      if (!steps.allowedSteps(d, actor).contains(step.key())) {
        refused.add(
            new Refused(
                id,
                d.form().decisionNumber(),
                d.state() == step.from ? "decision.batch.not-yours" : "decision.batch.wrong-state",
                d.state().name()));
      }
    }
    if (!refused.isEmpty()) {
      throw new BatchRefused(refused);
    }
    transactions.executeWithoutResult(
        tx -> {
          for (long id : unique) {
            switch (step) {
              case SUBMIT -> steps.submit(id, actor);
              case APPROVE -> steps.approve(id, actor);
              case PUBLISH -> steps.publish(id, actor);
            }
          }
        });
    return unique.size();
  }
}
