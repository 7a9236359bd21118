package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetsTests {

  @Test
  void chineseTermsAreMarkedWhereTheyStandWithTheTextAroundEscaped() {
    assertThat(Snippets.highlight("关于<加强>营商环境工作的通知", List.of("营商环境")))
        .isEqualTo("关于&lt;加强&gt;<mark>营商环境</mark>工作的通知");
    String body = "为".repeat(200) + "推行一网通办，GDP增长" + "办".repeat(200);
    assertThat(Snippets.snippet(body, null, List.of("一网通办")))
        .startsWith("…")
        .contains("推行<mark>一网通办</mark>，GDP增长")
        .endsWith("…");
  }

  @Test
  void termsWithLettersMatchWhateverTheirCase() {
    assertThat(Snippets.highlight("2024年GDP增长", List.of("gdp")))
        .isEqualTo("2024年<mark>GDP</mark>增长");
    assertThat(Snippets.snippet("全年gdp增长5%", null, List.of("GDP增长")))
        .isEqualTo("全年<mark>gdp增长</mark>5%");
  }
}
