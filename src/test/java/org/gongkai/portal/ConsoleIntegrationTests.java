package org.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.gongkai.account.AccountForm;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.EditionState;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.TestCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The console as staff use it: log in with the form, fill in forms, press the workflow buttons. */
abstract class ConsoleIntegrationTests extends PlatformIntegrationTests {

  @Autowired WebApplicationContext context;

  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc =
        MockMvcBuilders.webAppContextSetup(context)
            .apply(SecurityMockMvcConfigurers.springSecurity())
            .build();
  }

  @Test
  void staffLogInWithTheFormAndWorkADocumentThroughTheConsole() throws Exception {
    Fixture f = newAgency();
    MockHttpSession editor = login(f.editor().username());
    assertThat(page(editor, "/console").getResponse().getContentAsString()).contains("政务公开工作台");

    MvcResult invalid =
        mvc.perform(
                post("/console/documents/new")
                    .session(editor)
                    .with(csrf())
                    .param("column", String.valueOf(f.policies().id()))
                    .param("title", "")
                    .param("body", "<p>正文</p>"))
            .andReturn();
    assertThat(invalid.getResponse().getStatus()).isEqualTo(200);
    assertThat(invalid.getResponse().getContentAsString())
        .contains("请填写标题。", "aria-invalid=\"true\"");

    MvcResult created =
        mvc.perform(
                post("/console/documents/new")
                    .session(editor)
                    .with(csrf())
                    .param("column", String.valueOf(f.policies().id()))
                    .param("title", "控制台起草的通知")
                    .param("docNumber", "测〔2026〕3号")
                    .param("validity", "VALID")
                    .param("disclosureMode", "PROACTIVE")
                    .param("kind", "GENERAL")
                    .param("body", "<p>正文<script>alert(1)</script></p>"))
            .andReturn();
    assertThat(created.getResponse().getStatus()).isEqualTo(302);
    String location = created.getResponse().getRedirectedUrl();
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    assertThat(editorial.get(id, f.editor()).working().bodyHtml()).isEqualTo("<p>正文</p>");

    mvc.perform(post(location + "/submit").session(editor).with(csrf()));
    MockHttpSession reviewer = login(f.reviewer().username());
    MvcResult halfChecked =
        mvc.perform(
                post(location + "/approve")
                    .session(reviewer)
                    .with(csrf())
                    .param("checks", "secrets", "privacy"))
            .andReturn();
    assertThat(halfChecked.getFlashMap().get("refusal"))
        .isEqualTo("review.confidentiality.required");
    mvc.perform(
        post(location + "/approve")
            .session(reviewer)
            .with(csrf())
            .param("checks", "secrets", "commercial", "privacy", "stability")
            .param("comment", "同意公开"));
    mvc.perform(post(location + "/publish").session(reviewer).with(csrf()));
    assertThat(editorial.get(id, f.reviewer()).working().state()).isEqualTo(EditionState.PUBLISHED);

    String show = page(reviewer, location).getResponse().getContentAsString();
    assertThat(show)
        .contains("已发布", "document.publish", "同意公开", editorial.get(id, f.reviewer()).indexNumber());
    assertThat(page(editor, "/console/documents?q=控制台").getResponse().getContentAsString())
        .contains("控制台起草的通知");
  }

  @Test
  void anotherAgencysStaffAreRefused() throws Exception {
    Fixture mine = newAgency();
    Fixture theirs = newAgency();
    var form = new DocumentForm();
    form.setAgency(theirs.agency().code());
    form.setColumn(theirs.policies().id());
    form.setTitle("他人的草稿");
    form.setBody("<p>x</p>");
    long id = editorial.createDraft(form, theirs.editor());
    MockHttpSession session = login(mine.editor().username());
    assertThat(
            mvc.perform(get("/console/documents/" + id).session(session))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(post("/console/documents/" + id + "/submit").session(session).with(csrf()))
                .andReturn()
                .getFlashMap()
                .get("refusal"))
        .isEqualTo("access.other-agency");
    assertThat(editorial.get(id, theirs.editor()).working().state()).isEqualTo(EditionState.DRAFT);
    assertThat(page(session, "/console/documents").getResponse().getContentAsString())
        .doesNotContain("他人的草稿");
  }

  @Test
  void formsWithoutACsrfTokenAreRefused() throws Exception {
    Fixture f = newAgency();
    MockHttpSession editor = login(f.editor().username());
    assertThat(
            mvc.perform(post("/console/documents/new").session(editor).param("title", "x"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(
                    post("/api/v1/admin/documents")
                        .session(editor)
                        .contentType("application/json")
                        .content(f.draftJson("会话调用")))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("the staff API with a session cookie needs the token too")
        .isEqualTo(403);
    assertThat(
            mvc.perform(
                    post("/api/v1/admin/documents")
                        .session(editor)
                        .header("Authorization", "Bearer anything")
                        .contentType("application/json")
                        .content(f.draftJson("带假凭据的会话调用")))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("an Authorization header that fails is refused, not passed on to the session")
        .isEqualTo(401);
    assertThat(
            mvc.perform(
                    post("/api/v1/admin/documents")
                        .with(httpBasic(f.editor().username(), PASSWORD))
                        .contentType("application/json")
                        .content(f.draftJson("脚本调用")))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(201);
  }

  @Test
  void repeatedFailedLoginsLockTheAccountForAWhile() throws Exception {
    Fixture f = newAgency();
    String name = f.editor().username();
    for (int i = 0; i < 3; i++) {
      assertThat(
              mvc.perform(
                      post("/login")
                          .with(csrf())
                          .param("username", name)
                          .param("password", "wrong"))
                  .andReturn()
                  .getResponse()
                  .getRedirectedUrl())
          .isEqualTo("/login?error");
    }
    assertThat(
            mvc.perform(
                    post("/login").with(csrf()).param("username", name).param("password", PASSWORD))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .as("locked even with the right password")
        .isEqualTo("/login?error");
    assertThat(api().get("/api/v1/admin/documents", name, PASSWORD).status())
        .as("HTTP Basic from the same address is throttled too")
        .isEqualTo(401);
    assertThat(api().get("/api/v1/admin/documents", f.reviewer().username(), PASSWORD).status())
        .as("other users are not affected")
        .isEqualTo(200);
  }

  @Test
  void aHugeLoginFormIsRefusedBeforeItIsReadAndAnOverlongNameIsNobodys() throws Exception {
    var http = HttpClient.newHttpClient();
    String huge = "username=" + "x".repeat(1_900_000) + "&password=wrong";
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(huge))
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(api().get("/api/v1/admin/documents", "y".repeat(65), PASSWORD).status())
        .isEqualTo(401);
  }

  @Test
  void aChangedAccountOrAFullWorkingDayEndsTheSessionsOpenedBefore() throws Exception {
    Fixture f = newAgency();
    MockHttpSession editor = login(f.editor().username());
    MockHttpSession bystander = login(f.reviewer().username());
    assertThat(page(editor, "/console").getResponse().getStatus()).isEqualTo(200);

    AccountForm form = new AccountForm();
    form.setUsername(f.editor().username());
    form.setDisplayName(f.editor().displayName());
    form.setRole(Role.REVIEWER);
    form.setAgencyId(f.agency().id());
    form.setEnabled(true);
    accounts.update(f.editor().id(), form, admin());

    assertThat(page(editor, "/console").getResponse().getRedirectedUrl())
        .isEqualTo("/login?expired");
    assertThat(
            mvc.perform(get("/api/v1/admin/documents").session(editor))
                .andReturn()
                .getResponse()
                .getStatus())
        .as("the old session no longer carries the staff API either")
        .isEqualTo(401);
    assertThat(page(bystander, "/console").getResponse().getStatus())
        .as("other accounts keep theirs")
        .isEqualTo(200);

    form.setEnabled(false);
    MockHttpSession again = login(f.editor().username());
    accounts.update(f.editor().id(), form, admin());
    assertThat(page(again, "/console").getResponse().getRedirectedUrl())
        .isEqualTo("/login?expired");
    assertThat(mvc.perform(get("/login?expired")).andReturn().getResponse().getContentAsString())
        .contains("登录已失效");

    clock.advance(Duration.ofHours(11));
    assertThat(page(bystander, "/console").getResponse().getStatus()).isEqualTo(200);
    clock.advance(Duration.ofHours(2));
    assertThat(page(bystander, "/console").getResponse().getRedirectedUrl())
        .as("no session outlives its working day")
        .isEqualTo("/login?expired");
  }

  @Test
  void behindTheTrustedProxyEachVisitorKeepsTheirOwnAddress() {
    Fixture f = newAgency();
    String name = f.editor().username();
    var guesser = api().forwardedFor("203.0.113.7", "https");
    for (int i = 0; i < 3; i++) {
      assertThat(guesser.get("/api/v1/admin/documents", name, "wrong").status()).isEqualTo(401);
    }
    assertThat(guesser.get("/api/v1/admin/documents", name, PASSWORD).status())
        .as("the guesser is locked out")
        .isEqualTo(401);
    assertThat(
            api()
                .forwardedFor("203.0.113.8", "https")
                .get("/api/v1/admin/documents", name, PASSWORD)
                .status())
        .as("the real user, elsewhere behind the same proxy, is not")
        .isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "SELECT DISTINCT address FROM audit_record WHERE actor = ? AND action = 'account.login-failed'")
                .param(name)
                .query(String.class)
                .list())
        .containsExactly("203.0.113.7");

    assertThat(guesser.get("/login").headers().get("Set-Cookie"))
        .as("TLS ended at the proxy still makes cookies Secure")
        .isNotEmpty()
        .allSatisfy(cookie -> assertThat(cookie).contains("Secure"));
    assertThat(api().get("/login").headers().get("Set-Cookie"))
        .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
  }

  @Test
  void loginsLogoutsAndLockoutsAreAudited() throws Exception {
    Fixture f = newAgency();
    MockHttpSession session = login(f.reviewer().username());
    mvc.perform(post("/logout").session(session).with(csrf()));
    for (int i = 0; i < 3; i++) {
      mvc.perform(
          post("/login")
              .with(csrf())
              .param("username", f.editor().username())
              .param("password", "wrong"));
    }
    assertThat(
            jdbc.sql("SELECT action FROM audit_record WHERE actor = ? ORDER BY id")
                .param(f.reviewer().username())
                .query(String.class)
                .list())
        .containsSubsequence("account.login", "account.logout");
    assertThat(
            jdbc.sql("SELECT action FROM audit_record WHERE actor = ? ORDER BY id")
                .param(f.editor().username())
                .query(String.class)
                .list())
        .containsSubsequence(
            "account.login-failed",
            "account.login-failed",
            "account.login-failed",
            "account.login-locked");
    assertThat(
            jdbc.sql(
                    "SELECT address FROM audit_record WHERE actor = ? AND action = 'account.login'")
                .param(f.reviewer().username())
                .query(String.class)
                .single())
        .isEqualTo("127.0.0.1");
  }

  @Test
  void administratorsManageAgenciesColumnsAndAccounts() throws Exception {
    MockHttpSession admin = login("admin", ADMIN_PASSWORD);
    for (String path :
        new String[] {
          "/console/agencies",
          "/console/agencies/new",
          "/console/accounts",
          "/console/accounts/new",
          "/console/documents/new",
          "/console/audit"
        }) {
      assertThat(page(admin, path).getResponse().getStatus()).as(path).isEqualTo(200);
    }
    assertThat(
            mvc.perform(post("/console/audit/verify").session(admin).with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("id=\"chain-intact\"", "account.login");
    MvcResult badCode =
        mvc.perform(
                post("/console/agencies/new")
                    .session(admin)
                    .with(csrf())
                    .param("code", "11441700007280420X")
                    .param("name", "错误代码局"))
            .andReturn();
    assertThat(badCode.getResponse().getContentAsString()).contains("机构代码无效");

    String code = TestCodes.agencyCode();
    MvcResult created =
        mvc.perform(
                post("/console/agencies/new")
                    .session(admin)
                    .with(csrf())
                    .param("code", code)
                    .param("name", "新建测试局")
                    .param("phone", "0552-7654321"))
            .andReturn();
    assertThat(created.getResponse().getStatus()).isEqualTo(302);
    long agencyId = agencies.findByCode(code).orElseThrow().id();
    assertThat(agencies.columns(agencyId)).hasSize(11);
    long news = agencies.columns(agencyId).get(8).id();
    mvc.perform(
        post("/console/agencies/" + agencyId + "/columns/" + news + "/rename")
            .session(admin)
            .with(csrf())
            .param("name", "工作动态"));
    mvc.perform(
        post("/console/agencies/" + agencyId + "/columns/" + news + "/move")
            .session(admin)
            .with(csrf())
            .param("direction", "-1"));
    mvc.perform(
        post("/console/agencies/" + agencyId + "/columns/" + news + "/visibility")
            .session(admin)
            .with(csrf())
            .param("hidden", "true"));
    var column = agencies.column(news).orElseThrow();
    assertThat(column.name()).isEqualTo("工作动态");
    assertThat(column.hidden()).isTrue();
    assertThat(agencies.columns(agencyId).get(7).id()).isEqualTo(news);
    assertThat(api().get("/agencies/" + code).body())
        .doesNotContain("工作动态")
        .contains("0552-7654321");

    mvc.perform(
        post("/console/accounts/new")
            .session(admin)
            .with(csrf())
            .param("username", "new-editor-" + code)
            .param("displayName", "新编辑")
            .param("role", "EDITOR")
            .param("agencyId", String.valueOf(agencyId))
            .param("password", "long-enough-password")
            .param("enabled", "true"));
    Staff editor = accounts.findByUsername("new-editor-" + code).orElseThrow();
    assertThat(editor.agencyId()).isEqualTo(agencyId);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE subject_type = 'account' AND subject_id = ?")
                .param(String.valueOf(editor.id()))
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void editorsCannotReachAdministration() throws Exception {
    Fixture f = newAgency();
    MockHttpSession editor = login(f.editor().username());
    assertThat(
            mvc.perform(get("/console/accounts").session(editor))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(get("/console/agencies/new").session(editor))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(get("/console/audit").session(editor))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(403);
    assertThat(
            mvc.perform(get("/console").with(user("ghost"))).andReturn().getResponse().getStatus())
        .isNotEqualTo(500);
    assertThat(mvc.perform(get("/console")).andReturn().getResponse().getRedirectedUrl())
        .endsWith("/login");
  }

  private MockHttpSession login(String username) throws Exception {
    return login(username, PASSWORD);
  }

  private MockHttpSession login(String username, String password) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/login").with(csrf()).param("username", username).param("password", password))
            .andReturn();
    assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/console");
    return (MockHttpSession) result.getRequest().getSession();
  }

  private MvcResult page(MockHttpSession session, String path) throws Exception {
    return mvc.perform(get(path).session(session)).andReturn();
  }
}
