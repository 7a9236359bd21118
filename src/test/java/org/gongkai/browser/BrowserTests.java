package org.gongkai.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gongkai.account.AccountForm;
import org.gongkai.account.Accounts;
import org.gongkai.account.Staff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real browser on the platform's first start with the demo content. The browser classes share the
 * one application (its first start, with the demo, is the costly part), each class its own browser.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "gongkai.demo=true",
      // The monitor checks the demo's agencies again soon after their documents are published.
      "gongkai.monitor.recheck-delay=PT2S",
      "GONGKAI_ADMIN_PASSWORD=" + BrowserTests.ADMIN_PASSWORD
    })
abstract class BrowserTests {

  static final String ADMIN_PASSWORD = "browser-test-admin-password";

  /** The demo's commerce bureau reviewer, who logs in without a second factor. */
  static final String REVIEWER = "shangwu-shenhe";

  static WebDriver browser;

  @LocalServerPort int port;

  @Autowired Accounts accounts;

  @Autowired JdbcClient jdbc;

  @DynamicPropertySource
  static void dataFolder(DynamicPropertyRegistry registry) throws IOException {
    Path dir = Files.createTempDirectory("gongkai-browser");
    registry.add("gongkai.data-dir", dir::toString);
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = Chromium.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
      browser = null;
    }
  }

  /** The administrator gives the account a password, as the console's account page does. */
  Staff withPassword(String username, String password) {
    Staff staff = accounts.findByUsername(username).orElseThrow();
    AccountForm form = new AccountForm();
    form.setUsername(staff.username());
    form.setDisplayName(staff.displayName());
    form.setRole(staff.role());
    form.setAgencyId(staff.agencyId());
    form.setEnabled(true);
    form.setPassword(password);
    return accounts.update(staff.id(), form, accounts.findByUsername("admin").orElseThrow());
  }

  void logIn(String username, String password, String landing) {
    open("/login");
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("login-submit")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(driver -> driver.getCurrentUrl().endsWith(landing));
  }

  void open(String path) {
    browser.get("http://localhost:" + port + path);
  }
}
