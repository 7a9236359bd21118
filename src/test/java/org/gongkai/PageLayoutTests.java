package org.gongkai;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The page layout is written once for the public site ({@code fragments/portal.html}) and once for
 * the console ({@code fragments/console.html}): a page says its title and its content and nothing
 * around them. A page that brings its own head, skip link, header or footer again fails here.
 */
class PageLayoutTests {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");

  /** The only templates that may write the parts around a page's content. */
  private static final Set<String> LAYOUTS =
      Set.of("fragments/portal.html", "fragments/console.html");

  private static final Pattern HTML_START = Pattern.compile("<html\\b[^>]*>");

  private static final Pattern LAYOUT_CALL =
      Pattern.compile(
          // A page may choose between the layouts with a condition (the error page does).
          "th:replace=\"[^\"]*~\\{fragments/(portal :: layout|console :: layout|console :: plain)\\(");

  /** What the layouts write: the head's fixed part, the skip link, header, footer, switches. */
  private static final List<Pattern> LAYOUT_PARTS =
      Stream.of(
              "<meta charset",
              "name=\"viewport\"",
              "<title",
              "/css/site",
              "/css/senior",
              "name=\"Site(Name|Domain|IDCode)\"",
              "class=\"skip\"",
              "class=\"site-(header|footer)",
              "role=\"banner\"",
              "role=\"contentinfo\"",
              "th:lang=",
              "lang='en'",
              "fragments/layout :: (head|skip|\\w*[Hh]eader|\\w*[Ff]ooter)",
              "fragments/(portal|console) :: (?!layout\\(|plain\\()")
          .map(Pattern::compile)
          .toList();

  @Test
  void everyPageCallsALayoutAndWritesNothingOfItItself() throws IOException {
    List<String> offences = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
        String name = TEMPLATES.relativize(file).toString().replace('\\', '/');
        if (!LAYOUTS.contains(name)) {
          offences.addAll(offences(name, Files.readString(file)));
        }
      }
    }
    assertThat(offences).isEmpty();
  }

  @Test
  void aPageAssemblingItsOwnLayoutIsCaught() {
    String oldStyle =
        """
        <!DOCTYPE html>
        <html lang="zh-CN" th:lang="${#locale.toLanguageTag()}" xmlns:th="http://www.thymeleaf.org">
        <head th:replace="~{fragments/layout :: head(#{console.title})}"></head>
        <body>
        <div th:replace="~{fragments/layout :: skip}"></div>
        <header th:replace="~{fragments/layout :: consoleHeader}"></header>
        <main id="main" class="wrap"><h1>Title</h1></main>
        </body>
        </html>
        """;
    assertThat(offences("console/home.html", oldStyle))
        .anyMatch(o -> o.contains("does not call"))
        .anyMatch(o -> o.contains("fragments/layout :: head"))
        .anyMatch(o -> o.contains("fragments/layout :: skip"))
        .anyMatch(o -> o.contains("th:lang"));

    String ownFooter =
        """
        <!DOCTYPE html>
        <html th:replace="~{fragments/portal :: layout(#{mailbox.title}, ~{::main})}">
        <body>
        <main id="main" class="wrap"><h1>Title</h1></main>
        <footer class="site-footer" role="contentinfo">Site</footer>
        </body>
        </html>
        """;
    assertThat(offences("interaction/mailbox.html", ownFooter))
        .anyMatch(o -> o.contains("site-footer"))
        .noneMatch(o -> o.contains("does not call"));

    String partOfTheLayout =
        """
        <div th:replace="~{fragments/portal :: header}"></div>
        """;
    assertThat(offences("portal/guide-box.html", partOfTheLayout)).hasSize(1);
  }

  /**
   * A page is a template with a {@code <main>}: its {@code <html>} element must be replaced by a
   * layout. No template outside the layouts may write what they write.
   */
  private static List<String> offences(String name, String text) {
    List<String> found = new ArrayList<>();
    String markup = text.replaceAll("(?s)<!--.*?-->", "");
    if (markup.contains("<main")) {
      Matcher html = HTML_START.matcher(markup);
      if (!html.find() || !LAYOUT_CALL.matcher(html.group()).find()) {
        found.add(name + " does not call fragments/portal :: layout or fragments/console");
      }
    }
    for (Pattern part : LAYOUT_PARTS) {
      Matcher m = part.matcher(markup);
      while (m.find()) {
        found.add(name + " writes " + m.group() + " itself: that is the layout's");
      }
    }
    return found;
  }
}
