package org.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.ZipInputStream;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * The editorial workflow and the open API, through HTTP, as scripts and other platforms use them.
 */
abstract class CatalogApiIntegrationTests extends PlatformIntegrationTests {

  static final String DOCS = "/api/v1/admin/documents";

  @Test
  void draftsReviewsPublishesAndServesADocument() {
    Fixture f = newAgency();
    Api api = api();
    Api.Response created =
        api.post(DOCS, f.draftJson("关于印发《测试管理办法》的通知"), f.editor().username(), PASSWORD);
    assertThat(created.status()).isEqualTo(201);
    int id = created.json("$.id");
    assertThat(created.headers().getLocation()).hasToString(DOCS + "/" + id);

    assertThat(api.get("/api/v1/documents/" + id).status()).isEqualTo(404);
    assertThat(api.get("/documents/" + id).status()).isEqualTo(404);

    assertThat(
            api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD).status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    DOCS + "/" + id + "/approve",
                    "{\"confidentialityChecked\":true,\"comment\":\"无涉密内容\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .as("an editor does not approve")
        .isEqualTo(403);
    Api.Response approved =
        api.post(
            DOCS + "/" + id + "/approve",
            "{\"confidentialityChecked\":true,\"comment\":\"无涉密内容\"}",
            f.reviewer().username(),
            PASSWORD);
    assertThat(approved.status()).isEqualTo(200);
    assertThat((String) approved.json("$.working.state")).isEqualTo("APPROVED");
    assertThat((String) approved.json("$.working.reviewComment")).isEqualTo("无涉密内容");

    Api.Response published =
        api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD);
    assertThat(published.status()).isEqualTo(200);
    String indexNumber = published.json("$.indexNumber");
    assertThat(indexNumber).matches(f.agency().code() + "/\\d{4}-\\d{5}");

    Api.Response list = api.get("/api/v1/documents?agency=" + f.agency().code());
    assertThat(list.status()).isEqualTo(200);
    assertThat((Integer) list.json("$.total")).isEqualTo(1);
    assertThat((String) list.json("$.items[0].indexNumber")).isEqualTo(indexNumber);
    assertThat((String) list.json("$.items[0].docNumber")).isEqualTo("测政办〔2026〕12号");

    Api.Response detail = api.get("/api/v1/documents/" + id);
    assertThat((String) detail.json("$.bodyHtml")).isEqualTo("<p>正文内容。</p>");
    assertThat((String) detail.json("$.kind")).isEqualTo("NORMATIVE_DOCUMENT");

    Api.Response page = api.get("/documents/" + id);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            indexNumber,
            "关于印发《测试管理办法》的通知",
            "<meta name=\"ArticleTitle\"",
            "<meta name=\"SiteIDCode\"",
            "<meta name=\"PubDate\"",
            "<meta name=\"ColumnName\" content=\"政策文件\"",
            "0552-1234567");
    assertThat(api.get("/agencies/" + f.agency().code()).body()).contains(indexNumber);
    assertThat(api.get("/agencies/" + f.agency().code() + "/feed.atom").body())
        .contains("/documents/" + id);
    assertThat(
            api.get(
                    "/agencies/"
                        + f.agency().code()
                        + "/columns/"
                        + f.policies().id()
                        + "/feed.atom")
                .body())
        .contains("/documents/" + id);
    assertThat(api.get("/sitemap.xml").body())
        .contains(
            "<sitemapindex", "/sitemaps/pages.xml", "/sitemaps/documents-" + id / 50_000 + ".xml");
    assertThat(api.get("/sitemaps/documents-" + id / 50_000 + ".xml").body())
        .contains("/documents/" + id + "</loc>");
    assertThat(api.get("/sitemaps/pages.xml").body())
        .contains("/agencies/" + f.agency().code() + "</loc>");
    assertThat(api.get(DOCS + "/" + id + "/audit", f.editor().username(), PASSWORD).body())
        .contains("document.created", "document.submit", "document.approve", "document.publish");
  }

  @Test
  void anonymousVisitorsCannotMakeTheServerDoUnboundedWork() throws Exception {
    Api api = api();
    assertThat(api.get("/api/v1/documents?page=100&size=100").status()).isEqualTo(200);
    Api.Response deep = api.get("/api/v1/documents?page=101&size=100");
    assertThat(deep.status()).isEqualTo(400);
    assertThat(deep.<String>json("$.errors[0].field")).isEqualTo("page");
    assertThat(deep.body()).contains("100");
    assertThat(api.get("/api/v1/search?q=%E9%80%9A%E7%9F%A5&page=1001").status()).isEqualTo(400);
    assertThat(api.get("/search?q=%E9%80%9A%E7%9F%A5&page=1000000").status()).isEqualTo(400);
    assertThat(api.get("/sitemaps/documents-99999999.xml").status()).isEqualTo(404);

    String tooLarge =
        raw(
            "POST /api/v1/mailbox/messages HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                + "\r\nContent-Length: 200000000\r\n\r\n{");
    assertThat(tooLarge).startsWith("HTTP/1.1 413").contains("application/problem+json", "12 MB");
    String chunked = rawChunked("/api/v1/mailbox/messages", 13 * 1024 * 1024);
    assertThat(chunked)
        .as("a body of unknown length is cut off at the limit")
        .startsWith("HTTP/1.1 413");
  }

  @Test
  void feedsAndTheSitemapLinkToTheSiteNotToAForgedHost() throws Exception {
    String robots =
        raw("GET /robots.txt HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assertThat(robots)
        .contains("Sitemap: https://www.linjiang.gov.cn/sitemap.xml")
        .doesNotContain("evil.example");
    String index =
        raw("GET /sitemap.xml HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
    assertThat(index)
        .contains("https://www.linjiang.gov.cn/sitemaps/pages.xml")
        .doesNotContain("evil.example");
    assertThat(api().get("/robots.txt").body())
        .as("this machine's own address is kept, for trying it out")
        .contains("Sitemap: http://localhost:" + port + "/sitemap.xml");
  }

  /** Posts {@code size} bytes of JSON white space in one chunk of unstated total length. */
  private String rawChunked(String path, int size) throws IOException {
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      var out = socket.getOutputStream();
      out.write(
          ("POST "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                  + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                  + Integer.toHexString(size)
                  + "\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      byte[] spaces = new byte[64 * 1024];
      Arrays.fill(spaces, (byte) ' ');
      try {
        for (int sent = 0; sent < size; sent += spaces.length) {
          out.write(spaces, 0, Math.min(spaces.length, size - sent));
        }
        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      } catch (SocketException closedEarly) {
        // the server answered and closed before the rest was sent
      }
      return new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
    }
  }

  /** Sends bytes as they are, Host header and all, and returns what comes back first. */
  private String raw(String request) throws IOException {
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      byte[] buffer = new byte[16_384];
      int n = socket.getInputStream().read(buffer);
      StringBuilder text =
          new StringBuilder(new String(buffer, 0, Math.max(0, n), StandardCharsets.UTF_8));
      socket.setSoTimeout(1_000);
      try {
        for (int more; (more = socket.getInputStream().read(buffer)) > 0; ) {
          text.append(new String(buffer, 0, more, StandardCharsets.UTF_8));
        }
      } catch (SocketTimeoutException enough) {
        // keep-alive connections stay open; what arrived is the answer
      }
      return text.toString();
    }
  }

  @Test
  void aReviewerDoesNotApproveADraftTheyWroteOrEdited() {
    Fixture f = newAgency();
    Api api = api();
    int own =
        api.post(DOCS, f.draftJson("审核人自己起草的通知"), f.reviewer().username(), PASSWORD).json("$.id");
    api.post(DOCS + "/" + own + "/submit", null, f.reviewer().username(), PASSWORD);
    Api.Response refused =
        api.post(
            DOCS + "/" + own + "/approve",
            "{\"confidentialityChecked\":true}",
            f.reviewer().username(),
            PASSWORD);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.<String>json("$.type")).endsWith("review.own-work");
    assertThat(
            api.post(
                    DOCS + "/" + own + "/approve",
                    "{\"confidentialityChecked\":true}",
                    f.agencyAdmin().username(),
                    PASSWORD)
                .status())
        .as("a second person does")
        .isEqualTo(200);

    int edited =
        api.post(DOCS, f.draftJson("编辑起草、审核人修改的通知"), f.editor().username(), PASSWORD).json("$.id");
    assertThat(
            api.put(DOCS + "/" + edited, f.draftJson("审核人改过的标题"), f.reviewer().username(), PASSWORD)
                .status())
        .isEqualTo(200);
    api.post(DOCS + "/" + edited + "/submit", null, f.editor().username(), PASSWORD);
    assertThat(
            api.post(
                    DOCS + "/" + edited + "/approve",
                    "{\"confidentialityChecked\":true}",
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .as("changing a draft makes one its author")
        .isEqualTo(403);
  }

  @Test
  void withdrawnDocumentsAnswerGoneAndLeaveEveryList() {
    Fixture f = newAgency();
    Api api = api();
    int id = publish(api, f, "将被撤销的通知");
    Api.Response noReason =
        api.post(DOCS + "/" + id + "/withdraw", "{}", f.reviewer().username(), PASSWORD);
    assertThat(noReason.status()).isEqualTo(400);
    assertThat((String) noReason.json("$.errors[0].field")).isEqualTo("reason");
    assertThat(api.get("/documents/" + id).status())
        .as("a refused withdrawal changes nothing")
        .isEqualTo(200);

    assertThat(
            api.post(
                    DOCS + "/" + id + "/withdraw",
                    "{\"reason\":\"内容有误\"}",
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(api.get("/documents/" + id).status()).isEqualTo(410);
    assertThat(api.get("/api/v1/documents/" + id).status()).isEqualTo(410);
    assertThat(api.get("/api/v1/documents/" + id).headers().getContentType())
        .hasToString("application/problem+json");
    assertThat((Integer) api.get("/api/v1/documents?agency=" + f.agency().code()).json("$.total"))
        .isZero();
    assertThat(api.get("/agencies/" + f.agency().code() + "/feed.atom").body())
        .doesNotContain("/documents/" + id + "\"");
    assertThat(api.get("/sitemaps/documents-" + id / 50_000 + ".xml").body())
        .doesNotContain("/documents/" + id + "</loc>");
  }

  @Test
  void revisionKeepsTheIndexNumberAndShowsTheChangeHistory() {
    Fixture f = newAgency();
    Api api = api();
    int id = publish(api, f, "第一版标题");
    String indexNumber = api.get("/api/v1/documents/" + id).json("$.indexNumber");
    assertThat(
            api.post(DOCS + "/" + id + "/revise", null, f.editor().username(), PASSWORD).status())
        .isEqualTo(200);
    String revised =
        f.draftJson("第二版标题").replace("}", ",\"changeNote\":\"更正第三条\",\"validity\":\"EXPIRED\"}");
    assertThat(api.put(DOCS + "/" + id, revised, f.editor().username(), PASSWORD).status())
        .isEqualTo(200);
    assertThat((String) api.get("/api/v1/documents/" + id).json("$.title"))
        .as("the live edition stays until the new one is published")
        .isEqualTo("第一版标题");
    api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    api.post(
        DOCS + "/" + id + "/approve",
        "{\"confidentialityChecked\":true}",
        f.reviewer().username(),
        PASSWORD);
    api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD);

    Api.Response detail = api.get("/api/v1/documents/" + id);
    assertThat((String) detail.json("$.title")).isEqualTo("第二版标题");
    assertThat((String) detail.json("$.indexNumber")).isEqualTo(indexNumber);
    assertThat((String) detail.json("$.validity")).isEqualTo("EXPIRED");
    assertThat((Integer) detail.json("$.edition")).isEqualTo(2);
    List<Object> history = detail.json("$.history");
    assertThat(history).hasSize(2);
    assertThat(api.get("/documents/" + id).body()).contains("更正第三条", "修订记录");
    assertThat((Integer) api.get("/api/v1/documents?agency=" + f.agency().code()).json("$.total"))
        .isEqualTo(1);
  }

  @Test
  void refusesIllegalTransitionsAndChangesNothing() {
    Fixture f = newAgency();
    Api api = api();
    int id = api.post(DOCS, f.draftJson("草稿"), f.editor().username(), PASSWORD).json("$.id");
    Api.Response publish =
        api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD);
    assertThat(publish.status()).isEqualTo(409);
    assertThat(publish.headers().getContentType()).hasToString("application/problem+json");
    assertThat((String) publish.json("$.detail")).contains("DRAFT");
    Api.Response approve =
        api.post(
            DOCS + "/" + id + "/approve",
            "{\"confidentialityChecked\":true}",
            f.reviewer().username(),
            PASSWORD);
    assertThat(approve.status()).isEqualTo(409);
    api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    Api.Response unchecked =
        api.post(
            DOCS + "/" + id + "/approve",
            "{\"confidentialityChecked\":false}",
            f.reviewer().username(),
            PASSWORD);
    assertThat(unchecked.status()).isEqualTo(400);
    assertThat((String) unchecked.json("$.errors[0].field")).isEqualTo("confidentialityChecked");
    assertThat(api.put(DOCS + "/" + id, f.draftJson("改"), f.editor().username(), PASSWORD).status())
        .as("submitted editions are not editable")
        .isEqualTo(409);
    Api.Response doc = api.get(DOCS + "/" + id, f.editor().username(), PASSWORD);
    assertThat((String) doc.json("$.working.state")).isEqualTo("SUBMITTED");
    assertThat((String) doc.json("$.working.title")).isEqualTo("草稿");
  }

  @Test
  void validationErrorsAreProblemDetailsWithFieldMessagesAndSaveNothing() {
    Fixture f = newAgency();
    Api api = api();
    long before = jdbc.sql("SELECT COUNT(*) FROM document").query(Long.class).single();
    Api.Response missing =
        api.post(
            DOCS,
            "{\"agency\":\"" + f.agency().code() + "\",\"body\":\"\"}",
            f.editor().username(),
            PASSWORD);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.headers().getContentType()).hasToString("application/problem+json");
    List<String> fields = missing.json("$.errors[*].field");
    assertThat(fields).contains("title", "column", "body");
    List<String> messages = missing.json("$.errors[*].message");
    assertThat(messages).contains("请填写标题。");

    Api.Response wrongColumn =
        api.post(
            DOCS,
            f.draftJson("标题")
                .replace(
                    "\"column\":" + f.policies().id(), "\"column\":" + newAgency().policies().id()),
            f.editor().username(),
            PASSWORD);
    assertThat(wrongColumn.status()).isEqualTo(400);
    assertThat((String) wrongColumn.json("$.errors[0].field")).isEqualTo("column");

    Api.Response repealed =
        api.post(
            DOCS,
            f.draftJson("标题").replace("}", ",\"validity\":\"REPEALED\"}"),
            f.editor().username(),
            PASSWORD);
    assertThat((String) repealed.json("$.errors[0].field")).isEqualTo("repealedOn");

    Api.Response malformed = api.post(DOCS, "{not json", f.editor().username(), PASSWORD);
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM document").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void staffOfOneAgencyCannotReadOrChangeAnotherAgencysDrafts() {
    Fixture mine = newAgency();
    Fixture theirs = newAgency();
    Api api = api();
    int id =
        api.post(DOCS, theirs.draftJson("他人草稿"), theirs.editor().username(), PASSWORD).json("$.id");
    assertThat(api.get(DOCS + "/" + id, mine.editor().username(), PASSWORD).status())
        .isEqualTo(403);
    assertThat(
            api.put(DOCS + "/" + id, theirs.draftJson("篡改"), mine.editor().username(), PASSWORD)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(DOCS + "/" + id + "/submit", null, mine.reviewer().username(), PASSWORD)
                .status())
        .isEqualTo(403);
    assertThat(
            api.post(DOCS, theirs.draftJson("越权新建"), mine.editor().username(), PASSWORD).status())
        .isEqualTo(403);
    Api.Response list = api.get(DOCS, mine.editor().username(), PASSWORD);
    assertThat((Integer) list.json("$.total")).isZero();
    assertThat(
            (String)
                api.get(DOCS + "/" + id, theirs.editor().username(), PASSWORD)
                    .json("$.working.title"))
        .isEqualTo("他人草稿");
    assertThat(api.get(DOCS + "/" + id, "nobody", "wrong").status()).isEqualTo(401);
    assertThat(api.get(DOCS + "/" + id).status()).isEqualTo(401);
  }

  @Test
  void interpretationsAreLinkedBothWays() {
    Fixture f = newAgency();
    Api api = api();
    int policy = publish(api, f, "关于印发《测试办法》的通知");
    String json =
        "{\"agency\":\""
            + f.agency().code()
            + "\",\"column\":"
            + f.interpretations().id()
            + ",\"title\":\"《测试办法》政策解读\",\"kind\":\"INTERPRETATION\",\"interpretationOf\":["
            + policy
            + "],"
            + "\"body\":\"<p>解读。</p>\"}";
    int interpretation = api.post(DOCS, json, f.editor().username(), PASSWORD).json("$.id");
    api.post(DOCS + "/" + interpretation + "/submit", null, f.editor().username(), PASSWORD);
    api.post(
        DOCS + "/" + interpretation + "/approve",
        "{\"confidentialityChecked\":true}",
        f.reviewer().username(),
        PASSWORD);
    api.post(DOCS + "/" + interpretation + "/publish", null, f.reviewer().username(), PASSWORD);

    assertThat((Integer) api.get("/api/v1/documents/" + policy).json("$.interpretations[0].id"))
        .isEqualTo(interpretation);
    assertThat(
            (Integer)
                api.get("/api/v1/documents/" + interpretation).json("$.interpretedPolicies[0].id"))
        .isEqualTo(policy);
    assertThat(api.get("/documents/" + policy).body()).contains("《测试办法》政策解读");
    assertThat(api.get("/documents/" + interpretation).body()).contains("关于印发《测试办法》的通知");
  }

  @Test
  void attachmentsAreCheckedByContentAndServedOnlyWhenPublished() throws Exception {
    Fixture f = newAgency();
    Api api = api();
    int id = api.post(DOCS, f.draftJson("带附件"), f.editor().username(), PASSWORD).json("$.id");
    byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();
    Api.Response ok =
        api.upload(
            DOCS + "/" + id + "/attachments", "附件一.pdf", pdf, f.editor().username(), PASSWORD);
    assertThat(ok.status()).isEqualTo(201);
    assertThat((String) ok.json("$.mediaType")).isEqualTo("application/pdf");
    int attachmentId = ok.json("$.id");
    Api.Response fake =
        api.upload(
            DOCS + "/" + id + "/attachments",
            "evil.pdf",
            "<script>alert(1)</script>".getBytes(),
            f.editor().username(),
            PASSWORD);
    assertThat(fake.status()).isEqualTo(400);
    assertThat((String) fake.json("$.errors[0].field")).isEqualTo("file");
    Api.Response renamed =
        api.upload(
            DOCS + "/" + id + "/attachments", "table.xlsx", pdf, f.editor().username(), PASSWORD);
    assertThat(renamed.status()).as("content and extension must agree").isEqualTo(400);

    assertThat(api.get("/documents/" + id + "/attachments/" + attachmentId).status())
        .isEqualTo(404);
    api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    api.post(
        DOCS + "/" + id + "/approve",
        "{\"confidentialityChecked\":true}",
        f.reviewer().username(),
        PASSWORD);
    api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD);
    var download = api.download("/documents/" + id + "/attachments/" + attachmentId);
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getBody()).isEqualTo(pdf);
    assertThat(download.getHeaders().getContentType()).hasToString("application/pdf");
    assertThat(api.get("/api/v1/documents/" + id).body()).contains("附件一.pdf");
  }

  @Test
  void aWithdrawnDocumentsAttachmentIsNotKeptByCachesDownstream() {
    Fixture f = newAgency();
    Api api = api();
    int id = api.post(DOCS, f.draftJson("附件将撤回"), f.editor().username(), PASSWORD).json("$.id");
    byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();
    int attachmentId =
        api.upload(
                DOCS + "/" + id + "/attachments", "附件二.pdf", pdf, f.editor().username(), PASSWORD)
            .json("$.id");
    api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    api.post(
        DOCS + "/" + id + "/approve",
        "{\"confidentialityChecked\":true}",
        f.reviewer().username(),
        PASSWORD);
    api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD);
    String path = "/documents/" + id + "/attachments/" + attachmentId;
    Api.Response first = api.get(path);
    assertThat(first.status()).isEqualTo(200);
    CacheControl control = CacheControl.parse(first.headers().getCacheControl());
    assertThat(control.maxAgeSeconds())
        .as("kept downstream no longer than a public page: " + first.headers().getCacheControl())
        .isBetween(0L, 60L);
    String etag = first.headers().getETag();
    assertThat(etag).isNotBlank();
    assertThat(api.with("If-None-Match", etag).get(path).status()).isEqualTo(304);

    api.post(
        DOCS + "/" + id + "/withdraw", "{\"reason\":\"附件有误\"}", f.reviewer().username(), PASSWORD);
    Api.Response revalidated = api.with("If-None-Match", etag).get(path);
    assertThat(revalidated.status())
        .as("a cache revalidating the withdrawn file is told it is gone")
        .isIn(404, 410);
  }

  /** The parts of a Cache-Control header this test reads. */
  private record CacheControl(long maxAgeSeconds) {
    static CacheControl parse(String header) {
      var m = Pattern.compile("max-age=(\\d+)").matcher(String.valueOf(header));
      return new CacheControl(m.find() ? Long.parseLong(m.group(1)) : -1);
    }
  }

  @Test
  void exportsTheWholeCatalogAsJsonLinesWithItsFiles() throws Exception {
    Fixture f = newAgency();
    Api api = api();
    int id = api.post(DOCS, f.draftJson("待迁移的文件"), f.editor().username(), PASSWORD).json("$.id");
    byte[] pdf =
        "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n迁移"
            .getBytes(StandardCharsets.UTF_8);
    api.upload(DOCS + "/" + id + "/attachments", "附件.pdf", pdf, f.editor().username(), PASSWORD);
    api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    api.post(
        DOCS + "/" + id + "/approve",
        "{\"confidentialityChecked\":true}",
        f.reviewer().username(),
        PASSWORD);
    api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD);
    api.post(DOCS + "/" + id + "/revise", null, f.editor().username(), PASSWORD);

    assertThat(
            api.get("/api/v1/admin/exports/catalog", f.agencyAdmin().username(), PASSWORD).status())
        .isEqualTo(403);
    byte[] zip =
        RestClient.create()
            .get()
            .uri("http://localhost:" + port + "/api/v1/admin/exports/catalog")
            .headers(h -> h.setBasicAuth("admin", ADMIN_PASSWORD))
            .retrieve()
            .body(byte[].class);
    Map<String, byte[]> entries = new HashMap<>();
    try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.put(e.getName(), in.readAllBytes());
      }
    }
    String documents = new String(entries.get("documents.jsonl"), StandardCharsets.UTF_8);
    String line =
        documents.lines().filter(l -> l.contains("\"id\":" + id + ",")).findFirst().orElseThrow();
    assertThat(JsonPath.<String>read(line, "$.agency")).isEqualTo(f.agency().code());
    assertThat(JsonPath.<List<String>>read(line, "$.editions[*].state"))
        .containsExactly("PUBLISHED", "DRAFT");
    String path = JsonPath.read(line, "$.editions[0].attachments[0].path");
    assertThat(entries.get(path)).isEqualTo(pdf);
    assertThat(new String(entries.get("agencies.jsonl"), StandardCharsets.UTF_8))
        .contains(f.agency().code(), f.policies().name());
  }

  @Test
  void theOpenApiWithholdsTheContentOfEntriesDisclosedOnRequest() {
    Fixture f = newAgency();
    Api api = api();
    String draft =
        f.draftJson("依申请公开的目录条目")
            .replace("\"body\":", "\"disclosureMode\":\"ON_REQUEST\",\"body\":")
            .replace("正文内容", "只向申请人提供的内容");
    int id = api.post(DOCS, draft, f.editor().username(), PASSWORD).json("$.id");
    byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();
    int attachment =
        api.upload(DOCS + "/" + id + "/attachments", "附件.pdf", pdf, f.editor().username(), PASSWORD)
            .json("$.id");
    api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    api.post(
        DOCS + "/" + id + "/approve",
        "{\"confidentialityChecked\":true}",
        f.reviewer().username(),
        PASSWORD);
    assertThat(
            api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD)
                .status())
        .isEqualTo(200);

    Api.Response detail = api.get("/api/v1/documents/" + id);
    assertThat(detail.status()).isEqualTo(200);
    assertThat(detail.<String>json("$.title")).isEqualTo("依申请公开的目录条目");
    assertThat(detail.<String>json("$.disclosureMode")).isEqualTo("ON_REQUEST");
    assertThat(detail.body()).doesNotContain("只向申请人提供的内容", "附件.pdf");
    assertThat(api.get("/documents/" + id).body()).doesNotContain("只向申请人提供的内容");
    assertThat(api.get("/documents/" + id + "/attachments/" + attachment).status()).isEqualTo(404);
  }

  @Test
  void publicApiListsAgenciesAndColumns() {
    Fixture parent = newAgency();
    Fixture child = newAgency(parent.agency().id());
    Api api = api();
    Api.Response agenciesJson = api.get("/api/v1/agencies");
    List<String> parents =
        agenciesJson.json("$[?(@.code == '" + child.agency().code() + "')].parentCode");
    assertThat(parents).containsExactly(parent.agency().code());
    List<String> columns =
        api.get("/api/v1/agencies/" + child.agency().code() + "/columns").json("$[*].name");
    assertThat(columns)
        .contains(
            "机构职能",
            "政策文件",
            "政策解读",
            "规划计划",
            "统计信息",
            "财政预决算",
            "行政权力",
            "通知公告",
            "部门动态",
            "人事信息",
            "政府信息公开年度报告");
    assertThat(api.get("/api/v1/agencies/000000000/columns").status()).isEqualTo(404);
    assertThat(api.get("/v3/api-docs").body()).contains("/api/v1/documents");
  }

  @Test
  void healthIsUpWhenDatabaseAndDataFolderWork() {
    Api.Response health = api().get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat((String) health.json("$.status")).isEqualTo("UP");
  }

  @Test
  void indexNumbersStayUniqueAndGaplessWhenEightReviewersPublishAtOnce() throws Exception {
    Fixture f = newAgency();
    int documents = 16;
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < documents; i++) {
      DocumentForm form = new DocumentForm();
      form.setAgency(f.agency().code());
      form.setColumn(f.policies().id());
      form.setTitle("并发发布 " + i);
      form.setBody("<p>正文</p>");
      long id = editorial.createDraft(form, f.editor());
      editorial.submit(id, f.editor());
      editorial.approve(id, true, null, f.reviewer());
      ids.add(id);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    for (Long id : ids) {
      futures.add(
          pool.submit(
              () -> {
                start.await();
                editorial.publish(id, null, f.reviewer());
                return null;
              }));
    }
    start.countDown();
    for (var future : futures) {
      future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<String> numbers =
        jdbc.sql("SELECT index_number FROM document WHERE agency_id = ?")
            .param(f.agency().id())
            .query(String.class)
            .list();
    assertThat(numbers).hasSize(documents).doesNotHaveDuplicates();
    List<Integer> sequences =
        numbers.stream()
            .map(n -> Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)))
            .sorted()
            .toList();
    assertThat(sequences).isEqualTo(IntStream.rangeClosed(1, documents).boxed().toList());
  }

  @Test
  void aWithdrawnDocumentKeepsItsIndexNumberAndNoOtherDocumentGetsIt() {
    Fixture f = newAgency();
    Api api = api();
    int first = publish(api, f, "第一件");
    String number =
        jdbc.sql("SELECT index_number FROM document WHERE id = ?")
            .param(first)
            .query(String.class)
            .single();
    api.post(
        DOCS + "/" + first + "/withdraw", "{\"reason\":\"重复\"}", f.reviewer().username(), PASSWORD);
    int second = publish(api, f, "第二件");
    assertThat(
            jdbc.sql("SELECT index_number FROM document WHERE id = ?")
                .param(first)
                .query(String.class)
                .single())
        .isEqualTo(number);
    String next = api.get("/api/v1/documents/" + second).json("$.indexNumber");
    assertThat(next).isNotEqualTo(number).endsWith("-00002");
  }

  @Test
  void schedulesAPublicationAndPublishesItWhenItsTimeComes() {
    Fixture f = newAgency();
    Api api = api();
    int id = api.post(DOCS, f.draftJson("定时发布的公告"), f.editor().username(), PASSWORD).json("$.id");
    api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    api.post(
        DOCS + "/" + id + "/approve",
        "{\"confidentialityChecked\":true}",
        f.reviewer().username(),
        PASSWORD);
    OffsetDateTime tomorrow = OffsetDateTime.now().plusDays(1).withNano(0);
    Api.Response scheduled =
        api.post(
            DOCS + "/" + id + "/publish",
            "{\"at\":\"" + tomorrow + "\"}",
            f.reviewer().username(),
            PASSWORD);
    assertThat((String) scheduled.json("$.working.state")).isEqualTo("SCHEDULED");
    assertThat(api.get("/documents/" + id).status()).isEqualTo(404);
    editorial.publishDue();
    assertThat(api.get("/documents/" + id).status()).as("not before its time").isEqualTo(404);

    // The time comes: move the schedule into the past rather than waiting for it.
    jdbc.sql("UPDATE edition SET scheduled_for = ? WHERE document_id = ? AND state = 'SCHEDULED'")
        .params(OffsetDateTime.now().minusMinutes(1), id)
        .update();
    assertThat(editorial.publishDue()).isGreaterThanOrEqualTo(1);
    assertThat(api.get("/documents/" + id).status()).isEqualTo(200);
    assertThat(api.get(DOCS + "/" + id + "/audit", f.editor().username(), PASSWORD).body())
        .contains("document.schedule", "\"actor\":\"system\"");
  }

  protected int publish(Api api, Fixture f, String title) {
    int id = api.post(DOCS, f.draftJson(title), f.editor().username(), PASSWORD).json("$.id");
    api.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
    api.post(
        DOCS + "/" + id + "/approve",
        "{\"confidentialityChecked\":true}",
        f.reviewer().username(),
        PASSWORD);
    assertThat(
            api.post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD)
                .status())
        .isEqualTo(200);
    return id;
  }
}
