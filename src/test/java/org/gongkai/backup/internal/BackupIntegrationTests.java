package org.gongkai.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.storage.DataDirectory;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.PostgresTestDatabase;
import org.gongkai.support.PublicSubmissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * A backup written while the platform runs, restored into a fresh data folder with a fresh H2
 * database and into a fresh PostgreSQL database: every row of every table, every file byte for
 * byte, and the refusals that change nothing.
 */
class BackupIntegrationTests extends PlatformIntegrationTests {

  private static final List<String> LOCATIONS =
      List.of("classpath:db/migration/common", "classpath:db/migration/{vendor}");
  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @TempDir Path temp;

  @Autowired PersonalDataCipher keys;

  @Autowired DataDirectory data;

  private Fixture f;
  private long documentId;
  private String requestCode;

  @BeforeEach
  void content() {
    f = newAgency();
    Api api = api();
    Api.Response created =
        api.post(
            "/api/v1/admin/documents",
            f.draftJson("关于印发备份演练办法的通知"),
            f.editor().username(),
            PASSWORD);
    documentId = ((Number) created.json("$.id")).longValue();
    String docs = "/api/v1/admin/documents/" + documentId;
    assertThat(
            api.upload(docs + "/attachments", "附件.pdf", PDF, f.editor().username(), PASSWORD)
                .status())
        .isEqualTo(201);
    publish(docs);
    assertThat(api.post(docs + "/revise", null, f.editor().username(), PASSWORD).status())
        .isEqualTo(200);
    publish(docs);
    Api.Response ack =
        api.post(
            "/api/v1/foi/requests",
            api.answered(PublicSubmissions.request(f.agency().code(), "backup")),
            null,
            null);
    requestCode = ack.json("$.trackingCode");
    long requestId =
        jdbc.sql("SELECT id FROM foi_request WHERE tracking_code = ?")
            .param(requestCode)
            .query(Long.class)
            .single();
    Api.Response registered =
        api.post(
            "/api/v1/admin/foi/requests/" + requestId + "/register",
            "{\"receivedOn\":\"" + LocalDate.now(clock) + "\"}",
            f.editor().username(),
            PASSWORD);
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    assertThat(
            api.post(
                    "/api/v1/mailbox/messages",
                    api.answered(PublicSubmissions.message(f.agency().code(), "backup")),
                    null,
                    null)
                .status())
        .isEqualTo(201);
  }

  private void publish(String docs) {
    Api api = api();
    assertThat(api.post(docs + "/submit", null, f.editor().username(), PASSWORD).status())
        .isEqualTo(200);
    assertThat(
            api.post(
                    docs + "/approve",
                    "{\"confidentialityChecked\":true,\"comment\":\"无涉密内容\"}",
                    f.reviewer().username(),
                    PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(api.post(docs + "/publish", null, f.reviewer().username(), PASSWORD).status())
        .isEqualTo(200);
  }

  @Test
  void restoresEveryRowAndFileIntoAFreshFolderAndAFreshPostgresDatabase() throws Exception {
    Path archive = downloadNewBackup();

    Path folder = temp.resolve("restored-h2");
    try (HikariDataSource h2 = h2In(folder)) {
      assertThat(restore(h2, folder, archive).code()).isZero();
      assertSameRows(plain(archive), h2);
      assertThat(h2Count(h2, "SELECT COUNT(*) FROM edition WHERE document_id = " + documentId))
          .isEqualTo(2);
      assertThat(
              h2Count(
                  h2,
                  "SELECT COUNT(*) FROM foi_event e JOIN foi_request r ON r.id = e.request_id"
                      + " WHERE r.tracking_code = '"
                      + requestCode
                      + "'"))
          .isEqualTo(2);
    }
    assertSameFiles(plain(archive), folder);
    String sha =
        jdbc.sql(
                "SELECT a.sha256 FROM attachment a JOIN edition e ON e.id = a.edition_id WHERE e.document_id = ?"
                    + " ORDER BY a.id LIMIT 1")
            .param(documentId)
            .query(String.class)
            .single();
    assertThat(
            Files.readAllBytes(
                folder
                    .resolve("attachments")
                    .resolve(sha.substring(0, 2))
                    .resolve(sha.substring(2, 4))
                    .resolve(sha)))
        .isEqualTo(PDF);

    String url = PostgresTestDatabase.fresh();
    try (HikariDataSource pg =
        dataSource(url, PostgresTestDatabase.user(), PostgresTestDatabase.password())) {
      Path pgFolder = temp.resolve("restored-pg");
      assertThat(restore(pg, pgFolder, archive).code()).isZero();
      assertSameRows(plain(archive), pg);
      assertSameFiles(plain(archive), pgFolder);
      try (Connection c = pg.getConnection()) {
        c.createStatement()
            .execute(
                "INSERT INTO audit_record (occurred_at, actor, action, subject_type, subject_id)"
                    + " VALUES (CURRENT_TIMESTAMP, 'test', 'after-restore', 'test', '1')");
      }
      assertThat(h2Count(pg, "SELECT MAX(id) FROM audit_record"))
          .as("identities continue after the restored rows")
          .isGreaterThan(
              h2Count(pg, "SELECT COUNT(*) FROM audit_record WHERE actor <> 'test'") - 1);
    }
  }

  @Test
  void refusesAndChangesNothingWhenTheTargetIsNotEmptyOrTheArchiveIsDamagedOrNewer()
      throws Exception {
    Path archive = downloadNewBackup();
    Path folder = temp.resolve("once");
    try (HikariDataSource h2 = h2In(folder)) {
      assertThat(restore(h2, folder, archive).code()).isZero();
      Outcome again = restore(h2, folder, archive);
      assertThat(again.code()).isEqualTo(2);
      assertThat(again.output()).contains("不是空的");
    }

    Path emptyFolder = temp.resolve("empty");
    Files.createDirectories(emptyFolder);
    Path populatedDb = temp.resolve("populated");
    try (HikariDataSource populated = h2In(populatedDb)) {
      try (Connection c = populated.getConnection()) {
        c.createStatement().execute("CREATE TABLE something_else (id INT)");
      }
      Outcome notEmpty = restore(populated, emptyFolder, archive);
      assertThat(notEmpty.code()).isEqualTo(2);
      assertThat(notEmpty.output()).contains("数据库不是空的");
    }

    Path damaged =
        rewrite(
            archive,
            "db/agency.jsonl",
            bytes -> {
              bytes[bytes.length / 2] ^= 1;
              return bytes;
            });
    Path newer =
        rewrite(
            archive,
            Archive.MANIFEST,
            bytes ->
                new String(bytes, StandardCharsets.UTF_8)
                    .replaceFirst(
                        "\"schemaVersion\"\\s*:\\s*\"[^\"]*\"", "\"schemaVersion\":\"999\"")
                    .getBytes(StandardCharsets.UTF_8));
    for (var refused : Map.of(damaged, "校验和不符", newer, "更新的数据库结构").entrySet()) {
      Path target = temp.resolve("target-" + refused.getKey().getFileName());
      try (HikariDataSource h2 = h2In(target)) {
        Outcome outcome = restore(h2, target, refused.getKey());
        assertThat(outcome.code()).as(outcome.output()).isEqualTo(2);
        assertThat(outcome.output()).contains(refused.getValue()).contains("未作任何更改");
        assertThat(
                h2Count(
                    h2,
                    "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'"))
            .as("nothing created")
            .isZero();
      }
      assertThat(Files.list(target).filter(p -> !p.getFileName().toString().equals("db")).toList())
          .isEmpty();
    }
  }

  @Test
  void archivesAreEncryptedOwnerOnlyWithoutSessionsAndRestoreTakesNothingElse() throws Exception {
    Path archive = downloadNewBackup();
    byte[] head = Arrays.copyOf(Files.readAllBytes(archive), 4);
    assertThat(new String(head, StandardCharsets.US_ASCII))
        .as("not a readable ZIP")
        .isNotEqualTo("PK\u0003\u0004");
    Path stored = data.root().resolve("backups").resolve(archive.getFileName().toString());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(stored)))
        .isEqualTo("rw-------");
    try (ZipFile zip = new ZipFile(plain(archive).toFile())) {
      for (String leftOut :
          List.of(
              "spring_session", "spring_session_attributes", "login_failure", "challenge_use")) {
        assertThat(zip.getEntry(Archive.DB + leftOut + ".jsonl")).as(leftOut).isNull();
      }
      assertThat(zip.getEntry(Archive.DB + "account.jsonl")).isNotNull();
    }

    Path flipped = temp.resolve("flipped.zip");
    byte[] bytes = Files.readAllBytes(archive);
    bytes[bytes.length / 2] ^= 1;
    Files.write(flipped, bytes);
    Path unencrypted = plain(archive);
    Path outside =
        rewriteWithExtraEntry(
            archive, "files/db/gongkai.mv.db", "replaced".getBytes(StandardCharsets.UTF_8));
    Path session =
        rewriteWithExtraEntry(
            archive, "db/spring_session.jsonl", "{}".getBytes(StandardCharsets.UTF_8));
    for (var refused :
        Map.of(
                flipped, "无法用当前的个人信息密钥解密",
                unencrypted, "未加密",
                outside, "不属于可恢复的内容",
                session, "不属于可恢复的内容")
            .entrySet()) {
      Path target = temp.resolve("target-" + refused.getKey().getFileName());
      try (HikariDataSource h2 = h2In(target)) {
        Outcome outcome = restore(h2, target, refused.getKey());
        assertThat(outcome.code()).as(outcome.output()).isEqualTo(2);
        assertThat(outcome.output()).contains(refused.getValue()).contains("未作任何更改");
      }
    }
  }

  /** The archive with one more entry, listed in its manifest with the right checksum, sealed. */
  private Path rewriteWithExtraEntry(Path archive, String name, byte[] content) throws IOException {
    Path copy = temp.resolve("extra-" + name.replace('/', '-') + ".zip");
    var json = ArchiveJson.mapper();
    try (ZipFile zip = new ZipFile(plain(archive).toFile());
        OutputStream out = keys.archives().seal(Files.newOutputStream(copy));
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        byte[] bytes = zip.getInputStream(entry).readAllBytes();
        if (entry.getName().equals(Archive.MANIFEST)) {
          Archive.Manifest m = json.readValue(bytes, Archive.Manifest.class);
          List<Archive.Entry> entries = new ArrayList<>(m.entries());
          entries.add(
              new Archive.Entry(
                  name,
                  content.length,
                  HexFormat.of().formatHex(Archive.sha256().digest(content)),
                  null));
          bytes =
              json.writeValueAsBytes(
                  new Archive.Manifest(
                      m.format(),
                      m.createdAt(),
                      m.platformVersion(),
                      m.schemaVersion(),
                      m.database(),
                      entries,
                      m.settings(),
                      m.auditChainHead()));
          z.putNextEntry(new ZipEntry(name));
          z.write(content);
          z.closeEntry();
        }
        z.putNextEntry(new ZipEntry(entry.getName()));
        z.write(bytes);
        z.closeEntry();
      }
    }
    return copy;
  }

  @Test
  void listsBackupsForThePlatformAdminOnly() {
    Api.Response created = api().post("/api/v1/admin/backups", null, "admin", ADMIN_PASSWORD);
    assertThat(created.status()).isEqualTo(201);
    String name = created.json("$.name");
    assertThat(api().get("/api/v1/admin/backups", "admin", ADMIN_PASSWORD).body()).contains(name);
    assertThat(
            api()
                .post("/api/v1/admin/backups", null, f.agencyAdmin().username(), PASSWORD)
                .status())
        .isEqualTo(403);
    assertThat(
            api()
                .get("/api/v1/admin/backups/" + name, f.agencyAdmin().username(), PASSWORD)
                .status())
        .isEqualTo(403);
    assertThat(
            api()
                .get("/api/v1/admin/backups/..%2F..%2Fdb%2Fgongkai.mv.db", "admin", ADMIN_PASSWORD)
                .status())
        .isIn(400, 404);
  }

  private Path downloadNewBackup() throws IOException {
    Api.Response created = api().post("/api/v1/admin/backups", null, "admin", ADMIN_PASSWORD);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String name = created.json("$.name");
    String sha = created.json("$.sha256");
    ResponseEntity<byte[]> download =
        RestClient.create()
            .get()
            .uri("http://localhost:" + port + "/api/v1/admin/backups/" + name)
            .headers(h -> h.setBasicAuth("admin", ADMIN_PASSWORD))
            .retrieve()
            .toEntity(byte[].class);
    byte[] bytes = download.getBody();
    assertThat(HexFormat.of().formatHex(Archive.sha256().digest(bytes))).isEqualTo(sha);
    Path file = temp.resolve(name);
    Files.write(file, bytes);
    return file;
  }

  record Outcome(int code, String output) {}

  private Outcome restore(DataSource target, Path folder, Path archive) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    int code =
        new Restorer(
                target,
                folder,
                LOCATIONS,
                out,
                (key, args) -> source.getMessage(key, args, Locale.SIMPLIFIED_CHINESE),
                keys.archives(),
                false)
            .restore(archive);
    return new Outcome(code, buffer.toString(StandardCharsets.UTF_8));
  }

  /** Every table of the restored database holds exactly the rows the archive holds. */
  private static void assertSameRows(Path archive, DataSource restored) throws Exception {
    var json = ArchiveJson.mapper();
    try (ZipFile zip = new ZipFile(archive.toFile());
        Connection c = restored.getConnection()) {
      Map<String, String> dumped = new LinkedHashMap<>();
      for (Tables.Table table : Tables.of(c)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableRows.write(c, table, out, json);
        dumped.put(table.name(), out.toString(StandardCharsets.UTF_8));
      }
      int tables = 0;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entry.getName().startsWith(Archive.DB)) {
          String table =
              entry
                  .getName()
                  .substring(Archive.DB.length(), entry.getName().length() - ".jsonl".length());
          String archived =
              new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
          assertThat(normalized(dumped.get(table))).as(table).isEqualTo(normalized(archived));
          tables++;
        }
      }
      assertThat(tables).isGreaterThan(30);
    }
  }

  /**
   * Rows compared field by field whatever the column order, timestamps as instants to the nearest
   * microsecond: PostgreSQL rounds to microseconds where H2 keeps nanoseconds.
   */
  private static List<String> normalized(String jsonLines) {
    var json = ArchiveJson.mapper();
    List<String> rows = new ArrayList<>();
    for (String line : jsonLines.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      var node = json.readTree(line);
      TreeMap<String, String> fields = new TreeMap<>();
      for (String field : node.propertyNames()) {
        var value = node.get(field);
        String text =
            value.isNull() ? "null" : value.isString() ? value.asString() : value.toString();
        if (text.matches("\\d{4}-\\d\\d-\\d\\dT.*([+-]\\d\\d:\\d\\d|Z)")) {
          text =
              OffsetDateTime.parse(text)
                  .toInstant()
                  .plusNanos(500)
                  .truncatedTo(ChronoUnit.MICROS)
                  .toString();
        }
        fields.put(field, text);
      }
      rows.add(fields.toString());
    }
    return rows;
  }

  private static void assertSameFiles(Path archive, Path folder) throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      int files = 0;
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (entry.getName().startsWith(Archive.FILES)) {
          Path restored = folder.resolve(entry.getName().substring(Archive.FILES.length()));
          try (InputStream in = zip.getInputStream(entry)) {
            assertThat(Files.readAllBytes(restored))
                .as(entry.getName())
                .isEqualTo(in.readAllBytes());
          }
          files++;
        }
      }
      assertThat(files).isPositive();
    }
  }

  @FunctionalInterface
  interface Change {
    byte[] apply(byte[] bytes);
  }

  /** The archive decrypted, as a plain ZIP to look into. */
  private Path plain(Path archive) throws IOException {
    Path plain = temp.resolve("plain-" + archive.getFileName());
    try (InputStream in = keys.archives().open(Files.newInputStream(archive))) {
      Files.write(plain, in.readAllBytes());
    }
    return plain;
  }

  /**
   * The archive with one entry changed, encrypted again under the keys: what an insider holding
   * them could make. The manifest's checksums still catch it.
   */
  private Path rewrite(Path archive, String entryName, Change change) throws IOException {
    Path copy = temp.resolve("changed-" + entryName.replace('/', '-') + ".zip");
    try (ZipFile zip = new ZipFile(plain(archive).toFile());
        OutputStream out = keys.archives().seal(Files.newOutputStream(copy));
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        byte[] bytes = zip.getInputStream(entry).readAllBytes();
        z.putNextEntry(new ZipEntry(entry.getName()));
        z.write(entry.getName().equals(entryName) ? change.apply(bytes) : bytes);
        z.closeEntry();
      }
    }
    return copy;
  }

  private static HikariDataSource h2In(Path folder) {
    return dataSource("jdbc:h2:file:" + folder.resolve("db/gongkai"), "gongkai", "");
  }

  private static HikariDataSource dataSource(String url, String user, String password) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(url);
    ds.setUsername(user);
    ds.setPassword(password);
    ds.setMaximumPoolSize(2);
    return ds;
  }

  private static long h2Count(DataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection();
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
