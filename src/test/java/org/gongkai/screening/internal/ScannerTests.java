package org.gongkai.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.screening.Finding;
import org.gongkai.screening.FindingKind;
import org.junit.jupiter.api.Test;

class ScannerTests {

  private final Scanner scanner = new Scanner();

  private List<FindingKind> kinds(String text) {
    return scanner.scanText("body", text, Set.of()).stream().map(Finding::kind).toList();
  }

  @Test
  void anIdentityNumberIsOneOnlyWithItsCheckCharacterAndABirthDate() {
    assertThat(kinds("申请人身份证号11010519491231002X，住址略。"))
        .containsExactly(FindingKind.IDENTITY_NUMBER);
    assertThat(kinds("号码 340102199001011236 与")).containsExactly(FindingKind.IDENTITY_NUMBER);
    assertThat(kinds("校验位错误的 110105194912310021 不算")).isEmpty();
    assertThat(kinds("日期不存在的 340102199013011233 不算")).isEmpty();
    assertThat(kinds("统一社会信用代码 91341100MA2N4XQ31K 是机构的代码")).isEmpty();
  }

  @Test
  void telephoneNumbersButNotTheOfficesOwn() {
    assertThat(kinds("联系人手机13800138000")).containsExactly(FindingKind.MOBILE_NUMBER);
    assertThat(kinds("手机 138-0013-8000 或 +86 139 0013 8000"))
        .containsExactly(FindingKind.MOBILE_NUMBER, FindingKind.MOBILE_NUMBER);
    assertThat(kinds("家中电话0552-3456789")).containsExactly(FindingKind.LANDLINE_NUMBER);
    assertThat(kinds("咨询电话：0552-3456789，传真：(0552)3456780")).isEmpty();
    assertThat(scanner.scanText("body", "请拨打0552-3111222", Set.of("0552-3111222"))).isEmpty();
    assertThat(kinds("金额 1380013800000 元")).isEmpty();
  }

  @Test
  void bankCardsByTheirLuhnDigitPassportsByTheirWordsAndPrivateMail() {
    assertThat(kinds("开户账号 6222 0212 3456 7890 128")).containsExactly(FindingKind.BANK_CARD_NUMBER);
    assertThat(kinds("开户账号 6222021234567890127")).isEmpty();
    assertThat(kinds("护照号码：E12345678")).containsExactly(FindingKind.PASSPORT_NUMBER);
    assertThat(kinds("产品型号E12345678")).isEmpty();
    assertThat(kinds("来信请寄 zhangsan@163.com")).containsExactly(FindingKind.EMAIL_ADDRESS);
    assertThat(kinds("公开邮箱 xxgk@linjiang.gov.cn")).isEmpty();
  }

  @Test
  void secrecyMarksAndHomeAddressesAsAWarning() {
    assertThat(kinds("机密★1年\n关于某事的通知")).containsExactly(FindingKind.SECRECY_MARK);
    assertThat(kinds("秘密★ 内部资料 注意保密"))
        .containsExactly(
            FindingKind.SECRECY_MARK, FindingKind.SECRECY_MARK, FindingKind.SECRECY_MARK);
    assertThat(kinds("（此件不予公开）")).containsExactly(FindingKind.SECRECY_MARK);
    assertThat(kinds("对申请公开的信息，依法决定不予公开的，应当告知理由。")).isEmpty();
    List<Finding> home = scanner.scanText("body", "住幸福路12号3栋2单元501室", Set.of());
    assertThat(home).extracting(Finding::kind).containsExactly(FindingKind.HOME_ADDRESS);
    assertThat(home.get(0).blocking()).isFalse();
  }

  @Test
  void anExcerptMasksTheValueAndHtmlCellsNeverJoin() {
    List<Finding> found =
        scanner.scanText(
            "body",
            "<p>身份证号：11010519491231002X</p><table><tr><td>1380013</td><td>8000</td></tr></table>",
            Set.of());
    assertThat(found).hasSize(1);
    assertThat(found.get(0).excerpt()).isEqualTo("身份证号：11**************2X");
    assertThat(found.get(0).toString()).doesNotContain("11010519491231002X");
  }

  @Test
  void filesAreReadPageBySheetAndImagesAreNotTakenForClean() throws IOException {
    XSSFWorkbook workbook = new XSSFWorkbook();
    var row = workbook.createSheet("名单").createRow(0);
    row.createCell(0).setCellValue("张三");
    row.createCell(1).setCellValue(13800138000d);
    var xlsx = new ByteArrayOutputStream();
    workbook.write(xlsx);
    workbook.close();
    assertThat(scanner.scanFile("名单.xlsx", xlsx.toByteArray(), Set.of()))
        .extracting(Finding::kind, Finding::where)
        .containsExactly(tuple(FindingKind.MOBILE_NUMBER, "attachment:名单.xlsx#sheet=名单"));

    XWPFDocument word = new XWPFDocument();
    word.createParagraph().createRun().setText("Card 6217001234567893 of the applicant");
    var docx = new ByteArrayOutputStream();
    word.write(docx);
    word.close();
    assertThat(scanner.scanFile("letter.docx", docx.toByteArray(), Set.of()))
        .extracting(Finding::kind)
        .containsExactly(FindingKind.BANK_CARD_NUMBER);

    byte[] pdf;
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (var content = new PDPageContentStream(document, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        content.newLineAtOffset(72, 700);
        content.showText("ID 34010219850612301X");
        content.endText();
      }
      document.addPage(new PDPage());
      var out = new ByteArrayOutputStream();
      document.save(out);
      pdf = out.toByteArray();
    }
    assertThat(scanner.scanFile("list.pdf", pdf, Set.of()))
        .extracting(Finding::kind, Finding::where)
        .containsExactly(
            tuple(FindingKind.IDENTITY_NUMBER, "attachment:list.pdf#page=1"),
            tuple(FindingKind.NOT_SCANNED, "attachment:list.pdf#page=2"));

    assertThat(scanner.scanFile("photo.jpg", new byte[] {1, 2, 3}, Set.of()))
        .extracting(Finding::kind)
        .containsExactly(FindingKind.NOT_SCANNED);
    assertThat(scanner.scanFile("broken.pdf", new byte[] {1, 2, 3}, Set.of()))
        .extracting(Finding::kind)
        .containsExactly(FindingKind.NOT_SCANNED);
  }
}
