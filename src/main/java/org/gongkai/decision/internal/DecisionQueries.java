package org.gongkai.decision.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.decision.DecisionKind;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;

/**
 * Reading the register: the public register of a site (what is published and within its public
 * period, masked) and the staff's lists (their agencies' decisions, with deadlines).
 */
@Service
class DecisionQueries {

  private final DecisionRepository repository;
  private final DecisionLists lists;
  private final Decisions decisions;
  private final DecisionSteps steps;
  private final StaffAccess access;
  private final DecisionProperties settings;

  DecisionQueries(
      DecisionRepository repository,
      DecisionLists lists,
      Decisions decisions,
      DecisionSteps steps,
      StaffAccess access,
      DecisionProperties settings) {
    this.repository = repository;
    this.lists = lists;
    this.decisions = decisions;
    this.steps = steps;
    this.access = access;
    this.settings = settings;
  }

  /** The last day the decision is on the public pages. */
  LocalDate publicEnd(Decision d) {
    return d.form().publicUntil() != null
        ? d.form().publicUntil()
        : d.form().decidedOn().plus(settings.publicPeriods().of(d.form().kind()));
  }

  /** What the public register shows today. */
  DecisionLists.Showing showing() {
    LocalDate today = decisions.today();
    Map<DecisionKind, LocalDate> cutoffs = new EnumMap<>(DecisionKind.class);
    for (DecisionKind kind : DecisionKind.values()) {
      cutoffs.put(kind, today.minus(settings.publicPeriods().of(kind)));
    }
    return new DecisionLists.Showing(today, cutoffs);
  }

  /** A public search; {@code scope} the agencies of the site (null: every agency). */
  PageResult<DecisionViews.PublicDecision> publicList(
      Set<Long> scope,
      String q,
      DecisionKind kind,
      LocalDate from,
      LocalDate to,
      Integer page,
      Integer size) {
    int s = PageResult.clampSize(size, 20, 100);
    int p = PageResult.page(page, s);
    // A decision superseded by its correction is reached from the correction's history.
    var filter =
        new DecisionLists.Filter(
            scope, q, kind, List.of(DecisionState.PUBLISHED, DecisionState.REVOKED), from, to);
    DecisionLists.Showing showing = showing();
    List<DecisionViews.PublicDecision> items =
        lists.list(filter, showing, (p - 1) * s, s).stream()
            .map(d -> DecisionViews.forPublic(d, publicEnd(d)))
            .toList();
    return new PageResult<>(items, lists.count(filter, showing), p, s);
  }

  /**
   * A decision on the public register of a site showing its agency: 404 when it was never published
   * or is another site's, 410 when its public period has ended.
   */
  DecisionViews.PublicDecision publicGet(long id, Set<Long> scope) {
    Decision d = repository.find(id).orElseThrow(() -> Refusal.notFound("decision.not-found"));
    if (!d.state().wasPublished() || (scope != null && !scope.contains(d.agencyId()))) {
      throw Refusal.notFound("decision.not-found");
    }
    if (publicEnd(d).isBefore(decisions.today())) {
      throw Refusal.gone("decision.public-period-ended");
    }
    return DecisionViews.forPublic(d, publicEnd(d));
  }

  /** One step of a decision's history: itself, what it corrected and what corrected it. */
  record HistoryEntry(long id, String decisionNumber, String state, LocalDate publishedOn) {}

  /** The chain of corrections the decision belongs to, oldest first. */
  List<HistoryEntry> history(long id) {
    Optional<Decision> start = repository.find(id);
    if (start.isEmpty()) {
      return List.of();
    }
    Decision first = start.get();
    int guard = 0;
    while (first.form().corrects() != null && guard++ < 50) {
      Optional<Decision> older = repository.find(first.form().corrects());
      if (older.isEmpty()) {
        break;
      }
      first = older.get();
    }
    List<HistoryEntry> chain = new ArrayList<>();
    Decision d = first;
    guard = 0;
    while (d != null && guard++ < 50) {
      chain.add(
          new HistoryEntry(d.id(), d.form().decisionNumber(), d.state().name(), d.publishedOn()));
      d = d.correctedById() == null ? null : repository.find(d.correctedById()).orElse(null);
    }
    return chain;
  }

  /**
   * The staff's list: decisions of the agencies in their scope (or one of them), of one import when
   * {@code batch} names it.
   */
  PageResult<DecisionViews.StaffDecision> staffList(
      Staff staff,
      Collection<Long> agencyIds,
      String q,
      DecisionKind kind,
      DecisionState state,
      String batch,
      Integer page) {
    int s = 50;
    int p = PageResult.page(page, s);
    var filter =
        new DecisionLists.Filter(
            agencyIds,
            q,
            kind,
            state == null ? null : List.of(state),
            null,
            null,
            batch == null || batch.isBlank() ? null : batch.strip());
    List<DecisionViews.StaffDecision> items =
        lists.list(filter, null, (p - 1) * s, s).stream().map(d -> staffView(d, staff)).toList();
    return new PageResult<>(items, lists.count(filter, null), p, s);
  }

  DecisionViews.StaffDecision staffGet(long id, Staff staff) {
    return staffView(decisions.get(id, staff), staff);
  }

  DecisionViews.StaffDecision staffView(Decision d, Staff staff) {
    return DecisionViews.forStaff(
        d,
        decisions.publishBy(d.form().decidedOn()),
        publicEnd(d),
        decisions.today(),
        staff.personalData(),
        steps.allowedSteps(d, staff));
  }

  /** The agencies whose decisions the member of staff works on. */
  Set<Long> scope(Staff staff) {
    return access.agencyScope(staff);
  }
}
