package org.gongkai.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.time.ZoneId;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.support.Api;
import org.gongkai.support.Challenges;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The console's home is the member of staff's work, and the navigation counts it beside each
 * section.
 */
class ConsoleTodoIntegrationTests extends PlatformIntegrationTests {

  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = consoleMvc();
  }

  @Test
  void eachRoleSeesItsOwnWorkOneClickFromItsAction() throws Exception {
    Fixture f = newAgency();
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(f.policies().id());
    form.setTitle("关于待办事项测试的通知");
    form.setBody("<p>正文</p>");
    long draft = editorial.createDraft(form, f.editor());

    String editorHome = home(f.editor().username());
    assertThat(editorHome)
        .contains(
            "我的待办",
            "草稿",
            "关于待办事项测试的通知",
            "/console/documents/" + draft,
            "信息发布",
            "依申请公开",
            "互动交流",
            "权责清单",
            "监测与考核",
            "报表统计",
            "系统管理");
    assertThat(editorHome).doesNotContain("待审核的信息");

    editorial.submit(draft, f.editor());
    String reviewerHome = home(f.reviewer().username());
    assertThat(reviewerHome).contains("待审核的信息", "关于待办事项测试的通知", "/console/documents/" + draft);
    assertThat(reviewerHome)
        .as("the publishing section's count")
        .containsPattern("信息发布</span>\\s*<span class=\"count\"[^>]*>1</span>");
    assertThat(reviewerHome)
        .as("and the documents list's")
        .containsPattern(
            "href=\"/console/documents\"><span>信息管理</span>\\s*<span class=\"count\"[^>]*>1</span>");
    assertThat(reviewerHome)
        .as("last year's annual report")
        .contains("尚未发布的上年度政府信息公开工作年度报告", "/console/reports/annual?agency=" + f.agency().code());
    assertThat(reviewerHome)
        .as("last month's statistics to file")
        .contains("未报送的上月统计月报", "/console/foi/statistics?agency=" + f.agency().code());

    // A request registered and assigned to the reviewer: its deadline and the working days left.
    String token = "todo-" + f.agency().code();
    mvc.perform(
        post("/foi/apply")
            .with(csrf())
            .param("altcha", Challenges.solved("http://localhost:" + port))
            .param("agency", f.agency().code())
            .param("applicantType", "NATURAL_PERSON")
            .param("name", "张三")
            .param("idType", "RESIDENT_ID")
            .param("idNumber", "110101199003074514")
            .param("phone", "13812345678")
            .param("address", "临江市滨江路100号")
            .param("title", "道路改造招标文件")
            .param("description", "2025年城区道路改造项目的招标文件")
            .param("informationForm", "ELECTRONIC")
            .param("deliveryChannel", "EMAIL")
            .param("email", "zhang@example.cn")
            .param("submissionToken", token));
    long request =
        jdbc.sql("SELECT id FROM foi_request WHERE agency_id = ?")
            .param(f.agency().id())
            .query(Long.class)
            .single();
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Api api = api();
    assertThat(
            api.post(
                    "/api/v1/admin/foi/requests/" + request + "/register",
                    "{\"receivedOn\":\"" + today + "\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    "/api/v1/admin/foi/requests/" + request + "/assign",
                    "{\"assignee\":" + f.reviewer().id() + "}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(200);

    reviewerHome = home(f.reviewer().username());
    assertThat(reviewerHome).contains("分配给我的申请", "/console/foi/" + request, "剩余 20 个工作日");
    assertThat(home(f.editor().username())).doesNotContain("分配给我的申请");
  }

  @Test
  void theNavigationShowsOnlyWhatTheRoleMayOpen() throws Exception {
    Fixture f = newAgency();
    String editor = home(f.editor().username());
    assertThat(editor)
        .contains("href=\"/console/documents\"", "href=\"/console/foi\"")
        .doesNotContain("href=\"/console/backups\"", "href=\"/console/accounts\"");
  }

  private String home(String username) throws Exception {
    return mvc.perform(get("/console").session(consoleSession(mvc, username)))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }
}
