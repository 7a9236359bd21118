package org.gongkai.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongkai.screening.Finding;
import org.gongkai.screening.FindingKind;
import org.junit.jupiter.api.Test;

/**
 * The scanner against a labelled set of sentences as they occur in published lists, decisions and
 * notices (src/test/resources/screening/samples.tsv): the positives of every kind, and the
 * look-alikes that are no personal data (document and index numbers, credit codes, amounts, office
 * lines, official mail, sentences about secrets). Precision and recall are printed and written to
 * {@code target/benchmark/scanner.json}.
 */
class ScannerPrecisionTests {

  @Test
  void precisionAndRecallOnTheLabelledSet() throws IOException {
    Scanner scanner = new Scanner();
    Map<FindingKind, int[]> counts = new EnumMap<>(FindingKind.class);
    List<String> misses = new ArrayList<>();
    int samples = 0;
    for (String line :
        Files.readAllLines(
            Path.of("src/test/resources/screening/samples.tsv"), StandardCharsets.UTF_8)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      samples++;
      String[] parts = line.split("\t", 2);
      String text = parts[1].replace("\\n", "\n");
      List<FindingKind> expected = new ArrayList<>();
      if (!parts[0].equals("-")) {
        for (String kind : parts[0].split(",")) {
          expected.add(FindingKind.valueOf(kind));
        }
      }
      List<FindingKind> found =
          new ArrayList<>(
              scanner.scanText("body", text, Set.of()).stream().map(Finding::kind).toList());
      for (FindingKind kind : expected) {
        int[] c = counts.computeIfAbsent(kind, k -> new int[3]);
        if (found.remove(kind)) {
          c[0]++;
        } else {
          c[2]++;
          misses.add("missed " + kind + ": " + text);
        }
      }
      for (FindingKind extra : found) {
        counts.computeIfAbsent(extra, k -> new int[3])[1]++;
        misses.add("false " + extra + ": " + text);
      }
    }
    int tp = counts.values().stream().mapToInt(c -> c[0]).sum();
    int fp = counts.values().stream().mapToInt(c -> c[1]).sum();
    int fn = counts.values().stream().mapToInt(c -> c[2]).sum();
    double precision = tp / (double) (tp + fp);
    double recall = tp / (double) (tp + fn);
    StringBuilder json =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "{\"samples\": %d, \"true_positives\": %d, \"false_positives\": %d,"
                    + " \"false_negatives\": %d, \"precision\": %.3f, \"recall\": %.3f, \"kinds\": {",
                samples,
                tp,
                fp,
                fn,
                precision,
                recall));
    String separator = "";
    for (var e : counts.entrySet()) {
      json.append(separator)
          .append(
              String.format(
                  Locale.ROOT,
                  "\"%s\": {\"tp\": %d, \"fp\": %d, \"fn\": %d}",
                  e.getKey(),
                  e.getValue()[0],
                  e.getValue()[1],
                  e.getValue()[2]));
      separator = ", ";
    }
    json.append("}}");
    System.out.println(json);
    Path out = Path.of("target", "benchmark", "scanner.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, json + "\n");
    assertThat(misses).as("every sample as labelled").isEmpty();
    assertThat(precision).isGreaterThanOrEqualTo(0.95);
    assertThat(recall).isGreaterThanOrEqualTo(0.95);
  }
}
