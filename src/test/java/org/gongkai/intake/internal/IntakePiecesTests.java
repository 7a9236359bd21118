package org.gongkai.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.gongkai.intake.Confidence;
import org.gongkai.intake.Intake;
import org.gongkai.intake.RecognisedDocument;
import org.gongkai.intake.SplitAttachment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntakePiecesTests {

  private final DocumentRecogniser intake = new DocumentRecogniser();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "临商〔2026〕12号|临商〔2026〕12号",
        "临商[2026]12号|临商〔2026〕12号",
        "临商［2026］12号|临商〔2026〕12号",
        "临商（2026）12号|临商〔2026〕12号",
        "临商(2026)12号|临商〔2026〕12号",
        "临商【2026】12号|临商〔2026〕12号",
        "临商 〔 2026 〕 12 号|临商〔2026〕12号",
        "鲁政办字〔2025〕108号          签发人：张三|鲁政办字〔2025〕108号"
      })
  void readsTheNumberInAnyBracket(String written, String expected) {
    RecognisedDocument r = recognise(header(written), title("关于做好某项工作的通知"), date("2026年3月5日"));
    assertThat(r.docNumber().value()).isEqualTo(expected);
    assertThat(r.docNumber().confidence()).isEqualTo(Confidence.HIGH);
  }

  @Test
  void aDocumentWithoutNumberSaysSo() {
    RecognisedDocument r =
        recognise(
            List.of(new Line("临沂市商务局文件", 36, Line.Align.CENTER, true, false, false, 1, 0)),
            title("关于做好某项工作的通知"),
            date("2026年3月5日"));
    assertThat(r.docNumber().value()).isNull();
    assertThat(r.docNumber().confidence()).isEqualTo(Confidence.LOW);
    assertThat(r.docNumber().note()).isEqualTo("intake.note.number-missing");
    assertThat(r.title().value()).isEqualTo("关于做好某项工作的通知");
  }

  @ParameterizedTest
  @CsvSource({
    "2026年3月5日, 2026-03-05",
    "2026 年 3 月 5 日, 2026-03-05",
    "二〇二六年三月五日, 2026-03-05",
    "二○二六年十二月三十一日, 2026-12-31",
    "二〇二六年十月十日, 2026-10-10",
    "二〇二六年十一月二十日, 2026-11-20",
    "二零二五年一月一日, 2025-01-01"
  })
  void readsDatesInFiguresAndWrittenOut(String line, LocalDate expected) {
    assertThat(Dates.ofLine(line)).isEqualTo(expected);
  }

  @Test
  void aDayThatDoesNotExistIsNoDate() {
    assertThat(Dates.ofLine("2026年2月30日")).isNull();
    assertThat(Dates.ofLine("二〇二六年二月三十日")).isNull();
    assertThat(Dates.ofLine("2026年3月5日印发")).isNull();
  }

  @Test
  void joinsATitleOverThreeCentredLines() {
    List<Line> title = new ArrayList<>();
    for (String part : List.of("关于公布2026年度", "临沂市技能大师工作室", "建设项目名单的通知")) {
      title.add(new Line(part, 22, Line.Align.CENTER, false, true, false, 1, 0));
    }
    RecognisedDocument r = recognise(header("临人社发〔2026〕15号"), title, date("2026年9月10日"));
    assertThat(r.title().value()).isEqualTo("关于公布2026年度临沂市技能大师工作室建设项目名单的通知");
    assertThat(r.title().confidence()).isEqualTo(Confidence.HIGH);
  }

  @Test
  void aTitleWithoutLayoutIsFoundByItsKindButMarkedForConfirming() {
    List<Line> title =
        List.of(
            new Line("关于做好2026年防汛", 16, Line.Align.LEFT, false, false, false, 1, 0),
            new Line("工作的通知", 16, Line.Align.LEFT, false, false, false, 1, 0));
    RecognisedDocument r = recognise(header("兰政办发〔2026〕5号"), title, date("2026年6月10日"));
    assertThat(r.title().value()).isEqualTo("关于做好2026年防汛工作的通知");
    assertThat(r.title().confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(r.title().note()).isEqualTo("intake.note.title-layout");
  }

  @Test
  void aDateNotSetToTheRightIsMarkedForConfirming() {
    List<Line> date =
        List.of(new Line("2026年6月10日", 16, Line.Align.LEFT, false, false, false, 1, 0));
    RecognisedDocument r = recognise(header("兰政办发〔2026〕5号"), title("关于防汛的通知"), date);
    assertThat(r.writtenOn().value()).isEqualTo(LocalDate.of(2026, 6, 10));
    assertThat(r.writtenOn().confidence()).isEqualTo(Confidence.MEDIUM);
  }

  @Test
  void splitsAppendedAttachmentsOfAWordDocumentIntoDocumentsOfTheirOwn() throws IOException {
    IntakeSpec spec = spec("16");
    RecognisedDocument r = intake.recognise(spec.fileName(), SampleDocx.write(spec), List.of());
    assertThat(r.attachments())
        .extracting(SplitAttachment::fileName)
        .containsExactly("附件1-道路运输安全生产检查表.docx", "附件2-检查情况汇总表.docx", "附件3-隐患整改台账.docx");
    for (int i = 0; i < 3; i++) {
      try (XWPFDocument part =
          new XWPFDocument(new ByteArrayInputStream(r.attachments().get(i).content()))) {
        String text =
            part.getParagraphs().stream().map(p -> p.getText()).reduce("", (a, b) -> a + b + "\n");
        assertThat(text).startsWith("附件" + (i + 1)).contains(spec.attachments().get(i));
        assertThat(text).doesNotContain("抄送", "印发", "检查时间");
      }
    }
  }

  @Test
  void splitsAppendedAttachmentsOfAPdfByTheirPages() throws IOException {
    IntakeSpec spec = spec("25");
    RecognisedDocument r = intake.recognise(spec.fileName(), SamplePdf.write(spec), List.of());
    assertThat(r.attachments()).hasSize(2);
    for (int i = 0; i < 2; i++) {
      SplitAttachment a = r.attachments().get(i);
      assertThat(a.mediaType()).isEqualTo("application/pdf");
      try (PDDocument part = Loader.loadPDF(a.content())) {
        String text = new PDFTextStripper().getText(part);
        assertThat(part.getNumberOfPages()).isEqualTo(1);
        assertThat(text).contains("附件" + (i + 1)).contains(spec.attachments().get(i));
        assertThat(text).doesNotContain("印发给你们");
      }
    }
  }

  @Test
  void refusesWhatItCannotRead() throws IOException {
    assertThatThrownBy(() -> intake.recognise("letter.doc", new byte[] {1, 2, 3}, List.of()))
        .isInstanceOfSatisfying(
            Intake.Unreadable.class,
            e -> assertThat(e.messageKey()).isEqualTo("intake.unsupported"));
    assertThatThrownBy(
            () -> intake.recognise("broken.pdf", "%PDF-1.7 nothing".getBytes(), List.of()))
        .isInstanceOfSatisfying(
            Intake.Unreadable.class,
            e -> assertThat(e.messageKey()).isEqualTo("intake.unreadable"));
    assertThatThrownBy(() -> intake.recognise("scan.pdf", blankPdf(), List.of()))
        .isInstanceOfSatisfying(
            Intake.Unreadable.class,
            e -> assertThat(e.messageKey()).isEqualTo("intake.no-text-layer"));
  }

  static byte[] blankPdf() throws IOException {
    try (PDDocument document = new PDDocument()) {
      document.addPage(new PDPage());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private static IntakeSpec spec(String id) throws IOException {
    return IntakeSpec.all().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  private RecognisedDocument recognise(List<Line> header, List<Line> title, List<Line> date) {
    List<Line> lines = new ArrayList<>(header);
    lines.addAll(title);
    lines.add(new Line("各县区商务主管部门：", 16, Line.Align.LEFT, false, false, false, 1, 0));
    lines.add(new Line("现将有关事项通知如下。", 16, Line.Align.LEFT, false, true, false, 1, 0));
    lines.addAll(date);
    return RecognisedFields.of(Sections.of(lines), List.of(), List.of());
  }

  private static List<Line> header(String number) {
    return List.of(
        new Line("临沂市商务局文件", 36, Line.Align.CENTER, true, false, false, 1, 0),
        new Line(number, 16, Line.Align.CENTER, false, false, false, 1, 0));
  }

  private static List<Line> title(String text) {
    return List.of(new Line(text, 22, Line.Align.CENTER, false, false, false, 1, 0));
  }

  private static List<Line> date(String text) {
    return List.of(
        new Line("临沂市商务局", 16, Line.Align.RIGHT, false, true, false, 1, 0),
        new Line(text, 16, Line.Align.RIGHT, false, true, false, 1, 0));
  }
}
