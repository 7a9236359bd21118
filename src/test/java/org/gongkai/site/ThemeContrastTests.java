package org.gongkai.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every colour preset a site may choose passes WCAG 2.1 AA (a contrast of at least 4.5:1) for each
 * pair of text and background the pages use, read from the stylesheets themselves: in the normal
 * mode, and in the senior-friendly mode, whose stylesheet takes the stronger colours.
 */
class ThemeContrastTests {

  private static final double AA = 4.5;

  private static final Pattern BLOCK = Pattern.compile("([^{}]+)\\{([^}]*)}");
  private static final Pattern PROPERTY =
      Pattern.compile("--([a-z-]+)\\s*:\\s*(#[0-9a-fA-F]{3,6})");

  @ParameterizedTest
  @EnumSource(SiteTheme.class)
  void everyTextAndBackgroundPairPassesInTheNormalMode(SiteTheme theme) throws IOException {
    Map<String, String> c = colours(theme);
    assertContrast(theme, "body text", c.get("ink"), c.get("bg"));
    assertContrast(theme, "footer and table heads", c.get("ink"), c.get("soft"));
    assertContrast(theme, "secondary text", c.get("muted"), c.get("bg"));
    assertContrast(theme, "secondary text on the footer", c.get("muted"), c.get("soft"));
    assertContrast(theme, "links", c.get("link"), c.get("bg"));
    assertContrast(theme, "links in the footer", c.get("link"), c.get("soft"));
    assertContrast(theme, "the header's white text", "#fff", c.get("brand"));
    assertContrast(theme, "a document's title", c.get("brand"), c.get("bg"));
  }

  @ParameterizedTest
  @EnumSource(SiteTheme.class)
  void everyTextAndBackgroundPairPassesInTheSeniorMode(SiteTheme theme) throws IOException {
    String senior = read("static/css/senior.css");
    assertThat(senior)
        .as("the senior mode takes each theme's stronger colours")
        .contains(".site-header { background: var(--brand-strong); }")
        .contains("a { color: var(--link-strong);")
        .contains("body { color: #000;")
        .contains(".meta, .crumbs, .muted { color: #222; }");
    Map<String, String> c = colours(theme);
    assertContrast(theme, "senior body text", "#000", c.get("bg"));
    assertContrast(theme, "senior body text on the footer", "#000", c.get("soft"));
    assertContrast(theme, "senior secondary text", "#222", c.get("soft"));
    assertContrast(theme, "senior links", c.get("link-strong"), c.get("bg"));
    assertContrast(theme, "senior links in the footer", c.get("link-strong"), c.get("soft"));
    assertContrast(theme, "senior header", "#fff", c.get("brand-strong"));
    assertContrast(theme, "senior document title", c.get("brand"), c.get("bg"));
  }

  /** The theme's custom properties: the root's, overridden by the theme's own rule. */
  private static Map<String, String> colours(SiteTheme theme) throws IOException {
    String css = read("static/css/site.css").replaceAll("(?s)/\\*.*?\\*/", "");
    Map<String, String> colours = new HashMap<>();
    boolean found = false;
    for (String selector : List.of(":root", "html." + theme.cssClass())) {
      Matcher block = BLOCK.matcher(css);
      while (block.find()) {
        if (block.group(1).strip().equals(selector)) {
          found |= !selector.equals(":root");
          Matcher property = PROPERTY.matcher(block.group(2));
          while (property.find()) {
            colours.put(property.group(1), property.group(2));
          }
        }
      }
    }
    assertThat(found).as("site.css defines html.%s", theme.cssClass()).isTrue();
    return colours;
  }

  private static void assertContrast(SiteTheme theme, String pair, String fg, String bg) {
    assertThat(fg).as("%s %s foreground", theme, pair).isNotNull();
    assertThat(bg).as("%s %s background", theme, pair).isNotNull();
    assertThat(contrast(fg, bg))
        .as("%s: %s (%s on %s)", theme, pair, fg, bg)
        .isGreaterThanOrEqualTo(AA);
  }

  /** WCAG 2.1's contrast ratio of two sRGB colours. */
  static double contrast(String a, String b) {
    double la = luminance(a);
    double lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  private static double luminance(String hex) {
    String h = hex.substring(1);
    if (h.length() == 3) {
      h = "" + h.charAt(0) + h.charAt(0) + h.charAt(1) + h.charAt(1) + h.charAt(2) + h.charAt(2);
    }
    double[] rgb = new double[3];
    for (int i = 0; i < 3; i++) {
      double c = Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16) / 255.0;
      rgb[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = ThemeContrastTests.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
