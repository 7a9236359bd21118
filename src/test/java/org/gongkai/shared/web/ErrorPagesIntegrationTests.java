package org.gongkai.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Browsers get an error page that says what happened and where to go, in their language, for each
 * status.
 */
class ErrorPagesIntegrationTests extends PlatformIntegrationTests {

  private static final String BROWSER =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @Test
  void missingAndWithdrawnDocumentsOnThePortal() {
    Fixture f = newAgency();
    long id = publish(f, "将要撤销的通知");
    editorial.withdraw(id, "内容有误", f.reviewer());

    Api.Response gone = api().with("Accept", BROWSER).get("/documents/" + id);
    assertThat(gone.status()).isEqualTo(410);
    assertThat(gone.headers().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(gone.body()).contains("<h1>", "已撤销", "返回首页", "站内搜索");

    Api.Response missing = api().with("Accept", BROWSER).get("/documents/987654321");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).contains("未找到", "返回首页");

    Api.Response malformed = api().with("Accept", BROWSER).get("/documents/not-a-number");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("<title>", "请求有误", "请返回上一页检查");

    Api.Response english =
        api().with("Accept", BROWSER).with("Cookie", "gongkai-lang=en").get("/documents/987654321");
    assertThat(english.body()).contains("Not found", "Home");
  }

  @Test
  void aConsolePageTheRoleMayNotOpenSaysWhyAndLeadsBack() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, f.editor().username());

    MockHttpServletResponse page =
        mvc.perform(get("/console/backups").session(session).accept(MediaType.TEXT_HTML))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(403);
    assertThat(page.getContentAsString()).contains("无权操作", "返回工作台");
  }
}
