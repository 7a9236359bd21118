package org.gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gongkai.site.SiteTheme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * The public pages on a phone's screen (390 by 844 CSS pixels), on the demo's city portal and the
 * commerce bureau's own site: a document's text starts on the first screen, in the standard and the
 * senior mode; the navigation is a menu that opens from the keyboard, and is laid out in full on a
 * wide screen.
 */
class PhoneLayoutInBrowserTests extends BrowserTests {

  private static final List<String> HOSTS =
      List.of("www.linjiang.localhost", "swj.linjiang.localhost");

  @AfterEach
  void wideAgain() {
    ((ChromiumDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    browser.manage().window().setSize(new Dimension(1280, 1024));
  }

  @Test
  void aDocumentsTextStartsOnThePhonesFirstScreenOnEverySiteAndInSeniorMode() {
    phone();
    String document = commerceDocument();
    for (String host : HOSTS) {
      for (String mode : List.of("off", "on")) {
        openOn(host, "/documents/" + document + "?senior=" + mode);
        assertThat(browser.findElements(By.cssSelector("link[href*='/css/senior']")))
            .as("senior style sheet with senior=%s", mode)
            .hasSize(mode.equals("on") ? 1 : 0);
        Map<String, Object> screen = measure();
        assertThat(((Number) screen.get("width")).longValue()).isEqualTo(390);
        assertThat(((Number) screen.get("textTop")).doubleValue())
            .as("top of the text on %s with senior=%s, of a screen %s high", host, mode, screen)
            .isLessThan(((Number) screen.get("height")).doubleValue() - 40);
        assertThat(((Number) screen.get("headerHeight")).doubleValue())
            .as("header on %s with senior=%s", host, mode)
            .isLessThan(((Number) screen.get("height")).doubleValue() * 0.18);
        assertThat((Boolean) screen.get("overflows")).as("page wider than the screen").isFalse();
      }
    }
    // The mode is kept in a cookie: the other tests see the standard one.
    openOn(HOSTS.get(0), "/documents/" + document + "?senior=off");
  }

  @Test
  void theNavigationIsAMenuOnAPhoneThatOpensFromTheKeyboard() {
    phone();
    openOn(HOSTS.get(1), "/");
    WebElement menu = browser.findElement(By.cssSelector("details.site-menu"));
    WebElement summary = menu.findElement(By.tagName("summary"));
    WebElement firstLink = menu.findElement(By.cssSelector(".main-nav a"));
    assertThat(summary.isDisplayed()).isTrue();
    assertThat(shown(firstLink)).as("links folded away").isFalse();
    // The search stays beside the menu.
    assertThat(browser.findElement(By.id("site-q")).isDisplayed()).isTrue();

    // Tab from the skip link reaches the menu's summary; Enter opens it.
    browser.findElement(By.cssSelector("a.skip")).sendKeys(Keys.TAB);
    WebElement focused = browser.switchTo().activeElement();
    for (int i = 0; i < 5 && !focused.getTagName().equals("summary"); i++) {
      focused.sendKeys(Keys.TAB);
      focused = browser.switchTo().activeElement();
    }
    assertThat(focused.getTagName()).isEqualTo("summary");
    focused.sendKeys(Keys.ENTER);
    assertThat(menu.getDomAttribute("open")).isNotNull();
    List<WebElement> links = menu.findElements(By.cssSelector(".main-nav a"));
    assertThat(links).allMatch(this::shown);
    // The open menu lies over the page, one link a line, each a finger's height at least.
    assertThat(links.get(1).getLocation().getY()).isGreaterThan(links.get(0).getLocation().getY());
    assertThat(links.get(0).getSize().getHeight()).isGreaterThanOrEqualTo(36);
    focused.sendKeys(Keys.TAB);
    assertThat(browser.switchTo().activeElement().getDomProperty("href"))
        .isEqualTo(links.get(0).getDomProperty("href"));
    assertThat(contrastOfTheOpenMenu()).as("text contrast inside the open menu").isGreaterThan(4.5);
    // The site's own menu (its layout) names the request form.
    links.stream()
        .filter(a -> String.valueOf(a.getDomProperty("href")).endsWith("/foi/apply"))
        .findFirst()
        .orElseThrow()
        .click();
    assertThat(browser.getCurrentUrl()).contains("swj.linjiang.localhost").endsWith("/foi/apply");
    assertMenuContrastInEveryTheme();
  }

  @Test
  void theNavigationIsLaidOutInFullOnAWideScreen() {
    browser.manage().window().setSize(new Dimension(1280, 900));
    for (String host : HOSTS) {
      openOn(host, "/");
      WebElement menu = browser.findElement(By.cssSelector("details.site-menu"));
      assertThat(menu.findElement(By.tagName("summary")).isDisplayed()).isFalse();
      List<WebElement> links = menu.findElements(By.cssSelector(".main-nav a"));
      assertThat(links).allMatch(this::shown);
      assertThat(links.get(1).getLocation().getY()).isEqualTo(links.get(0).getLocation().getY());
    }
  }

  /** The open menu in each colour preset of the sites, in the senior and the standard mode. */
  private void assertMenuContrastInEveryTheme() {
    for (String mode : List.of("on", "off")) {
      openOn(HOSTS.get(1), "/?senior=" + mode);
      browser.findElement(By.cssSelector("details.site-menu > summary")).click();
      for (SiteTheme theme : SiteTheme.values()) {
        ((JavascriptExecutor) browser)
            .executeScript("document.documentElement.className = arguments[0];", theme.cssClass());
        assertThat(contrastOfTheOpenMenu())
            .as("open menu in %s with senior=%s", theme, mode)
            .isGreaterThan(4.5);
      }
    }
  }

  /**
   * Whether the element is drawn and on top where it is: WebDriver takes anything inside a closed
   * {@code <details>} for hidden, even when the style sheet shows it.
   */
  private boolean shown(WebElement element) {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript(
                """
                const e = arguments[0], r = e.getBoundingClientRect();
                if (!e.checkVisibility() || r.width === 0 || r.height === 0) return false;
                const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
                return at === e || e.contains(at);
                """,
                element);
  }

  /**
   * A viewport of 390 by 844 set through the DevTools protocol: resizing the window instead depends
   * on the window manager's frame, which headless Chromium reports differently from run to run.
   */
  private void phone() {
    ((ChromiumDriver) browser)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", false));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> measure() {
    return (Map<String, Object>)
        ((JavascriptExecutor) browser)
            .executeScript(
                """
                const body = document.querySelector('.body-text');
                const first = body ? (body.querySelector('p') || body) : null;
                const header = document.querySelector('.site-header');
                return {
                  width: window.innerWidth,
                  height: window.innerHeight,
                  textTop: first ? first.getBoundingClientRect().top + window.scrollY : -1,
                  headerHeight: header ? header.getBoundingClientRect().height : -1,
                  overflows: document.documentElement.scrollWidth > window.innerWidth
                };
                """);
  }

  /** WCAG's contrast ratio of the open menu's first link against the menu's background. */
  private double contrastOfTheOpenMenu() {
    Object ratio =
        ((JavascriptExecutor) browser)
            .executeScript(
                """
                const rgb = c => c.match(/\\d+(\\.\\d+)?/g).slice(0, 3).map(Number);
                const lum = c => { const [r, g, b] = rgb(c).map(v => { v /= 255;
                  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
                  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
                const link = document.querySelector('.site-menu .main-nav a');
                const nav = document.querySelector('.site-menu .main-nav');
                const a = lum(getComputedStyle(link).color), b = lum(getComputedStyle(nav).backgroundColor);
                return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
                """);
    return ((Number) ratio).doubleValue();
  }

  private String commerceDocument() {
    // The commerce bureau's published document with the most metadata to show.
    return jdbc.sql(
            """
            SELECT MIN(e.document_id) FROM edition e
            WHERE e.state = 'PUBLISHED' AND e.disclosure_mode = 'PROACTIVE'
              AND e.doc_number IS NOT NULL AND e.body_html LIKE '<p%'
              AND e.column_id IN (SELECT c.id FROM disclosure_column c JOIN agency a ON a.id = c.agency_id
                                  WHERE a.name = '临江市商务局')
            """)
        .query(String.class)
        .single();
  }

  private void openOn(String host, String path) {
    browser.get("http://" + host + ":" + port + path);
  }
}
