package org.gongkai.imports.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.gongkai.catalog.Validity;

/**
 * The words old sites label their info table with, and where their body is, from {@code
 * imports/page-labels.properties}: a site with other words is read by adding them there.
 */
final class PageLabels {

  static final List<String> FIELDS =
      List.of(
          "indexNumber",
          "publisher",
          "issuedOn",
          "publishedOn",
          "docNumber",
          "topic",
          "validity",
          "keywords",
          "title");

  private final Map<String, List<String>> labels = new LinkedHashMap<>();
  private final Map<Validity, List<String>> validity = new LinkedHashMap<>();
  private final List<String> bodySelectors;
  private final List<String> attachmentExtensions;

  private PageLabels(Properties p) {
    for (String field : FIELDS) {
      labels.put(field, split(p.getProperty(field, "")));
    }
    for (Validity v : Validity.values()) {
      validity.put(v, split(p.getProperty("validity." + v.name(), "")));
    }
    bodySelectors = split(p.getProperty("body.selectors", "body"));
    attachmentExtensions = split(p.getProperty("attachment.extensions", "pdf"));
  }

  static PageLabels load() {
    try (InputStream in = PageLabels.class.getResourceAsStream("/imports/page-labels.properties")) {
      Properties p = new Properties();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      return new PageLabels(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The field a label cell names, and the value written after the label in the same cell. */
  Optional<Map.Entry<String, String>> field(String cellText) {
    String text = cellText.replace('\u00a0', ' ').strip();
    for (Map.Entry<String, List<String>> field : labels.entrySet()) {
      for (String label : field.getValue()) {
        if (text.startsWith(label)) {
          String rest = text.substring(label.length()).strip();
          if (rest.startsWith(":") || rest.startsWith("\uff1a")) {
            rest = rest.substring(1).strip();
          } else if (!rest.isEmpty()) {
            continue;
          }
          return Optional.of(Map.entry(field.getKey(), rest));
        }
      }
    }
    return Optional.empty();
  }

  Optional<Validity> validity(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip();
    // Longer words first: "已失效" before "有效" would otherwise be read as valid.
    return validity.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(w -> Map.entry(w, e.getKey())))
        .sorted((a, b) -> b.getKey().length() - a.getKey().length())
        .filter(e -> t.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  List<String> bodySelectors() {
    return bodySelectors;
  }

  boolean isAttachment(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    int dot = lower.lastIndexOf('.');
    return dot >= 0 && attachmentExtensions.contains(lower.substring(dot + 1));
  }

  private static List<String> split(String value) {
    return Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
