package org.gongkai.topic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.shared.web.Refusal;
import org.gongkai.topic.TopicContent;
import org.gongkai.topic.TopicContent.Section;
import org.junit.jupiter.api.Test;

/** What a topic's slug and content must be, and how its tags match a document's words. */
class TopicRulesTests {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

  @Test
  void slugsAreLowerCaseLettersDigitsAndInnerHyphens() {
    assertThat(TopicRules.slug(" Foreign-Trade ")).isEqualTo("foreign-trade");
    for (String bad : new String[] {"a", "-ab", "ab-", "a b", "专题", "a_b", "x".repeat(61)}) {
      assertThatThrownBy(() -> TopicRules.slug(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              Refusal.class, r -> assertThat(r.fieldProblems().get(0).field()).isEqualTo("slug"));
    }
  }

  @Test
  void tagsAreSplitTrimmedAndTakenOnce() {
    TopicContent checked =
        TopicRules.check(
            new TopicContent(
                " 专题 ",
                "介绍",
                List.of("外贸，外资、外贸", " 电商 "),
                List.of(new Section(" 政策 ", List.of("规划; 计划"))),
                DAY,
                null));
    assertThat(checked.title()).isEqualTo("专题");
    assertThat(checked.tags()).containsExactly("外贸", "外资", "电商");
    assertThat(checked.sections()).containsExactly(new Section("政策", List.of("规划", "计划")));
    assertThat(checked.allTags()).containsExactly("外贸", "外资", "电商", "规划", "计划");
  }

  @Test
  void everyBadFieldIsNamedAtOnce() {
    assertThatThrownBy(
            () ->
                TopicRules.check(
                    new TopicContent(
                        "",
                        "x".repeat(4001),
                        List.of("x".repeat(31)),
                        List.of(new Section("同名", List.of()), new Section("同名", List.of())),
                        DAY,
                        DAY.minusDays(1))))
        .isInstanceOfSatisfying(
            Refusal.class,
            r ->
                assertThat(r.fieldProblems())
                    .extracting(Refusal.FieldProblem::field)
                    .contains("title", "introduction", "tags", "sections", "closesOn"));
  }

  @Test
  void aDocumentsWordsAreItsKeywordsAndItsSubject() {
    assertThat(TopicRules.words("外贸 工作动态；外资，电商、规划", "综合政务"))
        .containsExactly("外贸", "工作动态", "外资", "电商", "规划", "综合政务");
    TopicContent content =
        new TopicContent(
            "t",
            "",
            List.of("外贸"),
            List.of(new Section("规划", List.of("规划")), new Section("外资", List.of("外资"))),
            DAY,
            DAY.plusDays(10));
    assertThat(content.sectionFor(TopicRules.words("外资 规划", null))).isEqualTo("规划");
    assertThat(content.sectionFor(TopicRules.words("外贸", null))).isNull();
    assertThat(content.openOn(DAY)).isTrue();
    assertThat(content.openOn(DAY.plusDays(10))).isTrue();
    assertThat(content.openOn(DAY.plusDays(11))).isFalse();
    assertThat(content.openOn(DAY.minusDays(1))).isFalse();
    assertThat(new TopicContent("t", "第一段。\n\n 第二段。\n", null, null, DAY, null).paragraphs())
        .containsExactly("第一段。", "第二段。");
  }
}
