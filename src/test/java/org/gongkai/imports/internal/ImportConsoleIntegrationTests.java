package org.gongkai.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The console: an agency's administrator starts a dry run from the form, follows it, maps an old
 * column, and runs the dry run for real.
 */
@TestPropertySource(
    properties = {
      "gongkai.imports.allow-private-addresses=true",
      "gongkai.imports.poll-interval=PT1H",
      "gongkai.imports.timeout=PT1S",
      "gongkai.imports.max-page-bytes=1MB",
      "gongkai.imports.max-attachment-bytes=100KB"
    })
class ImportConsoleIntegrationTests extends PlatformIntegrationTests {

  @Autowired ImportWork work;

  @Test
  void anAdministratorStartsADryRunMapsAColumnAndRunsItForReal() throws Exception {
    Fixture f = newAgency();
    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, f.agencyAdmin().username());
    try (OldSite site = new OldSite(f.agency().code(), 0)) {
      String page = html(mvc, "/console/imports", session);
      assertThat(page).contains("从旧网站导入", "crawl-urls", f.agency().name());

      MvcResult mapped =
          mvc.perform(
                  post("/console/imports/columns")
                      .session(session)
                      .with(csrf())
                      .param("agency", f.agency().code())
                      .param("oldName", "通知公告")
                      .param("column", Long.toString(f.policies().id())))
              .andReturn();
      assertThat(mapped.getFlashMap().get("notice")).isEqualTo("import.mapping.saved");
      assertThat(html(mvc, "/console/imports/columns?agency=" + f.agency().code(), session))
          .contains("通知公告", f.policies().name());

      MvcResult started =
          mvc.perform(
                  post("/console/imports")
                      .session(session)
                      .with(csrf())
                      .param("agency", f.agency().code())
                      .param("startUrls", site.url("/col/index.html"))
                      .param("rate", "1000")
                      .param("dryRun", "true"))
              .andReturn();
      String location = started.getResponse().getRedirectedUrl();
      assertThat(location).startsWith("/console/imports/");
      long dry = Long.parseLong(location.substring("/console/imports/".length()));
      work.run(dry, Instant.now().plusSeconds(60), Integer.MAX_VALUE);
      assertThat(html(mvc, location, session)).contains("试导入", "已完成", "正式导入", "个人信息", "report.csv");

      MvcResult real =
          mvc.perform(post(location + "/run").session(session).with(csrf())).andReturn();
      long realId =
          Long.parseLong(
              real.getResponse().getRedirectedUrl().substring("/console/imports/".length()));
      work.run(realId, Instant.now().plusSeconds(60), Integer.MAX_VALUE);
      assertThat(html(mvc, "/console/imports", session)).contains("/console/imports/" + realId);
      assertThat(
              jdbc.sql(
                      "SELECT COUNT(*) FROM audit_record WHERE action = 'import.finished' AND subject_id = ?")
                  .param(String.valueOf(realId))
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
    }
  }

  private static String html(MockMvc mvc, String path, MockHttpSession session) throws Exception {
    MvcResult r = mvc.perform(get(path).session(session)).andReturn();
    assertThat(r.getResponse().getStatus()).as(path).isEqualTo(200);
    return r.getResponse().getContentAsString();
  }
}
