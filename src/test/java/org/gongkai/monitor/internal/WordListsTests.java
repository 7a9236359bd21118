package org.gongkai.monitor.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gongkai.catalog.WordingCheck;
import org.gongkai.monitor.WordList;
import org.junit.jupiter.api.Test;

class WordListsTests {

  static final List<WordLists.Word> WORDS =
      List.of(
          new WordLists.Word(1, WordList.FORBIDDEN, "最高级", null),
          new WordLists.Word(2, WordList.MISSPELLING, "即然", "既然"),
          new WordLists.Word(3, WordList.LEADER, "张明", "局长"),
          new WordLists.Word(4, WordList.LEADER, "李华", "副局长"));

  @Test
  void findsForbiddenWordsMisspellingsAndWrongTitles() {
    List<WordingCheck.Issue> issues = WordLists.check("即然如此，张明副局长和李华副局长出席，这是最高级别。张明局长讲话。", WORDS);
    assertThat(issues)
        .containsExactlyInAnyOrder(
            new WordingCheck.Issue("FORBIDDEN", "最高级", null),
            new WordingCheck.Issue("MISSPELLING", "即然", "既然"),
            new WordingCheck.Issue("LEADER", "张明副局长", "张明局长"));
  }

  @Test
  void cleanTextHasNoIssues() {
    assertThat(WordLists.check("张明局长和李华副局长出席会议。", WORDS)).isEmpty();
  }
}
