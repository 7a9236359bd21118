package org.gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.gongkai.account.Staff;
import org.gongkai.account.internal.AuthenticatorApp;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A real browser (Debian's chromium, driven by its chromedriver) on the first start with the demo
 * content: log in, draft, review, publish, then find the document on the portal.
 */
class PublishingInBrowserTests extends BrowserTests {

  static final String PASSWORD = "browser-test-password";

  @Autowired AgencyDirectory agencies;

  @Test
  void logsInDraftsApprovesPublishesAndFindsTheDocumentOnThePortal() {
    Agency commerce =
        agencies.all().stream().filter(a -> a.name().equals("临江市商务局")).findFirst().orElseThrow();
    String title = "关于开展浏览器端到端测试工作的通知";

    // The administrator's first login: the authenticator is set up before anything else.
    logIn("admin", ADMIN_PASSWORD, "/console/second-factor");
    String key = browser.findElement(By.id("totp-key")).getText();
    browser.findElement(By.id("code")).sendKeys(AuthenticatorApp.code(key, Clock.systemUTC()));
    browser.findElement(By.cssSelector("form.form button[type=submit]")).click();
    assertThat(browser.findElements(By.cssSelector(".recovery-codes code"))).hasSize(10);
    open("/console");

    browser.findElement(By.id("new-document")).click();
    new Select(browser.findElement(By.id("column"))).selectByVisibleText("临江市商务局 / 通知公告");
    browser.findElement(By.id("title")).sendKeys(title);
    browser.findElement(By.id("docNumber")).sendKeys("临商〔2026〕99号");
    // The body in the editor: typed, one word made bold from the toolbar, and a passage pasted from
    // Word.
    WebElement body = browser.findElement(By.id("body-editor"));
    body.click();
    body.sendKeys("请各单位按要求做好测试工作。");
    browser.findElement(By.cssSelector("#body-toolbar button[data-command=bold]")).click();
    body.sendKeys("特此通知");
    ((JavascriptExecutor) browser)
        .executeScript(
            """
        const data = new DataTransfer();
        data.setData('text/html', '<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->'
            + '<p class="MsoNormal" style="mso-line-height-alt:12pt"><span style="font-family:仿宋_GB2312;'
            + 'font-size:16pt">从文字处理软件粘贴的段落<o:p></o:p></span></p>');
        data.setData('text/plain', '从文字处理软件粘贴的段落');
        arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
        """,
            body);
    browser.findElement(By.id("save-document")).click();
    assertThat(stateOnNextPage()).isEqualTo("草稿");
    String saved =
        jdbc.sql("SELECT body_html FROM edition WHERE title = ?")
            .param(title)
            .query(String.class)
            .single();
    assertThat(saved)
        .contains("<p>请各单位按要求做好测试工作。", "<strong>特此通知</strong>", "从文字处理软件粘贴的段落")
        .doesNotContain("Mso", "mso-", "font-family", "o:p", "<span", "<!--");

    browser.findElement(By.id("submit-document")).click();
    assertThat(stateOnNextPage()).isEqualTo("待审核");
    String draft = browser.getCurrentUrl();

    // A second person reviews it: the bureau's reviewer, given a password by the administrator.
    Staff reviewer = withPassword(REVIEWER, PASSWORD);
    browser.findElement(By.id("logout")).click();
    logIn(reviewer.username(), PASSWORD, "/console");
    browser.get(draft);
    previousState = null;
    assertThat(stateOnNextPage()).isEqualTo("待审核");
    for (String check :
        new String[] {"check-secrets", "check-commercial", "check-privacy", "check-stability"}) {
      browser.findElement(By.id(check)).click();
    }
    browser.findElement(By.id("review-comment")).sendKeys("经审查可以公开");
    browser.findElement(By.id("approve-document")).click();
    assertThat(stateOnNextPage()).isEqualTo("已审核");
    browser.findElement(By.id("publish-document")).click();
    assertThat(stateOnNextPage()).isEqualTo("已发布");
    String indexNumber = browser.findElement(By.id("index-number")).getText();
    assertThat(indexNumber).startsWith(commerce.code() + "/");

    open("/agencies/" + commerce.code());
    WebElement link = browser.findElement(By.linkText(title));
    link.click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(WebDriverException.class)
        .until(driver -> driver.findElement(By.tagName("h1")).getText().equals(title));
    assertThat(browser.getPageSource()).contains(indexNumber, "临商〔2026〕99号", "请各单位按要求做好测试工作。");
  }

  /**
   * The document's state once the page a button led to has loaded: the element of the page before
   * may still be found for a moment and then go stale, so it is read again until it holds.
   */
  private String previousState;

  private String stateOnNextPage() {
    String[] text = new String[1];
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .ignoring(WebDriverException.class)
        .until(
            driver -> {
              text[0] = driver.findElement(By.id("document-state")).getText();
              return !text[0].equals(previousState);
            });
    previousState = text[0];
    return text[0];
  }

  @Test
  void theFirstStartCreatesARealisticDemo() {
    assertThat(agencies.all())
        .extracting(Agency::name)
        .contains(
            "临江市人民政府",
            "临江市商务局",
            "临江市教育局",
            "临江市财政局",
            "临江市生态环境局",
            "临江市市场监督管理局",
            "临江市人力资源和社会保障局",
            "临江市商务局办公室");
    long published = count("SELECT COUNT(*) FROM edition WHERE state = 'PUBLISHED'");
    assertThat(published).isGreaterThanOrEqualTo(300);
    assertThat(
            count(
                "SELECT COUNT(DISTINCT EXTRACT(YEAR FROM published_on)) FROM document WHERE published_on IS NOT NULL"))
        .isGreaterThanOrEqualTo(5);
    assertThat(count("SELECT COUNT(*) FROM interpretation_link")).isGreaterThan(20);
    assertThat(count("SELECT COUNT(*) FROM attachment")).isGreaterThan(20);
    assertThat(count("SELECT COUNT(*) FROM edition WHERE validity = 'REPEALED'")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM power_item")).isGreaterThanOrEqualTo(20);
    assertThat(count("SELECT COUNT(DISTINCT type) FROM power_version")).isGreaterThanOrEqualTo(5);
    Awaitility.await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(
            () -> assertThat(count("SELECT COUNT(*) FROM monitor_finding")).isPositive());
    assertThat(count("SELECT COUNT(*) FROM foi_request")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM consultation")).isGreaterThanOrEqualTo(2);
    assertThat(count("SELECT COUNT(*) FROM mailbox_message WHERE published = TRUE")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM interview WHERE published = TRUE")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM edition WHERE validity = 'EXPIRED'")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM edition WHERE state = 'WITHDRAWN'")).isPositive();
    assertThat(count("SELECT COUNT(*) FROM edition WHERE doc_number LIKE '%〔%〕%号'"))
        .isGreaterThan(100);
    assertThat(count("SELECT COUNT(*) FROM account"))
        .as("the admin and the bureau's reviewer")
        .isEqualTo(2);
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }
}
