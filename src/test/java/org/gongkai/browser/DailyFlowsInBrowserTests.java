package org.gongkai.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gongkai.screening.internal.PdfRedactorTests;
import org.gongkai.support.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A reviewer's working day in a real browser, on the demo's commerce bureau: a request answered
 * from registration to delivery, a comment moderated, a mailbox message answered; each starts from
 * the to-do page or the list, as staff would.
 */
class DailyFlowsInBrowserTests extends BrowserTests {

  static final String PASSWORD = "daily-flows-password";

  @BeforeEach
  void logInAsTheBureausReviewer() {
    withPassword(REVIEWER, PASSWORD);
    open("/login");
    browser.manage().deleteAllCookies();
    logIn(REVIEWER, PASSWORD, "/console");
  }

  private String commerce() {
    return jdbc.sql("SELECT code FROM agency WHERE name = '临江市商务局'").query(String.class).single();
  }

  @Test
  void answersARequestFromRegistrationToDelivery() {
    Api api = new Api(port);
    String code =
        api.post(
                "/api/v1/foi/requests",
                api.answered(
                    "{\"agency\":\""
                        + commerce()
                        + "\",\"applicantType\":\"NATURAL_PERSON\",\"name\":\"郑女士\",\"idType\":\"RESIDENT_ID\","
                        + "\"idNumber\":\"110101199003074514\",\"phone\":\"13812345678\",\"email\":\"zheng@example.cn\","
                        + "\"address\":\"临江市滨江路1号\",\"description\":\"2025年外贸企业扶持资金的分配结果\","
                        + "\"purpose\":\"了解政策\",\"deliveryChannel\":\"EMAIL\"}"),
                null,
                null)
            .json("$.trackingCode");
    long id =
        jdbc.sql("SELECT id FROM foi_request WHERE tracking_code = ?")
            .param(code)
            .query(Long.class)
            .single();

    open("/console/foi");
    browser.findElement(By.linkText(code)).click();
    submit("register");
    new Select(browser.findElement(By.id("assignee")))
        .selectByVisibleText(accounts.findByUsername(REVIEWER).orElseThrow().displayName());
    submit("assign");

    open("/console");
    assertThat(browser.findElement(By.cssSelector(".todo")).getText())
        .contains("分配给我的申请", code, "剩余 20 个工作日");
    browser.findElement(By.partialLinkText(code)).click();
    assertThat(browser.findElement(By.cssSelector("ol.timeline")).getText()).contains("答复期限");
    browser.findElement(By.id("reply-text")).sendKeys("经检索，该信息已主动公开，获取方式见附件。");
    submit("reply");
    browser
        .findElement(By.cssSelector("form[action$='/record-delivery'] button[type=submit]"))
        .click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector("form[action$='/record-delivery']")).isEmpty());

    assertThat(
            jdbc.sql("SELECT state FROM foi_request WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .isEqualTo("REPLIED");
    assertThat(
            jdbc.sql("SELECT kind FROM foi_event WHERE request_id = ? ORDER BY id")
                .param(id)
                .query(String.class)
                .list())
        .contains("REGISTERED", "ASSIGNED", "REPLIED", "DELIVERED");
  }

  @Test
  void moderatesACommentFromTheConsultationsPage() {
    long consultation =
        jdbc.sql(
                "SELECT id FROM consultation WHERE kind = 'CALL_FOR_COMMENTS' AND agency_id ="
                    + " (SELECT id FROM agency WHERE name = '临江市商务局')")
            .query(Long.class)
            .single();
    long pending =
        jdbc.sql(
                "SELECT id FROM consultation_comment WHERE consultation_id = ? AND state = 'PENDING'")
            .param(consultation)
            .query(Long.class)
            .list()
            .get(0);

    open("/console/consultations/" + consultation);
    browser.findElement(By.id("pick-" + pending)).click();
    browser.findElement(By.id("publish-several")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.cssSelector("p.notice")).getText().contains("已审核 1 条意见"));

    assertThat(
            jdbc.sql("SELECT state FROM consultation_comment WHERE id = ?")
                .param(pending)
                .query(String.class)
                .single())
        .isEqualTo("PUBLISHED");
  }

  @Test
  void answersAMailboxMessage() {
    Api api = new Api(port);
    Api.Response written =
        api.post(
            "/api/v1/mailbox/messages",
            api.answered(
                "{\"agency\":\""
                    + commerce()
                    + "\",\"type\":\"QUESTION\","
                    + "\"toHead\":false,\"title\":\"外贸补贴申报时间\",\"content\":\"请问今年外贸补贴什么时候申报？\",\"name\":\"钱先生\","
                    + "\"phone\":\"13912345678\",\"email\":\"qian@example.cn\",\"publicConsent\":true}"),
            null,
            null);
    assertThat(written.status()).as(written.body()).isEqualTo(201);

    open("/console");
    assertThat(browser.findElement(By.cssSelector(".todo")).getText()).contains("待答复的留言");
    browser.findElement(By.linkText("外贸补贴申报时间")).click();
    browser.findElement(By.id("reply")).sendKeys("今年的申报时间为6月1日至6月30日，详见商务局通知。");
    submit("reply");
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElements(By.cssSelector("form[action$='/reply']")).isEmpty());

    assertThat(
            jdbc.sql("SELECT state FROM mailbox_message WHERE title = '外贸补贴申报时间'")
                .query(String.class)
                .single())
        .isEqualTo("REPLIED");
  }

  @Test
  void redactsAFileWithBoxesPlacedByKeyboardAndByMouse() throws Exception {
    Path pdf = Files.createTempFile("list", ".pdf");
    Files.write(pdf, PdfRedactorTests.leaky());
    open("/console/redactions");
    browser.findElement(By.id("file")).sendKeys(pdf.toString());
    browser.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.getCurrentUrl().matches(".*/console/redactions/\\d+$"));

    // The keyboard: Tab to the second page, Enter places a box, the arrows move and resize it,
    // Enter adds it as the first row.
    WebElement second = browser.findElement(By.cssSelector(".redaction-page[data-page='2']"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", second);
    second.sendKeys(Keys.ENTER);
    assertThat(browser.findElement(By.id("draw-status")).getAttribute("textContent"))
        .contains("已放置遮盖框");
    second.sendKeys(Keys.chord(Keys.SHIFT, Keys.ARROW_UP));
    second.sendKeys(Keys.chord(Keys.ALT, Keys.ARROW_RIGHT));
    second.sendKeys(Keys.ENTER);
    List<WebElement> lefts = browser.findElements(By.name("left"));
    List<WebElement> tops = browser.findElements(By.name("top"));
    List<WebElement> widths = browser.findElements(By.name("width"));
    assertThat(browser.findElements(By.name("page")).get(0).getAttribute("value")).isEqualTo("2");
    assertThat(Double.parseDouble(widths.get(0).getAttribute("value"))).isEqualTo(41.0);
    assertThat(Double.parseDouble(tops.get(0).getAttribute("value"))).isLessThan(150);
    assertThat(browser.findElement(By.id("draw-status")).getAttribute("textContent"))
        .contains("已加入第 1 个遮盖框");

    // The mouse: a box dragged on the first page becomes the second row.
    WebElement first = browser.findElement(By.cssSelector(".redaction-page[data-page='1'] img"));
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", first);
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return arguments[0].complete && arguments[0].naturalWidth > 0",
                            first));
    new Actions(browser)
        .moveToElement(first, -first.getSize().width / 4, -first.getSize().height / 4)
        .clickAndHold()
        .moveByOffset(80, 30)
        .release()
        .perform();
    assertThat(browser.findElements(By.name("page")).get(1).getAttribute("value")).isEqualTo("1");
    assertThat(Double.parseDouble(lefts.get(1).getAttribute("value"))).isGreaterThan(0);
    assertThat(browser.findElements(By.cssSelector(".redaction-box.saved"))).hasSize(2);

    assertThat(browser.findElement(By.id("auto")).isSelected()).isTrue();
    browser.findElement(By.cssSelector("#redaction-form button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(d -> d.getPageSource().contains("已生成遮盖后的文件"));
    assertThat(
            jdbc.sql("SELECT boxes FROM redaction_work ORDER BY id DESC")
                .query(String.class)
                .list()
                .get(0))
        .contains("\"page\":2", "\"page\":1");
  }

  /** Sends the step's form on the request or message page and waits for the page it leads to. */
  private void submit(String step) {
    String before = browser.getPageSource();
    browser
        .findElement(By.cssSelector("form[action$='/" + step + "'] button[type=submit]"))
        .click();
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.getPageSource().equals(before));
  }
}
