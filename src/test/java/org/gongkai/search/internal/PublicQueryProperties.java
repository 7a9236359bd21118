package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.gongkai.search.IndexedDocument;
import org.gongkai.search.SearchQuery;
import org.gongkai.search.SearchResult;

/** Whatever the public types, parsing and searching answer; nothing a user sends yields a 500. */
class PublicQueryProperties {

  private static LuceneSearchIndex index;

  @BeforeContainer
  static void smallIndex() throws IOException {
    Path dir = Files.createTempDirectory("gongkai-query-properties");
    index = LuceneSearchIndex.createEmpty(dir, SearchTuning.DEFAULT);
    index.put(
        new IndexedDocument(
            1,
            1,
            "000014349/2024-00001",
            "关于营业执照办理的通知",
            "摘要",
            "正文 营业执照 \"引号\" -减号",
            "执照",
            "蚌政办〔2012〕12号",
            "000014349",
            "市政府",
            7,
            "通知公告",
            "综合政务",
            "通知",
            "VALID",
            LocalDate.of(2024, 1, 2),
            LocalDate.of(2024, 1, 3),
            ""));
  }

  @AfterContainer
  static void close() throws IOException {
    index.close();
  }

  @Property(tries = 1000)
  void parsingNeverFails(@ForAll String input) {
    PublicQuery parsed = PublicQuery.parse(input);
    assertThat(parsed.clauses()).hasSizeLessThanOrEqualTo(PublicQuery.MAX_CLAUSES);
    assertThat(parsed.clauses()).allSatisfy(c -> assertThat(c.text()).isNotBlank());
  }

  @Property(tries = 500)
  void searchingNeverFails(@ForAll String input, @ForAll boolean byDate) {
    SearchResult result =
        index.search(
            new SearchQuery(
                input,
                null,
                null,
                null,
                null,
                null,
                null,
                byDate ? SearchQuery.Sort.DATE : SearchQuery.Sort.RELEVANCE,
                1,
                10,
                input,
                true));
    assertThat(result.total()).isGreaterThanOrEqualTo(0);
    assertThat(result.items()).allSatisfy(h -> assertThat(h.snippet()).doesNotContain("<script"));
  }
}
