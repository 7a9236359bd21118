package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicQueryTests {

  @Test
  void readsWordsPhrasesAndExclusions() {
    PublicQuery q = PublicQuery.parse("营业执照  \"个体 工商户\" -注销 “电子 证照”");
    assertThat(q.clauses())
        .containsExactly(
            new PublicQuery.Clause("营业执照", false, false),
            new PublicQuery.Clause("个体 工商户", true, false),
            new PublicQuery.Clause("注销", false, true),
            new PublicQuery.Clause("电子 证照", true, false));
  }

  @Test
  void toleratesWhatPeopleActuallyType() {
    assertThat(PublicQuery.parse("\"未闭合的短语").clauses())
        .containsExactly(new PublicQuery.Clause("未闭合的短语", true, false));
    assertThat(PublicQuery.parse(" - 营业执照 -").clauses())
        .containsExactly(new PublicQuery.Clause("营业执照", false, false));
    assertThat(PublicQuery.parse("-排除").isEmpty()).isTrue();
    assertThat(PublicQuery.parse("蚌政办〔2012〕12号").clauses()).hasSize(1);
  }

  @Test
  void foldsBracketsAndWidthsOfDocumentNumbers() {
    String canonical = DocNumbers.normalize("蚌政办〔2012〕12号");
    assertThat(DocNumbers.normalize("蚌政办[2012]12号")).isEqualTo(canonical);
    assertThat(DocNumbers.normalize("蚌政办(2012)12号")).isEqualTo(canonical);
    assertThat(DocNumbers.normalize("蚌政办（２０１２）１２号")).isEqualTo(canonical);
    assertThat(DocNumbers.normalize("蚌政办【2012】12号")).isEqualTo(canonical);
    assertThat(DocNumbers.normalize("蚌政办 [2012] 12号")).isEqualTo(canonical);
    assertThat(DocNumbers.normalize("蚌政办〔2012〕13号")).isNotEqualTo(canonical);
  }

  @Test
  void snippetsEscapeTheTextAndMarkTheWords() {
    String snippet =
        Snippets.snippet("前文<script>alert(1)</script>关于营业执照的规定", null, List.of("营业执照"));
    assertThat(snippet).contains("&lt;script&gt;", "<mark>营业执照</mark>").doesNotContain("<script>");
    assertThat(Snippets.highlight("营业执照和执照", List.of("执照", "营业执照")))
        .isEqualTo("<mark>营业执照</mark>和<mark>执照</mark>");
  }

  @Test
  void aSnippetIsTheWindowAroundTheFirstMatchWithEveryMatchMarkedAndTheRestEscaped() {
    String body = "甲".repeat(200) + "“Policy”与POLICY & <b>" + "乙".repeat(200);
    String snippet = Snippets.snippet(body, null, List.of("policy"));
    assertThat(snippet)
        .startsWith("…")
        .endsWith("…")
        .contains("&ldquo;<mark>Policy</mark>&rdquo;与<mark>POLICY</mark> &amp; &lt;b&gt;")
        .doesNotContain("<b>");
    // 40 characters before the match (the opening quote is the 40th)
    assertThat(snippet.substring(1, snippet.indexOf("&ldquo;"))).isEqualTo("甲".repeat(39));
    assertThat(Snippets.snippet("没有相关内容", "摘要", List.of("政策"))).isEqualTo("摘要");
  }
}
