package org.gongkai.monitor.internal;

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
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Word lists are named, not typed freely: a list the monitor does not keep is a 400 naming the
 * field; a known one is added.
 */
class MonitorInputIntegrationTests extends PlatformIntegrationTests {

  @Test
  void aWordForAnUnknownListThroughTheApiIsRefusedNamingTheField() {
    Api.Response refused =
        api()
            .post(
                "/api/v1/admin/monitor/words",
                "{\"list\":\"SLANG\",\"term\":\"给力\"}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.<List<String>>json("$.errors[*].field")).containsExactly("list");
    assertThat(refused.<List<String>>json("$.errors[*].message").get(0))
        .contains("FORBIDDEN", "MISSPELLING", "LEADER", "PROHIBITED");

    Api.Response added =
        api()
            .post(
                "/api/v1/admin/monitor/words",
                "{\"list\":\"MISSPELLING\",\"term\":\"按装接口\",\"replacement\":\"安装接口\"}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    assertThat(
            jdbc.sql("SELECT replacement FROM monitor_word WHERE term = ?")
                .param("按装接口")
                .query(String.class)
                .list())
        .containsExactly("安装接口");
  }

  @Test
  void aWordForAnUnknownListOnTheConsoleFormIsRefusedInChineseNamingTheField() throws Exception {
    MockMvc mvc = consoleMvc();
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(
                    MockMvcRequestBuilders.post("/login")
                        .with(csrf())
                        .param("username", "admin")
                        .param("password", ADMIN_PASSWORD))
                .andReturn()
                .getRequest()
                .getSession();
    MockHttpServletResponse page =
        mvc.perform(
                post("/console/monitor/words")
                    .session(session)
                    .with(csrf())
                    .accept(MediaType.TEXT_HTML)
                    .param("list", "SLANG")
                    .param("term", "给力"))
            .andReturn()
            .getResponse();
    assertThat(page.getStatus()).isEqualTo(400);
    assertThat(page.getContentAsString()).contains("“list”的值无效", "MISSPELLING");
  }
}
