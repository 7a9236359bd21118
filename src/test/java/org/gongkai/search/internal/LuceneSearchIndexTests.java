package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.gongkai.search.IndexedDocument;
import org.gongkai.search.SearchQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexTests {

  @TempDir
  Path dir;

  static IndexedDocument doc(long id, String title, String body) {
    return new IndexedDocument(id, id, "000014349/2024-0000" + id, title, null, body, null, null, "000014349",
        "市政府", 7, "通知公告", null, null, "VALID", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 3), "");
  }

  @Test
  void findsWhatWasPutAndForgetsWhatWasRemoved() throws Exception {
    try (LuceneSearchIndex index = LuceneSearchIndex.createEmpty(dir)) {
      index.put(doc(1, "关于独角兽企业培育的通知", "支持独角兽企业发展"));
      assertThat(index.search(SearchQuery.of("独角兽")).total()).isEqualTo(1);
      index.put(doc(1, "关于瞪羚企业培育的通知", "支持瞪羚企业发展"));
      assertThat(index.search(SearchQuery.of("独角兽")).total()).isZero();
      assertThat(index.size()).isEqualTo(1);
      index.remove(1);
      assertThat(index.search(SearchQuery.of("瞪羚")).total()).isZero();
    }
  }

  @Test
  void reopensWhatItWrote() throws Exception {
    try (LuceneSearchIndex index = LuceneSearchIndex.createEmpty(dir)) {
      index.put(doc(2, "水污染防治", "正文"));
    }
    try (LuceneSearchIndex index = new LuceneSearchIndex(dir)) {
      assertThat(index.search(SearchQuery.of("污染")).total()).isEqualTo(1);
      assertThat(index.indexedEditions()).containsEntry(2L, 2L);
    }
  }
}
