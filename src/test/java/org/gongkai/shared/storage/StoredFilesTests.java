package org.gongkai.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredFilesTests {

  private static final byte[] PDF =
      "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");

  @TempDir Path dir;

  private StoredFiles files() {
    return new StoredFiles(new DataDirectory(dir), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void storesByContentHashAndLeavesNoTemporaryFile() throws IOException {
    StoredFiles files = files();
    StoredFiles.StoredFile first =
        files.store("area", "a.pdf", PDF, Set.of(FileTypes.Type.PDF), IllegalStateException::new);
    StoredFiles.StoredFile second =
        files.store("area", "b.pdf", PDF, Set.of(FileTypes.Type.PDF), IllegalStateException::new);
    assertThat(second.sha256()).isEqualTo(first.sha256());
    assertThat(first.contentType()).isEqualTo("application/pdf");
    assertThat(files.read("area", first.sha256())).hasValue(PDF);
    assertThat(regularFiles()).hasSize(1);
  }

  @Test
  void refusesTooLargeOrWrongTypeAndKeepsNothing() throws IOException {
    StoredFiles files = files();
    StoredFiles.Limits limits =
        StoredFiles.Limits.of(
            10, Set.of(FileTypes.Type.PDF), () -> new IllegalStateException("refused"));
    assertThatThrownBy(() -> files.store("area", "a.pdf", new ByteArrayInputStream(PDF), limits))
        .hasMessage("refused");
    assertThatThrownBy(
            () ->
                files.store(
                    "area",
                    "a.png",
                    PDF,
                    Set.of(FileTypes.Type.PNG),
                    () -> new IllegalStateException("type")))
        .hasMessage("type");
    assertThat(regularFiles()).isEmpty();
  }

  @Test
  void sweepRemovesOnlyOldFilesNoRecordNames() throws IOException {
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
    Path leftover = dir.resolve("area/.upload-crashed.tmp");
    Files.write(leftover, PDF);
    for (String sha : new String[] {named, orphan}) {
      Files.setLastModifiedTime(
          files.existing("area", sha).orElseThrow(), FileTime.from(NOW.minus(Duration.ofDays(2))));
    }
    Files.setLastModifiedTime(leftover, FileTime.from(NOW.minus(Duration.ofDays(2))));

    int removed = files.sweep("area", named::equals, Duration.ofHours(24));

    assertThat(removed).isEqualTo(2);
    assertThat(files.exists("area", named)).isTrue();
    assertThat(files.exists("area", young))
        .as("a file younger than the grace period may still get its record")
        .isTrue();
    assertThat(files.exists("area", orphan)).isFalse();
    assertThat(leftover).doesNotExist();
  }

  @Test
  void storingContentAgainRenewsItSoTheSweepKeepsIt() throws IOException {
    StoredFiles files = files();
    String sha =
        files
            .store("area", "a.pdf", PDF, Set.of(FileTypes.Type.PDF), IllegalStateException::new)
            .sha256();
    Files.setLastModifiedTime(
        files.existing("area", sha).orElseThrow(), FileTime.from(NOW.minus(Duration.ofDays(2))));
    files.store("area", "again.pdf", PDF, Set.of(FileTypes.Type.PDF), IllegalStateException::new);
    assertThat(files.sweep("area", s -> false, Duration.ofHours(24))).isZero();
    assertThat(files.exists("area", sha)).isTrue();
  }

  @Test
  void readsFilesWhereOlderDataFoldersKeptThem() throws IOException {
    StoredFiles files = files();
    String sha =
        files
            .store("area", "a.pdf", PDF, Set.of(FileTypes.Type.PDF), IllegalStateException::new)
            .sha256();
    Path nested = files.existing("area", sha).orElseThrow();
    Files.move(nested, dir.resolve("area").resolve(sha));
    assertThat(files.read("area", sha)).hasValue(PDF);
  }

  private List<Path> regularFiles() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).toList();
    }
  }
}
