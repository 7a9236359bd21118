package org.gongkai.power.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** A power type outside the ten is the caller's mistake: 400, naming the field. */
class PowerInputIntegrationTests extends PlatformIntegrationTests {

  @Test
  void anUnknownTypeThroughTheApiIsRefusedNamingTheField() {
    Fixture f = newAgency();
    String code = "P" + f.agency().code().substring(10) + "-900";
    Api.Response entered =
        api()
            .post(
                "/api/v1/admin/powers?agency=" + f.agency().code(),
                PowerIntegrationTests.power(
                    code, "TAXATION", "对外贸易经营者备案", "2026-01-05", FlowTests.LICENSING),
                f.editor().username(),
                PASSWORD);
    assertThat(entered.status()).as(entered.body()).isEqualTo(400);
    assertThat(entered.<List<String>>json("$.errors[*].field")).containsExactly("type");
    assertThat(entered.<List<String>>json("$.errors[*].message").get(0))
        .contains("LICENSING", "ADJUDICATION");

    Api.Response listed = api().get("/api/v1/powers?type=TAXATION");
    assertThat(listed.status()).isEqualTo(400);
    assertThat(listed.<List<String>>json("$.errors[*].field")).containsExactly("type");
  }

  @Test
  void anUnknownTypeOnTheConsoleFormIsRefusedInChineseNamingTheField() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, f.editor().username());
    MockHttpServletResponse page =
        mvc.perform(
                post("/console/powers")
                    .session(session)
                    .with(csrf())
                    .accept(MediaType.TEXT_HTML)
                    .param("agency", f.agency().code())
                    .param("code", "P-901")
                    .param("name", "对外贸易经营者备案")
                    .param("type", "TAXATION")
                    .param("effectiveOn", "2026-01-05"))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(400);
    assertThat(page.getContentAsString()).contains("“type”的值无效", "LICENSING");
  }
}
