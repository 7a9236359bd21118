package org.gongkai.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.gongkai.support.FakeObjectStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Stored files in an S3-compatible object store, through the AWS SDK as in production. */
class S3FileStoreTests {

  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

  @TempDir Path dir;

  private FakeObjectStore objectStore;
  private S3Client s3;

  @BeforeEach
  void start() throws IOException {
    objectStore = new FakeObjectStore();
    s3 =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of("us-east-1"))
            .forcePathStyle(true)
            .endpointOverride(URI.create(objectStore.endpoint()))
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create("key", "secret")))
            .build();
  }

  @AfterEach
  void stop() {
    s3.close();
    objectStore.close();
  }

  private StoredFiles files() {
    DataDirectory data = new DataDirectory(dir);
    return new StoredFiles(
        new S3FileStore(s3, "files", "site/", data), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void storesReadsAndRewritesByContentHash() throws IOException {
    StoredFiles files = files();
    StoredFiles.StoredFile first =
        files.store("area", "a.pdf", PDF, Set.of(FileTypes.Type.PDF), IllegalStateException::new);
    StoredFiles.StoredFile again =
        files.store("area", "b.pdf", PDF, Set.of(FileTypes.Type.PDF), IllegalStateException::new);
    assertThat(again.sha256()).isEqualTo(first.sha256());
    String sha = first.sha256();
    assertThat(objectStore.keys())
        .containsExactly(
            "files/site/area/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha);
    assertThat(files.read("area", sha)).hasValue(PDF);
    assertThat(files.exists("area", sha)).isTrue();
    assertThat(regularFiles(dir.resolve("staging-area")))
        .as("nothing left in the staging folder")
        .isEmpty();

    byte[] sealed = "sealed bytes".getBytes(StandardCharsets.UTF_8);
    files.rewrite("area", sha, sealed);
    assertThat(files.read("area", sha)).hasValue(sealed);

    String missing = "0".repeat(64);
    assertThat(files.exists("area", missing)).isFalse();
    assertThat(files.read("area", missing)).isEmpty();
    assertThatThrownBy(() -> files.open("area", missing)).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> files.rewrite("area", missing, sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusedUploadsLeaveNothingInTheStore() {
    StoredFiles files = files();
    assertThatThrownBy(
            () ->
                files.store(
                    "area",
                    "a.png",
                    PDF,
                    Set.of(FileTypes.Type.PNG),
                    () -> new IllegalStateException("type")))
        .hasMessage("type");
    assertThat(objectStore.keys()).isEmpty();
  }

  @Test
  void sweepRemovesOnlyOldObjectsNoRecordNamesAndStagedLeftovers() throws IOException {
    StoredFiles files = files();
    String named =
        files
            .store("area", "a.pdf", PDF, Set.of(FileTypes.Type.PDF), IllegalStateException::new)
            .sha256();
    byte[] other =
        (new String(PDF, StandardCharsets.US_ASCII) + "x").getBytes(StandardCharsets.US_ASCII);
    String orphan =
        files
            .store("area", "b.pdf", other, Set.of(FileTypes.Type.PDF), IllegalStateException::new)
            .sha256();
    byte[] fresh =
        (new String(PDF, StandardCharsets.US_ASCII) + "y").getBytes(StandardCharsets.US_ASCII);
    String young =
        files
            .store("area", "c.pdf", fresh, Set.of(FileTypes.Type.PDF), IllegalStateException::new)
            .sha256();
    for (String sha : new String[] {named, orphan}) {
      objectStore.backdate(
          "files/site/area/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha,
          NOW.minus(Duration.ofDays(2)));
    }
    Path leftover = dir.resolve("staging-area/.upload-crashed.tmp");
    Files.write(leftover, PDF);
    Files.setLastModifiedTime(leftover, FileTime.from(NOW.minus(Duration.ofDays(2))));

    assertThat(files.sweep("area", named::equals, Duration.ofHours(24))).isEqualTo(2);
    assertThat(files.exists("area", named)).isTrue();
    assertThat(files.exists("area", young)).isTrue();
    assertThat(files.exists("area", orphan)).isFalse();
    assertThat(leftover).doesNotExist();
  }

  private static List<Path> regularFiles(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }
}
