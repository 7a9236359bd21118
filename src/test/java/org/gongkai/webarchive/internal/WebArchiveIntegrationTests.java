package org.gongkai.webarchive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.gongkai.account.AccountForm;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.catalog.Catalog;
import org.gongkai.support.Api;
import org.gongkai.support.HostRequests;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

class WebArchiveIntegrationTests extends PlatformIntegrationTests {

  private static Path ownData;

  /**
   * An archive walks every page of a site, and pages list what the whole platform holds: in the
   * database the other tests fill, a walk takes minutes. A data folder of its own keeps it to what
   * these tests publish.
   */
  @DynamicPropertySource
  static void ownDataFolder(DynamicPropertyRegistry registry) {
    registry.add("gongkai.data-dir", () -> ownData().toString());
    // An archive asked for starts at the queue's next look: within a second here, not ten.
    registry.add("gongkai.web-archive.poll-interval", () -> "PT0.5S");
    registry.add("gongkai.jobs.polling-interval", () -> "PT0.5S");
  }

  private static synchronized Path ownData() {
    if (ownData == null) {
      try {
        ownData = Files.createTempDirectory("gongkai-web-archive");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return ownData;
  }

  private static final String ARCHIVES = "/api/v1/admin/web-archives";
  private static final String DOCS = "/api/v1/admin/documents";

  @Autowired Catalog catalog;

  @TempDir Path downloads;

  @Test
  void aYearOfASiteReadsBackFromItsWarcFilesWithEveryPageAndAttachment() throws Exception {
    Fixture f = newAgency();
    String suffix = f.agency().code().substring(10).toLowerCase();
    String host = "archive-" + suffix + ".localhost";
    long site = newSite("归档测试网站" + suffix, host, f, "DEPARTMENT");

    clock.travelTo(LocalDate.of(2025, 6, 2));
    int archived =
        api().post(DOCS, f.draftJson("二〇二五年归档的通知"), f.editor().username(), PASSWORD).json("$.id");
    byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();
    int attachment =
        api()
            .upload(
                DOCS + "/" + archived + "/attachments",
                "附件.pdf",
                pdf,
                f.editor().username(),
                PASSWORD)
            .json("$.id");
    editorial.submit(archived, f.editor());
    editorial.approve(archived, true, null, f.reviewer());
    editorial.publish(archived, null, f.reviewer());
    clock.reset();
    long later = publish(f, "二〇二六年不在归档中的通知");

    assertThat(start(site, 2025, f.agencyAdmin().username(), PASSWORD).status()).isEqualTo(403);
    assertThat(start(999_999_999L, 2025, "admin", ADMIN_PASSWORD).status()).isEqualTo(400);
    Api.Response future = start(site, clock.today().getYear() + 1, "admin", ADMIN_PASSWORD);
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.body()).contains("year");
    assertThat(api().post(ARCHIVES, "{\"site\":" + site + "}", "admin", ADMIN_PASSWORD).status())
        .isEqualTo(400);

    Api.Response started = start(site, 2025, "admin", ADMIN_PASSWORD);
    assertThat(started.status()).isEqualTo(202);
    long id = ((Number) started.json("$.id")).longValue();
    Api.Response done = awaitFinished(id);
    assertThat((String) done.json("$.state")).as(done.body()).isEqualTo("DONE");
    assertThat((Integer) done.json("$.counts.documents")).isEqualTo(1);
    assertThat((Integer) done.json("$.counts.attachments")).isEqualTo(1);

    List<Map<String, Object>> files = done.json("$.files");
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    for (Map<String, Object> file : files) {
      Files.write(
          downloads.resolve((String) file.get("name")), download((String) file.get("href")));
    }
    assertThat(download(ARCHIVES + "/" + id + "/files/nothing.warc.gz", f.agencyAdmin().username()))
        .isNull();
    String prefix =
        ArchiveRun.prefix(site, 2025, java.time.Instant.parse((String) done.json("$.startedAt")));
    Map<String, WarcReadBack.Capture> captures = WarcReadBack.read(downloads, prefix);

    String origin = "https://" + host;
    for (String address :
        List.of(
            "/",
            "/robots.txt",
            "/sitemap.xml",
            "/documents/" + archived,
            "/agencies/" + f.agency().code(),
            "/agencies/" + f.agency().code() + "/feed.atom")) {
      assertThat(captures).as(address).containsKey(origin + address);
      assertThat(captures.get(origin + address).status()).as(address).isEqualTo(200);
    }
    assertThat(WarcReadBack.text(captures.get(origin + "/documents/" + archived)))
        .contains("二〇二五年归档的通知", "<link rel=\"canonical\" href=\"" + origin);
    byte[] stored;
    try (InputStream in =
        catalog.publicAttachment(archived, attachment).orElseThrow().content().open()) {
      stored = in.readAllBytes();
    }
    WarcReadBack.Capture file =
        captures.get(origin + "/documents/" + archived + "/attachments/" + attachment);
    assertThat(file).isNotNull();
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.payload()).isEqualTo(stored);
    assertThat(captures.keySet())
        .as("a document of another year")
        .noneMatch(k -> k.startsWith(origin + "/documents/" + later));

    WarcReadBack.validateWithJwarc(downloads);
    warcioCheck(downloads);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE action IN ('web-archive.started',"
                        + " 'web-archive.finished') AND subject_id = ?")
                .param(String.valueOf(id))
                .query(Long.class)
                .single())
        .isEqualTo(2);
    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, platformAdmin(suffix).username());
    assertThat(
            mvc.perform(get("/console/web-archives").session(session))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains(prefix + ".cdx", prefix + "-00000.warc.gz", "归档测试网站" + suffix);
    MvcResult refused =
        mvc.perform(
                post("/console/web-archives")
                    .session(session)
                    .with(csrf())
                    .param("site", Long.toString(site))
                    .param("year", "2999"))
            .andReturn();
    assertThat(refused.getFlashMap().get("refusal")).isEqualTo("web-archive.year-future");
  }

  @Test
  void anArchiveADeadNodeLeftRunningIsWrittenAgainFromTheStart() throws Exception {
    Fixture f = newAgency();
    String suffix = f.agency().code().substring(10).toLowerCase();
    long site = newSite("中断归档网站" + suffix, "resumed-" + suffix + ".localhost", f, "DEPARTMENT");
    long document = publish(f, "中断后重写的通知");
    int year = clock.today().getYear();
    // What a node that died mid-archive leaves: the archive RUNNING, a first file recorded.
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO web_archive (site_id, archive_year, state, requested_by, requested_at,"
                + " started_at, attempts, captures) VALUES (?, ?, 'RUNNING', 'admin',"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1, 7)")
        .params(site, year)
        .update(keys, "id");
    long left = keys.getKey().longValue();
    jdbc.sql(
            "INSERT INTO web_archive_file (archive_id, name, media_type, sha256, size_bytes,"
                + " position) VALUES (?, 'half-00000.warc.gz', 'application/warc', ?, 10, 0)")
        .params(left, "0".repeat(64))
        .update();

    Api.Response done = awaitFinished(left);
    assertThat((String) done.json("$.state")).as(done.body()).isEqualTo("DONE");
    assertThat((Integer) done.json("$.attempts")).isEqualTo(2);
    List<String> names = done.json("$.files[*].name");
    assertThat(names).doesNotContain("half-00000.warc.gz").anyMatch(n -> n.endsWith(".cdx"));
    List<Map<String, Object>> files = done.json("$.files");
    for (Map<String, Object> file : files) {
      Files.write(
          downloads.resolve((String) file.get("name")), download((String) file.get("href")));
    }
    String prefix =
        ArchiveRun.prefix(site, year, java.time.Instant.parse((String) done.json("$.startedAt")));
    assertThat(WarcReadBack.read(downloads, prefix))
        .containsKey("https://resumed-" + suffix + ".localhost/documents/" + document);
  }

  @Test
  void closingASiteArchivesItWholeThenItsPagesAnswer410() throws Exception {
    Fixture f = newAgency();
    String suffix = f.agency().code().substring(10).toLowerCase();
    String host = "closing-" + suffix + ".localhost";
    long site = newSite("关闭的网站" + suffix, host, f, "DEPARTMENT");
    long document = publish(f, "关闭前的通知");
    String close = "/api/v1/admin/sites/" + site + "/close";

    assertThat(
            api()
                .post(close, "{\"confirm\":\"other.localhost\"}", "admin", ADMIN_PASSWORD)
                .status())
        .isEqualTo(400);
    assertThat(
            api()
                .post(close, "{\"confirm\":\"" + host + "\"}", f.agencyAdmin().username(), PASSWORD)
                .status())
        .isEqualTo(403);
    assertThat(HostRequests.page(port, "/documents/" + document, host)).startsWith("HTTP/1.1 200");

    Api.Response closing =
        api().post(close, "{\"confirm\":\"" + host + "\"}", "admin", ADMIN_PASSWORD);
    assertThat(closing.status()).isEqualTo(202);
    long archive = ((Number) closing.json("$.archive")).longValue();
    Api.Response done = awaitFinished(archive);
    assertThat((String) done.json("$.state")).as(done.body()).isEqualTo("DONE");
    assertThat((Object) done.json("$.year")).isNull();
    assertThat((List<String>) done.json("$.errors")).isEmpty();
    List<Map<String, Object>> files = done.json("$.files");
    for (Map<String, Object> file : files) {
      Files.write(
          downloads.resolve((String) file.get("name")), download((String) file.get("href")));
    }
    String prefix =
        ArchiveRun.prefix(site, null, java.time.Instant.parse((String) done.json("$.startedAt")));
    assertThat(
            WarcReadBack.read(downloads, prefix).get("https://" + host + "/documents/" + document))
        .extracting(WarcReadBack.Capture::status)
        .isEqualTo(200);

    String page = HostRequests.page(port, "/documents/" + document, host);
    assertThat(page).startsWith("HTTP/1.1 410").contains("关闭的网站" + suffix);
    assertThat(HostRequests.page(port, "/", host)).startsWith("HTTP/1.1 410");
    assertThat(HostRequests.get(port, "/api/v1/documents/" + document, host))
        .startsWith("HTTP/1.1 410");
    assertThat(api().get("/documents/" + document).status())
        .as("the first site still shows the agency's documents")
        .isEqualTo(200);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE action = 'site.closed' AND subject_id = ?")
                .param(String.valueOf(site))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            api().post(close, "{\"confirm\":\"" + host + "\"}", "admin", ADMIN_PASSWORD).status())
        .isEqualTo(409);
  }

  private Staff platformAdmin(String suffix) {
    AccountForm form = new AccountForm();
    form.setUsername("archivist-" + suffix);
    form.setDisplayName("archivist");
    form.setRole(Role.PLATFORM_ADMIN);
    form.setPassword(PASSWORD);
    return accounts.create(form, admin());
  }

  private Api.Response start(long site, int year, String user, String password) {
    return api().post(ARCHIVES, "{\"site\":" + site + ",\"year\":" + year + "}", user, password);
  }

  private Api.Response awaitFinished(long id) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (true) {
      Api.Response r = api().get(ARCHIVES + "/" + id, "admin", ADMIN_PASSWORD);
      String state = r.json("$.state");
      if (state.equals("DONE") || state.equals("FAILED") || System.nanoTime() > end) {
        return r;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
  }

  private byte[] download(String path) throws Exception {
    return download(path, "admin");
  }

  private byte[] download(String path, String user) throws Exception {
    String password = user.equals("admin") ? ADMIN_PASSWORD : PASSWORD;
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    return response.statusCode() == 200 ? response.body() : null;
  }

  /** warcio's own check, where it is installed; the jwarc checks above run everywhere. */
  private static void warcioCheck(Path folder) throws Exception {
    Process which = new ProcessBuilder("sh", "-c", "command -v warcio").start();
    if (which.waitFor() != 0) {
      return;
    }
    try (var warcs = Files.list(folder)) {
      for (Path warc : warcs.filter(p -> p.toString().endsWith(".warc.gz")).toList()) {
        Process check =
            new ProcessBuilder("warcio", "check", warc.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor()).as(output).isZero();
      }
    }
  }
}
