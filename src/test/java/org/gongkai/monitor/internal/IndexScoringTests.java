package org.gongkai.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Point 9 of the clock review, the monitor: findings are scored as 《政府网站与政务新媒体检查指标》 (2019) scores
 * them — its veto items first, then its deductions item by item, each item's deductions capped at
 * its points — and every rule cites the item it checks.
 */
class IndexScoringTests {

  @Test
  void theMonitorScoresAsThe2019IndexVetoItemsFirstThenDeductionsCappedPerItem() {
    // Ten broken links and ten missing attachments: the platform's per-rule caps would take 10
    // each (80 left); the index caps the item 功能设计·链接可用 they both check at its 10 points.
    List<Inspector.Finding> links = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      links.add(finding(Rule.BROKEN_LINK));
      links.add(finding(Rule.MISSING_ATTACHMENT));
    }
    IndexScore.Result capped = IndexScore.score(links);
    assertThat(capped.deducted()).containsEntry(IndexItem.DESIGN_LINKS, 10);
    assertThat(capped.score()).isEqualTo(90);
    assertThat(capped.passed()).isTrue();

    // Deductions listed in the index's order, whatever order the rules ran in.
    IndexScore.Result ordered =
        IndexScore.score(
            List.of(
                finding(Rule.BROKEN_LINK),
                finding(Rule.WORDING_MISSPELLING),
                finding(Rule.EMPTY_COLUMN)));
    assertThat(ordered.deductions())
        .extracting(f -> f.rule().item())
        .containsExactly(
            IndexItem.PUBLISHING_UPDATES, IndexItem.PUBLISHING_ACCURACY, IndexItem.DESIGN_LINKS);
    assertThat(ordered.score()).isEqualTo(100 - 2 - 1 - 1);

    // A veto item fails the site and nothing else counts; veto findings in the index's order.
    List<Inspector.Finding> vetoed = new ArrayList<>(links);
    vetoed.add(finding(Rule.MAILBOX_UNANSWERED));
    vetoed.add(finding(Rule.SITE_UNREACHABLE));
    IndexScore.Result failed = IndexScore.score(vetoed);
    assertThat(failed.score()).isZero();
    assertThat(failed.passed()).isFalse();
    assertThat(failed.veto())
        .extracting(f -> f.rule().item())
        .containsExactly(IndexItem.VETO_2_UNREACHABLE, IndexItem.VETO_5_POOR_INTERACTION);
  }

  @Test
  void underSixtyFails() {
    List<Inspector.Finding> many = new ArrayList<>();
    for (Rule rule : Rule.values()) {
      if (!rule.veto()) {
        for (int i = 0; i < 20; i++) {
          many.add(finding(rule));
        }
      }
    }
    IndexScore.Result result = IndexScore.score(many);
    assertThat(result.score())
        .isEqualTo(
            100
                - Arrays.stream(IndexItem.values())
                    .filter(i -> !i.veto())
                    .mapToInt(IndexItem::points)
                    .sum());
    assertThat(result.passed()).isEqualTo(result.score() >= IndexScore.PASS_MARK);
  }

  @Test
  void everyRuleCitesAnItemOfItsOwnKind() {
    for (Rule rule : Rule.values()) {
      assertThat(rule.item()).as(rule.name()).isNotNull();
      assertThat(rule.veto()).isEqualTo(rule.item().veto());
      if (!rule.veto()) {
        assertThat(rule.points()).as(rule.name()).isPositive();
      }
    }
  }

  private static Inspector.Finding finding(Rule rule) {
    return new Inspector.Finding(
        rule,
        rule.item().name(),
        rule.veto() ? "VETO" : "DEDUCTION",
        "target",
        "message",
        "/",
        List.of());
  }
}
