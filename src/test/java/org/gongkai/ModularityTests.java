package org.gongkai;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

class ModularityTests {

  private static final Pattern INLINE_TAG =
      Pattern.compile("\\{@(?:code|link|linkplain|literal) ([^{}]*)\\}");

  private final ApplicationModules modules = ApplicationModules.of(GongkaiApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  /**
   * The module diagrams (C4 components in PlantUML, one overall and one per module) and the module
   * canvases that docs/domain-model.md links to, written where they are committed, so that a change
   * of a module's dependencies or events shows in the diff.
   */
  @Test
  void writesModuleDocumentation() throws IOException {
    readableJavadoc(Path.of("target/generated-spring-modulith/javadoc.json"));
    Path folder = Path.of("docs/modules");
    new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
        .writeDocumentation();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.write(file, inStableOrder(lines), StandardCharsets.UTF_8);
      }
    }
  }

  /**
   * The documenter lists relations, dependencies and listeners in hash order, which differs from
   * run to run; sorted, the files change only when the modules do. A run of consecutive relations,
   * components or list items (with their continuation lines) is sorted in place.
   */
  static List<String> inStableOrder(List<String> lines) {
    List<String> out = new ArrayList<>();
    List<List<String>> run = new ArrayList<>();
    for (String line : lines) {
      boolean starts =
          line.startsWith("Rel(")
              || line.startsWith("Component(")
              || line.startsWith("* ")
              || line.startsWith("|* ");
      boolean continues =
          !run.isEmpty()
              && run.get(0).get(0).contains("* ")
              && !line.isEmpty()
              && !line.startsWith("|")
              && !line.startsWith("_");
      if (starts && !(line.startsWith("|* ") && !run.isEmpty())) {
        run.add(new ArrayList<>(List.of(line)));
      } else if (continues && !starts) {
        run.get(run.size() - 1).add(line);
      } else {
        flush(run, out);
        if (starts) {
          run.add(new ArrayList<>(List.of(line)));
        } else {
          out.add(line);
        }
      }
    }
    flush(run, out);
    return out;
  }

  private static void flush(List<List<String>> run, List<String> out) {
    if (run.isEmpty()) {
      return;
    }
    boolean cell = run.get(0).get(0).startsWith("|");
    if (cell) {
      run.get(0).set(0, run.get(0).get(0).substring(1));
    }
    run.sort(Comparator.comparing(item -> String.join("\n", item)));
    if (cell) {
      run.get(0).set(0, "|" + run.get(0).get(0));
    }
    run.forEach(out::addAll);
    run.clear();
  }

  /**
   * The canvases quote each module's Javadoc from the file the annotation processor extracts, but
   * Spring Modulith 2.0.3 reads it with Boot's BasicJsonParser, which fails on valid JSON whose
   * strings hold quotation marks or unbalanced brackets (spring-modulith#1762). The comments are
   * rewritten (inline tags as code, typographic quotes, stray brackets round) before the documenter
   * reads them.
   */
  private static void readableJavadoc(Path file) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode all = json.readTree(Files.readString(file, StandardCharsets.UTF_8));
    soften(all);
    Files.writeString(file, json.writeValueAsString(all), StandardCharsets.UTF_8);
  }

  private static void soften(JsonNode node) {
    if (node instanceof ObjectNode object) {
      for (String name : object.propertyNames()) {
        JsonNode value = object.get(name);
        if (value.isString()) {
          object.put(name, readable(value.asString()));
        } else {
          soften(value);
        }
      }
    } else if (node.isArray()) {
      node.forEach(ModularityTests::soften);
    }
  }

  /** Inline tags as AsciiDoc code, quotation marks typographic, stray brackets round. */
  private static String readable(String comment) {
    String text = INLINE_TAG.matcher(comment).replaceAll("`$1`").replace('"', '\u201d');
    if (count(text, '{') != count(text, '}')) {
      text = text.replace('{', '(').replace('}', ')');
    }
    if (count(text, '[') != count(text, ']')) {
      text = text.replace('[', '(').replace(']', ')');
    }
    return text;
  }

  private static long count(String text, char c) {
    return text.chars().filter(x -> x == c).count();
  }
}
