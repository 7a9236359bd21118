package org.gongkai.assessment.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * A year's results as a workbook (the ranking and every indicator) and as a Word report per agency.
 */
@Service
class AssessmentExports {

  private final MessageSource messages;

  AssessmentExports(MessageSource messages) {
    this.messages = messages;
  }

  byte[] workbook(Assessments.Standing standing, Locale locale) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet ranking = book.createSheet(text("assessment.ranking", locale));
      header(
          ranking,
          locale,
          "assessment.rank",
          "assessment.agency",
          "assessment.total",
          "assessment.max",
          "assessment.vetoed");
      int r = 1;
      for (Scoring.AgencyResult a : standing.results()) {
        Row row = ranking.createRow(r++);
        row.createCell(0).setCellValue(a.rank());
        row.createCell(1).setCellValue(a.name());
        row.createCell(2).setCellValue(a.total().doubleValue());
        row.createCell(3).setCellValue(a.max().doubleValue());
        row.createCell(4).setCellValue(a.vetoed() ? text("assessment.vetoed", locale) : "");
      }
      ranking.setColumnWidth(1, 30 * 256);
      Sheet items = book.createSheet(text("assessment.items", locale));
      header(
          items,
          locale,
          "assessment.agency",
          "assessment.column.code",
          "assessment.column.name",
          "assessment.points",
          "assessment.max",
          "assessment.source",
          "assessment.evidence");
      r = 1;
      for (Scoring.AgencyResult a : standing.results()) {
        for (Scoring.Item i : a.items()) {
          Row row = items.createRow(r++);
          row.createCell(0).setCellValue(a.name());
          row.createCell(1).setCellValue(i.code());
          row.createCell(2).setCellValue(i.name());
          row.createCell(3).setCellValue(i.points().doubleValue());
          row.createCell(4).setCellValue(i.max().doubleValue());
          row.createCell(5)
              .setCellValue(
                  i.source() == null ? "" : text("assessment.source." + i.source(), locale));
          row.createCell(6)
              .setCellValue(i.evidence() == null ? "" : i.evidence().render(messages, locale));
        }
      }
      items.setColumnWidth(0, 24 * 256);
      items.setColumnWidth(2, 30 * 256);
      items.setColumnWidth(6, 80 * 256);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One agency's result: total and rank, each indicator with its points and evidence, and its
   * objections answered.
   */
  byte[] report(
      Assessments.Standing standing,
      Scoring.AgencyResult result,
      List<AssessmentRepository.Objection> objections,
      Locale locale) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFParagraph title = doc.createParagraph();
      title.setAlignment(ParagraphAlignment.CENTER);
      XWPFRun run = title.createRun();
      run.setBold(true);
      run.setFontSize(18);
      run.setText(
          messages.getMessage(
              "assessment.report.title",
              new Object[] {String.valueOf(standing.assessment().year()), result.name()},
              locale));
      paragraph(
          doc,
          messages.getMessage(
              standing.isFinal() ? "assessment.report.final" : "assessment.report.draft",
              new Object[] {
                SchemeCheck.plain(result.total()),
                SchemeCheck.plain(result.max()),
                result.rank(),
                standing.results().size()
              },
              locale));
      if (result.vetoed()) {
        paragraph(doc, text("assessment.report.vetoed", locale));
      }
      XWPFTable table = doc.createTable(1, 5);
      table.setWidth("100%");
      String[] heads = {
        text("assessment.column.name", locale),
        text("assessment.points", locale),
        text("assessment.max", locale),
        text("assessment.source", locale),
        text("assessment.evidence", locale)
      };
      for (int c = 0; c < heads.length; c++) {
        table.getRow(0).getCell(c).setText(heads[c]);
      }
      table.getRow(0).setRepeatHeader(true);
      for (Scoring.Item i : result.items()) {
        XWPFTableRow row = table.createRow();
        row.getCell(0).setText("  ".repeat(i.depth()) + i.code() + " " + i.name());
        row.getCell(1).setText(i.kind() == IndicatorKind.VETO ? "" : SchemeCheck.plain(i.points()));
        row.getCell(2).setText(i.kind() == IndicatorKind.VETO ? "" : SchemeCheck.plain(i.max()));
        row.getCell(3)
            .setText(i.source() == null ? "" : text("assessment.source." + i.source(), locale));
        row.getCell(4).setText(i.evidence() == null ? "" : i.evidence().render(messages, locale));
      }
      if (!objections.isEmpty()) {
        paragraph(doc, text("assessment.objections", locale)).getRuns().get(0).setBold(true);
        for (AssessmentRepository.Objection o : objections) {
          paragraph(
              doc,
              messages.getMessage(
                  "assessment.report.objection",
                  new Object[] {
                    o.indicatorCode() == null
                        ? text("assessment.objection.whole", locale)
                        : o.indicatorCode(),
                    o.body(),
                    o.decision() == null
                        ? text("assessment.objection.pending", locale)
                        : text("assessment.decision." + o.decision(), locale) + " " + o.answer()
                  },
                  locale));
        }
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.createRun().setText(text);
    return p;
  }

  private void header(Sheet sheet, Locale locale, String... keys) {
    Row head = sheet.createRow(0);
    for (int c = 0; c < keys.length; c++) {
      head.createCell(c).setCellValue(text(keys[c], locale));
    }
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, key, locale);
  }
}
