package org.gongkai.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.agency.AgencyForm;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.TestCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

abstract class PublicCachingIntegrationTests extends PlatformIntegrationTests {

  @Autowired RenderedPages pages;

  @Autowired MeterRegistry meters;

  @Test
  void anAnonymousPublicPageIsCacheableValidatedAndCookieFree() {
    Fixture f = newAgency();
    long id = publish(f, "可以缓存的通知");
    Api.Response first = api().get("/documents/" + id);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.headers().getCacheControl()).isEqualTo("public, max-age=60");
    assertThat(first.headers().get(HttpHeaders.SET_COOKIE))
        .as("no session for a page without a form")
        .isNull();
    String etag = first.headers().getETag();
    assertThat(etag).matches("\"[A-Za-z0-9_-]{22}\"");
    assertThat(first.headers().getFirst("Content-Security-Policy")).isNotNull();

    // The publication's after-commit listeners may still move the site's version once or twice,
    // which rightly makes the kept copy stale; a visitor asking again then gets a fresh one kept.
    Api.Response again = null;
    boolean kept = false;
    for (int attempt = 0; attempt < 10 && !kept; attempt++) {
      double servedBefore = meters.counter("gongkai.page.cache.served").count();
      again = api().get("/documents/" + id);
      kept = meters.counter("gongkai.page.cache.served").count() > servedBefore;
    }
    assertThat(kept).as("answered from the kept copy").isTrue();
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(again.headers().getETag()).isEqualTo(etag);
    assertThat(again.headers().getFirst("Content-Security-Policy"))
        .as("a kept page keeps its security headers")
        .isEqualTo(first.headers().getFirst("Content-Security-Policy"));
    assertThat(api().with(HttpHeaders.IF_NONE_MATCH, etag).get("/documents/" + id).status())
        .isEqualTo(304);
    assertThat(api().with(HttpHeaders.IF_NONE_MATCH, "\"other\"").get("/documents/" + id).status())
        .isEqualTo(200);
  }

  @Test
  void aSharedCacheIsToldThatAPageDependsOnTheVisitorsLanguageAndModeCookies() {
    Fixture f = newAgency();
    long id = publish(f, "按语言分别缓存的通知");
    Api.Response chinese = api().get("/documents/" + id);
    assertThat(chinese.headers().getVary()).containsExactly(HttpHeaders.COOKIE);
    assertThat(api().get("/documents/" + id).headers().getVary())
        .as("the kept copy says so too")
        .containsExactly(HttpHeaders.COOKIE);
    Api.Response english =
        api()
            .with(HttpHeaders.COOKIE, PublicCaching.LANGUAGE_COOKIE + "=en")
            .get("/documents/" + id);
    assertThat(english.headers().getCacheControl()).isEqualTo("public, max-age=60");
    assertThat(english.headers().getVary()).containsExactly(HttpHeaders.COOKIE);
    assertThat(chinese.body()).contains("<html lang=\"zh-CN\"");
    assertThat(english.body()).contains("<html lang=\"en\"");
    assertThat(english.headers().getETag()).isNotEqualTo(chinese.headers().getETag());
  }

  @Test
  void formsConsoleAndPersonalPagesAreNeverStored() {
    // Enough agencies in the site's navigation that a form page is sent before its form is reached.
    for (int i = 0; i < 80; i++) {
      AgencyForm agency = new AgencyForm();
      agency.setCode(TestCodes.agencyCode());
      agency.setName("导航测试局" + i);
      agencies.create(agency, "test");
    }
    Api.Response form = api().get("/foi/apply");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("name=\"_csrf\"");
    assertThat(form.headers().getCacheControl()).isEqualTo("no-store");
    assertThat(api().get("/console").headers().getCacheControl()).isEqualTo("no-store");
    assertThat(api().get("/foi/status?code=X&secret=Y").headers().getCacheControl())
        .isEqualTo("no-store");
    assertThat(api().get("/api/v1/challenge").headers().getCacheControl()).isEqualTo("no-store");
    assertThat(
            api()
                .get("/api/v1/admin/documents", "admin", ADMIN_PASSWORD)
                .headers()
                .getCacheControl())
        .isEqualTo("no-store");
  }

  @Test
  void stylesheetsAreFingerprintedAndImmutable() {
    Matcher link =
        Pattern.compile("href=\"(/css/site-[0-9a-f]{32}\\.css)\"").matcher(api().get("/").body());
    assertThat(link.find()).as("the page links the stylesheet by its content hash").isTrue();
    Api.Response css = api().get(link.group(1));
    assertThat(css.status()).isEqualTo(200);
    assertThat(css.headers().getCacheControl()).isEqualTo("public, max-age=31536000, immutable");
    assertThat(css.body()).contains("body");
    assertThat(api().get("/css/site.css").headers().getCacheControl())
        .as("the plain name may change")
        .isEqualTo("public, max-age=60");
  }

  @Test
  void aWithdrawnDocumentAnswers410AtOnceAndARevisionShowsAtOnce() {
    Fixture f = newAgency();
    long id = publish(f, "即将撤销的通知");
    assertThat(api().get("/documents/" + id).status()).isEqualTo(200);
    assertThat(api().get("/agencies/" + f.agency().code()).body()).contains("即将撤销的通知");
    editorial.withdraw(id, "内容有误", f.reviewer());
    assertThat(api().get("/documents/" + id).status()).isEqualTo(410);
    assertThat(api().get("/api/v1/documents/" + id).status()).isEqualTo(410);
    assertThat(api().get("/agencies/" + f.agency().code()).body()).doesNotContain("即将撤销的通知");
  }

  @Test
  void anAgencyRenamedShowsOnItsPagesAtOnce() {
    Fixture f = newAgency();
    assertThat(api().get("/agencies/" + f.agency().code()).body()).contains(f.agency().name());
    AgencyForm form = AgencyForm.of(f.agency());
    form.setName(f.agency().name() + "改名");
    agencies.update(f.agency().id(), form, "test");
    assertThat(api().get("/agencies/" + f.agency().code()).body())
        .contains(f.agency().name() + "改名");
  }
}
