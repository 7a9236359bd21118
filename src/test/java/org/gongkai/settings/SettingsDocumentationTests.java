package org.gongkai.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README's settings tables and the settings the platform knows, as the configuration processor
 * writes them from the records (META-INF/spring-configuration-metadata.json): every gongkai.*
 * setting is in the "Running it for real" table, every gongkai.* name in either table is a setting,
 * and a default the table gives is the record's.
 */
class SettingsDocumentationTests {

  private static final Path README = Path.of("README.md");
  private static final Path METADATA =
      Path.of("target/classes/META-INF/spring-configuration-metadata.json");
  private static final Pattern CODE = Pattern.compile("`([^`]+)`");

  /** The settings by name, with their type and default (null when the metadata knows none). */
  private static Map<String, Setting> known;

  private static List<Row> running;
  private static List<Row> severalNodes;

  record Setting(String name, String type, String defaultValue) {}

  /** One table row: the settings its first cell names, and its other cells. */
  record Row(List<String> names, List<String> cells) {}

  @BeforeAll
  static void read() throws IOException {
    known = new LinkedHashMap<>();
    JsonNode metadata = JsonMapper.builder().build().readTree(Files.readString(METADATA));
    for (JsonNode property : metadata.get("properties")) {
      String name = property.get("name").asString();
      if (name.startsWith("gongkai.")) {
        known.put(
            name,
            new Setting(
                name, property.path("type").asString(""), defaultOf(property.get("defaultValue"))));
      }
    }
    List<String> readme = Files.readAllLines(README);
    running = table(readme, "## Running it for real");
    severalNodes = table(readme, "## Several nodes");
  }

  @Test
  void theMetadataHoldsThePlatformsSettings() {
    assertThat(known).containsKeys("gongkai.data-dir", "gongkai.foi.reminder-cron");
    assertThat(running).isNotEmpty();
    assertThat(severalNodes).isNotEmpty();
  }

  @Test
  void everySettingIsInTheReadme() {
    Set<String> documented =
        running.stream().flatMap(r -> r.names().stream()).collect(Collectors.toSet());
    Set<String> missing = new TreeSet<>(known.keySet());
    missing.removeAll(documented);
    assertThat(missing)
        .as("settings the records define but the README's table leaves out")
        .isEmpty();
  }

  @Test
  void everySettingTheReadmeNamesExists() {
    List<String> unknown = new ArrayList<>();
    for (Row row : concat(running, severalNodes)) {
      for (String name : row.names()) {
        if (!known.containsKey(name)) {
          unknown.add(name);
        }
      }
      for (String cell : row.cells()) {
        for (String code : codes(cell)) {
          if (code.startsWith("gongkai.") && !isKnown(code)) {
            unknown.add(code);
          }
        }
      }
    }
    assertThat(unknown).as("settings the README names that no record defines").isEmpty();
  }

  @Test
  void theReadmesDefaultsAreTheRecordsDefaults() {
    List<String> wrong = new ArrayList<>();
    for (Row row : running) {
      List<String> names = row.names();
      if (names.isEmpty()) {
        continue;
      }
      String cell = row.cells().get(0);
      List<String> parts = List.of(cell.split(",\\s+|\\s+/\\s+"));
      if (names.size() == 1) {
        parts = List.of(cell);
      } else if (parts.size() != names.size()) {
        // One description for all of them ("demo values"): it must not look like a value.
        if (!codes(cell).isEmpty()) {
          wrong.add(names + ": " + parts.size() + " defaults for " + names.size() + " settings");
        }
        continue;
      }
      for (int i = 0; i < names.size(); i++) {
        Setting setting = known.get(names.get(i));
        if (setting == null || setting.defaultValue() == null) {
          continue; // no default the metadata knows (derived at run time, or none)
        }
        String part = parts.get(i).strip();
        // A value (`60s`), or a description that names it ("`memory` on H2, `database` on ...").
        if (codes(part).stream().noneMatch(code -> same(setting, code))) {
          wrong.add(setting.name() + ": README says '" + part + "', the record " + setting);
        }
      }
    }
    assertThat(wrong).as("defaults that differ between the README and the records").isEmpty();
  }

  private static boolean same(Setting setting, String documented) {
    String actual = setting.defaultValue();
    if (documented.equalsIgnoreCase(actual) || elements(documented).equals(elements(actual))) {
      return true;
    }
    try {
      return switch (setting.type()) {
        case "java.time.Duration" ->
            DurationStyle.detectAndParse(documented).equals(DurationStyle.detectAndParse(actual));
        case "org.springframework.util.unit.DataSize" ->
            DataSize.parse(documented).equals(DataSize.parse(actual));
        default -> false;
      };
    } catch (IllegalArgumentException notOfThatType) {
      return false;
    }
  }

  /**
   * A list's elements however it is written: the processor writes a set's default as {@code [A,
   * B]}.
   */
  private static List<String> elements(String value) {
    String bare =
        value.startsWith("[") && value.endsWith("]")
            ? value.substring(1, value.length() - 1)
            : value;
    return List.of(bare.strip().split("\\s*,\\s*"));
  }

  private boolean isKnown(String code) {
    if (code.endsWith(".*")) {
      String prefix = code.substring(0, code.length() - 1);
      return known.keySet().stream().anyMatch(n -> n.startsWith(prefix));
    }
    return known.containsKey(code);
  }

  /** The first table after the heading: its rows, the header and the rule left out. */
  private static List<Row> table(List<String> lines, String heading) {
    int at = lines.indexOf(heading);
    assertThat(at).as("README heading " + heading).isNotNegative();
    List<Row> rows = new ArrayList<>();
    int i = at + 1;
    while (i < lines.size() && !lines.get(i).startsWith("|")) {
      i++;
    }
    for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      List<String> cells = new ArrayList<>(List.of(lines.get(i).split("\\|")));
      cells.remove(0);
      rows.add(new Row(names(cells.get(0)), cells.subList(1, cells.size())));
    }
    return rows;
  }

  /**
   * The gongkai.* settings a first cell names: {@code `gongkai.login.max-failures`,
   * `.lock-minutes`} names two, the second beside the first.
   */
  private static List<String> names(String cell) {
    List<String> names = new ArrayList<>();
    String last = null;
    for (String code : codes(cell)) {
      if (code.startsWith("gongkai.")) {
        last = code;
        names.add(code);
      } else if (code.startsWith(".") && last != null) {
        names.add(last.substring(0, last.lastIndexOf('.')) + code);
      }
    }
    return names;
  }

  private static List<String> codes(String text) {
    List<String> codes = new ArrayList<>();
    Matcher m = CODE.matcher(text);
    while (m.find()) {
      codes.add(m.group(1));
    }
    return codes;
  }

  private static String defaultOf(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    String text =
        value.isArray()
            ? value.valueStream().map(JsonNode::asString).collect(Collectors.joining(","))
            : value.asString();
    return text.isEmpty() ? null : text;
  }

  private static List<Row> concat(List<Row> a, List<Row> b) {
    List<Row> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
