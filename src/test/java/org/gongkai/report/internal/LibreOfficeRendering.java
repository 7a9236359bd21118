package org.gongkai.report.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where LibreOffice and poppler are installed, an export is converted to PDF by LibreOffice
 * headless and its pages drawn as PNG by {@code pdftoppm}, under {@code target/report-render/}, for
 * a person to compare with the State Council's template (docs/reports/ keeps the reference
 * pictures). Where they are not, nothing happens: the structure is checked by the tests anyway.
 */
final class LibreOfficeRendering {

  static final Path OUT = Path.of("target", "report-render");

  private LibreOfficeRendering() {}

  static boolean installed() {
    return onPath("soffice") && onPath("pdftoppm");
  }

  /** Writes the file, converts it and returns the pages drawn (none without LibreOffice). */
  static List<Path> render(byte[] content, String fileName)
      throws IOException, InterruptedException {
    if (!installed()) {
      return List.of();
    }
    Files.createDirectories(OUT);
    Path file = OUT.resolve(fileName);
    Files.write(file, content);
    run(
        List.of(
            "soffice",
            "--headless",
            "-env:UserInstallation=file://" + OUT.toAbsolutePath().resolve("profile"),
            "--convert-to",
            "pdf",
            "--outdir",
            OUT.toString(),
            file.toString()));
    String base = fileName.substring(0, fileName.lastIndexOf('.'));
    Path pdf = OUT.resolve(base + ".pdf");
    run(List.of("pdftoppm", "-png", "-r", "70", pdf.toString(), OUT.resolve(base).toString()));
    try (var pages = Files.list(OUT)) {
      return pages
          .filter(
              p ->
                  p.getFileName().toString().startsWith(base + "-")
                      && p.toString().endsWith(".png"))
          .sorted()
          .toList();
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(OUT.resolve("render.log").toFile())
            .start();
    if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException(command.get(0) + " failed; see " + OUT.resolve("render.log"));
    }
  }

  private static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
