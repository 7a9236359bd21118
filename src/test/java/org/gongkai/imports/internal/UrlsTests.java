package org.gongkai.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTests {

  @Test
  void theNumberedPagesOfOneListAreOneList() {
    assertThat(paged("http://old.example/zwgk/tzgg/index.html", "/zwgk/tzgg/index_1.html"))
        .isTrue();
    assertThat(paged("http://old.example/zwgk/tzgg/index_1.html", "/zwgk/tzgg/index_2.html"))
        .isTrue();
    assertThat(paged("http://old.example/gen/list_0.html", "/gen/list_499.html")).isTrue();
    assertThat(paged("http://old.example/zwgk/tzgg/", "/zwgk/tzgg/index_1.html")).isTrue();
    assertThat(paged("http://old.example/list.jsp?col=7&page=2", "/list.jsp?col=7&page=3"))
        .isTrue();
  }

  @Test
  void anotherColumnADocumentOrAnotherHostIsAStepFurther() {
    assertThat(paged("http://old.example/zwgk/tzgg/index.html", "/zwgk/zcfg/index_1.html"))
        .isFalse();
    assertThat(paged("http://old.example/zwgk/tzgg/index.html", "/zwgk/tzgg/t20170301_12.html"))
        .isFalse();
    assertThat(paged("http://old.example/list.jsp?col=7&page=2", "/list.jsp?cat=7&page=3"))
        .isFalse();
    assertThat(paged("http://old.example/list.jsp?col=7&page=2", "/list.jsp?col=8&page=3"))
        .isFalse();
    assertThat(paged("http://old.example/zwgk/2017/index_1.html", "/zwgk/2018/index_2.html"))
        .isFalse();
    assertThat(paged("http://old.example/cal.jsp?y=2017&m=3&d=1", "/cal.jsp?y=2017&m=4&d=2"))
        .isFalse();
    assertThat(
            Urls.samePagedList(
                URI.create("http://old.example/gen/list_0.html"),
                URI.create("http://other.example/gen/list_1.html")))
        .isFalse();
  }

  private static boolean paged(String page, String next) {
    URI from = URI.create(page);
    return Urls.samePagedList(from, from.resolve(next));
  }
}
