package org.gongkai.power.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowTests {

  static final String LICENSING =
      """
      1|受理申请|2
      2|审查材料|3:符合条件,4:不符合条件
      3|作出准予许可决定|5
      4|作出不予许可决定并说明理由|5
      5|送达决定书|
      """;

  @Test
  void parsesStepsAndBranchesAndRanksThem() {
    List<Flow.Problem> problems = new ArrayList<>();
    Flow flow = Flow.parse(LICENSING, problems);
    assertThat(problems).isEmpty();
    assertThat(flow.steps()).hasSize(5);
    assertThat(flow.steps().get(1).next())
        .containsExactly(new Flow.Branch("3", "符合条件"), new Flow.Branch("4", "不符合条件"));
    assertThat(flow.ranks())
        .containsEntry("1", 0)
        .containsEntry("2", 1)
        .containsEntry("3", 2)
        .containsEntry("4", 2)
        .containsEntry("5", 3);
  }

  @Test
  void reportsEveryBadLine() {
    List<Flow.Problem> problems = new ArrayList<>();
    Flow.parse("1|受理|9\n1|重复|\n没有竖线\n", problems);
    assertThat(problems)
        .extracting(Flow.Problem::messageKey)
        .containsExactlyInAnyOrder(
            "power.flow.duplicate", "power.flow.line", "power.flow.unknown-target");
    problems.clear();
    Flow.parse("  ", problems);
    assertThat(problems).extracting(Flow.Problem::messageKey).containsExactly("power.flow.empty");
  }

  @Test
  void drawsAnAccessibleSvgWithAnArrowPerBranchAndLoopsBack() {
    Flow flow = Flow.parse(LICENSING + "6|补正|2\n", new ArrayList<>());
    String svg = flow.svg("行政许可<测试>");
    assertThat(svg)
        .startsWith("<svg")
        .contains(
            "role=\"img\"", "<title id=\"flow-title\">行政许可&lt;测试&gt;</title>", "符合条件", "送达决定书");
    assertThat(svg.split("<rect", -1)).hasSize(7);
    assertThat(svg.split("marker-end", -1)).hasSize(7);
  }
}
