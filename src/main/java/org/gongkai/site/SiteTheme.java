package org.gongkai.site;

/**
 * The colour presets a site chooses from, each a set of CSS custom properties in {@code site.css}
 * ({@code .theme-classic} …) and its stronger variant in {@code senior.css}, every text and
 * background pair passing WCAG AA (4.5:1) in both modes.
 */
public enum SiteTheme {
  /** Government red: the platform's own colours. */
  CLASSIC,
  /** Deep blue. */
  AZURE,
  /** Dark green. */
  JADE,
  /** Charcoal and slate. */
  INK;

  /** The class the page's root element carries. */
  public String cssClass() {
    return "theme-" + name().toLowerCase(java.util.Locale.ROOT);
  }
}
