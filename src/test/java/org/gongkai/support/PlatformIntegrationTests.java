package org.gongkai.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.account.AccountForm;
import org.gongkai.account.Accounts;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.AgencyForm;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.Editorial;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The whole platform on a random port, with its own data folder. Subclasses choose the database:
 * the embedded H2 default, or a fresh PostgreSQL database. Each test makes its own agency, so tests
 * share one running application without seeing each other's records.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "gongkai.demo=false",
      "GONGKAI_ADMIN_PASSWORD=" + PlatformIntegrationTests.ADMIN_PASSWORD,
      "gongkai.login.max-failures=3",
      "gongkai.intake.max-submissions=1000",
      // A proof of work a test solves in a millisecond; production asks about half a second.
      "gongkai.challenge.max-number=2000",
      "spring.datasource.hikari.minimum-idle=1",
      // Tests act as administrators without an authenticator; SecondFactorIntegrationTests require
      // one.
      "gongkai.security.second-factor.required-roles=",
      "gongkai.security.second-factor.personal-data=false",
      // Webhook receivers in tests listen on loopback; deliveries are sent by the tests themselves.
      "gongkai.syndication.allow-private-addresses=true",
      "gongkai.syndication.send-interval=PT1H"
    })
@Import(TestClockConfiguration.class)
public abstract class PlatformIntegrationTests {

  public static final String ADMIN_PASSWORD = "admin-password-for-tests";
  public static final String PASSWORD = "staff-password-1";

  @LocalServerPort protected int port;

  @Autowired protected AgencyDirectory agencies;

  @Autowired protected Accounts accounts;

  @Autowired protected Editorial editorial;

  @Autowired protected JdbcClient jdbc;

  @Autowired protected TestClock clock;

  @AfterEach
  void putTimeBack() {
    clock.reset();
  }

  /** Each application context gets its own data folder: two must never share a search index. */
  @DynamicPropertySource
  static void dataFolder(DynamicPropertyRegistry registry) {
    Path dataDir = tempDir();
    registry.add("gongkai.data-dir", dataDir::toString);
  }

  protected Api api() {
    return new Api(port);
  }

  @Autowired private Environment environment;

  /** Another node on this test's PostgreSQL database (see {@link SecondNode}). */
  protected ConfigurableApplicationContext secondNode(String... settings) throws Exception {
    return SecondNode.start(environment, settings);
  }

  /** Another node with {@code sources} beside the platform's configuration. */
  protected ConfigurableApplicationContext secondNode(List<Class<?>> sources, String... settings)
      throws Exception {
    return SecondNode.start(environment, sources, settings);
  }

  @Autowired private WebApplicationContext webContext;

  /** The console's pages through MockMvc, with the security filters. */
  protected MockMvc consoleMvc() {
    return MockMvcBuilders.webAppContextSetup(webContext)
        .apply(SecurityMockMvcConfigurers.springSecurity())
        .build();
  }

  /** A console session of {@code username}, logged in through the login form. */
  protected MockHttpSession consoleSession(MockMvc mvc, String username) throws Exception {
    var login =
        mvc.perform(
                MockMvcRequestBuilders.post("/login")
                    .with(SecurityMockMvcRequestPostProcessors.csrf())
                    .param("username", username)
                    .param("password", PASSWORD))
            .andReturn();
    return (MockHttpSession) login.getRequest().getSession();
  }

  protected Staff admin() {
    return accounts.findByUsername("admin").orElseThrow();
  }

  /** A new agency with an editor, a reviewer and an agency admin of its own. */
  protected Fixture newAgency() {
    return newAgency(null);
  }

  protected Fixture newAgency(Long parentId) {
    AgencyForm form = new AgencyForm();
    form.setCode(TestCodes.agencyCode());
    form.setName("测试局" + form.getCode().substring(10));
    form.setParentId(parentId);
    form.setPhone("0552-1234567");
    form.setAddress("测试路1号");
    Agency agency = agencies.create(form, "test");
    String suffix = agency.code().substring(8).toLowerCase();
    Staff editor = account("editor-" + suffix, Role.EDITOR, agency.id());
    Staff reviewer = account("reviewer-" + suffix, Role.REVIEWER, agency.id());
    Staff agencyAdmin = account("admin-" + suffix, Role.AGENCY_ADMIN, agency.id());
    return new Fixture(
        agency,
        editor,
        reviewer,
        agencyAdmin,
        agencies.column(agency.id(), ColumnType.POLICY).orElseThrow(),
        agencies.column(agency.id(), ColumnType.INTERPRETATION).orElseThrow());
  }

  /**
   * A document in the fixture's policy column, written by its editor and published by its reviewer.
   */
  protected long publish(Fixture f, String title) {
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(f.policies().id());
    form.setTitle(title);
    form.setBody("<p>正文</p>");
    long id = editorial.createDraft(form, f.editor());
    editorial.submit(id, f.editor());
    editorial.approve(id, true, null, f.reviewer());
    editorial.publish(id, null, f.reviewer());
    return id;
  }

  /** A new site of the fixture's agency, made through the admin API; its id. */
  protected long newSite(String name, String host, Fixture f, String type, String idCode) {
    Api.Response created =
        api()
            .post(
                "/api/v1/admin/sites",
                siteJson(name, host, f, type, idCode),
                "admin",
                ADMIN_PASSWORD);
    assertThat(created.status()).isEqualTo(201);
    return ((Number) created.json("$.id")).longValue();
  }

  /** A new site, with an identification code made from its host name. */
  protected long newSite(String name, String host, Fixture f, String type) {
    return newSite(name, host, f, type, "3399000" + (100 + Math.abs(host.hashCode() % 900)));
  }

  /** What the admin API takes to make a site of the fixture's agency. */
  protected static String siteJson(
      String name, String host, Fixture f, String type, String idCode) {
    return "{\"name\":\""
        + name
        + "\",\"hosts\":[\""
        + host
        + "\"],\"agency\":\""
        + f.agency().code()
        + "\",\"idCode\":\""
        + idCode
        + "\",\"type\":\""
        + type
        + "\"}";
  }

  /** The account with the permission to see personal data in full. */
  protected Staff grantPersonalData(Staff staff) {
    AccountForm form = new AccountForm();
    form.setUsername(staff.username());
    form.setDisplayName(staff.displayName());
    form.setRole(staff.role());
    form.setAgencyId(staff.agencyId());
    form.setEnabled(true);
    form.setPersonalData(true);
    return accounts.update(staff.id(), form, admin());
  }

  private Staff account(String username, Role role, long agencyId) {
    AccountForm form = new AccountForm();
    form.setUsername(username);
    form.setDisplayName(username);
    form.setRole(role);
    form.setAgencyId(agencyId);
    form.setPassword(PASSWORD);
    return accounts.create(form, admin());
  }

  public record Fixture(
      Agency agency,
      Staff editor,
      Staff reviewer,
      Staff agencyAdmin,
      Column policies,
      Column interpretations) {

    public String draftJson(String title) {
      return "{\"agency\":\""
          + agency.code()
          + "\",\"column\":"
          + policies.id()
          + ",\"title\":"
          + Api.quote(title)
          + ",\"docNumber\":\"测政办〔2026〕12号\",\"issuedOn\":\"2026-03-01\",\"topic\":\"综合政务\","
          + "\"kind\":\"NORMATIVE_DOCUMENT\",\"body\":\"<p>正文内容。</p>\"}";
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("gongkai-test");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
