package org.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gongkai.account.Role;
import org.gongkai.agency.ColumnType;
import org.gongkai.calendar.DayKind;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.EditionState;
import org.gongkai.catalog.Validity;
import org.gongkai.foi.ApplicantType;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IdType;
import org.gongkai.foi.InformationForm;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;
import org.gongkai.foi.RequestTable;
import org.gongkai.site.SiteLayout;
import org.gongkai.topic.TopicState;
import org.junit.jupiter.api.Test;

/** The UI speaks from the message bundles: Chinese first, English second, nothing in between. */
class I18nTests {

  private static final Pattern CJK = Pattern.compile("[\\p{IsHan}]");
  private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[}(]");

  @Test
  void bothBundlesHaveTheSameKeys() throws IOException {
    assertThat(load("messages_en.properties").stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
  }

  @Test
  void aYearIsWrittenWithoutAThousandsSeparator() throws IOException {
    for (String bundle : List.of("messages.properties", "messages_en.properties")) {
      Properties messages = load(bundle);
      for (String key : List.of("calendar.missing", "foi.deadline.no-calendar")) {
        String text =
            new MessageFormat(messages.getProperty(key), Locale.SIMPLIFIED_CHINESE)
                .format(new Object[] {2027});
        assertThat(text).as(bundle + " " + key).contains("2027").doesNotContain("2,027");
      }
    }
  }

  @Test
  void everyKeyATemplateUsesExists() throws IOException {
    Set<String> keys = load("messages.properties").stringPropertyNames();
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".html")).toList()) {
        Matcher m = MESSAGE_KEY.matcher(Files.readString(file));
        while (m.find()) {
          if (!keys.contains(m.group(1))) {
            missing.add(file.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void everyEnumShownOnAPageHasItsLabel() throws IOException {
    Set<String> keys = load("messages.properties").stringPropertyNames();
    List<String> expected = new ArrayList<>();
    Stream.of(EditionState.values()).forEach(v -> expected.add("state." + v));
    Stream.of(Validity.values()).forEach(v -> expected.add("validity." + v));
    Stream.of(DisclosureMode.values()).forEach(v -> expected.add("mode." + v));
    Stream.of(DocumentKind.values()).forEach(v -> expected.add("kind." + v));
    Stream.of(Role.values()).forEach(v -> expected.add("role." + v));
    Stream.of(ColumnType.values()).forEach(v -> expected.add("column.type." + v));
    ColumnType.STANDARD.forEach(v -> expected.add("column.standard." + v));
    Stream.of(Outcome.values())
        .forEach(
            v -> {
              expected.add("foi.outcome." + v);
              expected.add("foi.outcome.basis." + v);
              expected.add("foi.letter.template." + v);
              expected.add("foi.row." + v);
            });
    Stream.of(RequestState.values()).forEach(v -> expected.add("foi.state." + v));
    Stream.of(ApplicantType.values()).forEach(v -> expected.add("foi.applicant-type." + v));
    Stream.of(IdType.values()).forEach(v -> expected.add("foi.id-type." + v));
    Stream.of(DeliveryChannel.values()).forEach(v -> expected.add("foi.delivery." + v));
    Stream.of(IntakeChannel.values()).forEach(v -> expected.add("foi.channel." + v));
    Stream.of(InformationForm.values()).forEach(v -> expected.add("foi.information-form." + v));
    Stream.of(DayKind.values()).forEach(v -> expected.add("calendar.kind." + v));
    Stream.of(TopicState.values()).forEach(v -> expected.add("topic.state." + v));
    Stream.of(SiteLayout.BlockKind.values()).forEach(v -> expected.add("site.block.kind." + v));
    RequestTable.ROW_KEYS.forEach(k -> expected.add("foi.row." + k));
    RequestTable.COLUMN_KEYS.forEach(k -> expected.add("foi.column." + k));
    assertThat(keys).containsAll(expected);
  }

  @Test
  void templatesHoldNoUntranslatedText() throws IOException {
    assertThat(filesWithChinese(Path.of("src/main/resources/templates"), ".html")).isEmpty();
  }

  @Test
  void javaCodeHoldsNoChineseOutsideSeedData() throws IOException {
    List<String> offenders =
        filesWithChinese(Path.of("src/main/java"), ".java").stream()
            .filter(f -> !f.contains("/demo/") && !f.endsWith("package-info.java"))
            .toList();
    assertThat(offenders).isEmpty();
  }

  private static List<String> filesWithChinese(Path root, String suffix) throws IOException {
    List<String> result = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(p -> p.toString().endsWith(suffix)).toList()) {
        String text =
            Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        if (CJK.matcher(text).find()) {
          result.add(file.toString());
        }
      }
    }
    return result;
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (Reader r =
        Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
