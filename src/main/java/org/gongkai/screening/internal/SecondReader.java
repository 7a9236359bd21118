package org.gongkai.screening.internal;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.concurrent.TimeUnit;
import org.gongkai.screening.Redactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second reader of a redacted PDF, Poppler's {@code pdftotext}, where it is installed: two
 * independent text extractors disagree on enough files that one alone is not proof.
 */
final class SecondReader {

  private static final Logger log = LoggerFactory.getLogger(SecondReader.class);
  private static final Path PROGRAM = find();

  private SecondReader() {}

  static boolean available() {
    return PROGRAM != null;
  }

  /** Fails the redaction when pdftotext reads any hidden text out of the file. */
  static void prove(byte[] pdf, Collection<String> hidden) {
    if (PROGRAM == null || hidden.isEmpty()) {
      return;
    }
    String text = read(pdf);
    if (text == null) {
      return;
    }
    String joined = text.replaceAll("\\s+", "");
    for (String value : hidden) {
      if (text.contains(value) || joined.contains(value.replaceAll("\\s+", ""))) {
        throw new Redactions.RedactionFailed("a redacted text read by pdftotext");
      }
    }
  }

  /** The text pdftotext reads, or null when it could not run. */
  static String read(byte[] pdf) {
    Path file = null;
    Path text = null;
    try {
      file = Files.createTempFile("redacted", ".pdf");
      text = Files.createTempFile("redacted", ".txt");
      Files.write(file, pdf);
      Process process =
          new ProcessBuilder(
                  PROGRAM.toString(), "-q", "-enc", "UTF-8", file.toString(), text.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        log.warn("pdftotext took longer than a minute over a redacted file");
        return null;
      }
      if (process.exitValue() != 0) {
        log.warn("pdftotext could not read a redacted file (exit {})", process.exitValue());
        return null;
      }
      return Files.readString(text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      log.warn("pdftotext could not be run: {}", e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } finally {
      delete(file);
      delete(text);
    }
  }

  private static void delete(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.warn("A temporary file of a redaction could not be deleted: {}", e.getMessage());
      }
    }
  }

  private static Path find() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "pdftotext");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
