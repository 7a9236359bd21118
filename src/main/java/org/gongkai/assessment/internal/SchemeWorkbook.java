package org.gongkai.assessment.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.account.Staff;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;

/**
 * A scheme as a spreadsheet, one indicator per row under a heading row: exported as it stands and
 * imported whole or not at all, every bad cell of every row named.
 */
@Service
class SchemeWorkbook {

  private final Schemes schemes;

  SchemeWorkbook(Schemes schemes) {
    this.schemes = schemes;
  }

  byte[] export(Scheme scheme, Locale locale) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet(String.valueOf(scheme.year()));
      Row head = sheet.createRow(0);
      for (int c = 0; c < SchemeCheck.COLUMNS.size(); c++) {
        head.createCell(c)
            .setCellValue(schemes.label("assessment.column." + SchemeCheck.COLUMNS.get(c), locale));
      }
      int r = 1;
      List<SchemeCheck.Row> rows = Schemes.rows(scheme);
      for (int n = 0; n < rows.size(); n++) {
        SchemeCheck.Row row = rows.get(n);
        Indicator indicator = scheme.indicators().get(n);
        Row line = sheet.createRow(r++);
        text(line, 0, row.code());
        text(line, 1, row.parent());
        text(line, 2, row.name());
        text(line, 3, schemes.label("assessment.kind." + row.kind(), locale));
        number(line, 4, row.weight());
        // A category's points are written for the reader; an import checks them against its
        // children's.
        number(
            line,
            5,
            indicator.kind() == IndicatorKind.CATEGORY
                ? SchemeCheck.plain(indicator.maxPoints())
                : row.max());
        text(line, 6, row.rule());
        number(line, 7, row.parameter());
        text(line, 8, row.criterion());
      }
      sheet.setColumnWidth(2, 30 * 256);
      sheet.setColumnWidth(8, 60 * 256);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the year's scheme with the workbook's first sheet, or refuses it whole. */
  Scheme importWorkbook(int year, byte[] content, Staff actor) {
    schemes.get(year);
    List<SchemeCheck.Row> rows = new ArrayList<>();
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      Sheet sheet = book.getSheetAt(0);
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        String[] v = new String[SchemeCheck.COLUMNS.size()];
        boolean empty = true;
        for (int c = 0; c < v.length; c++) {
          Cell cell = row.getCell(c);
          v[c] = cell == null ? null : formatter.formatCellValue(cell).strip();
          empty &= v[c] == null || v[c].isEmpty();
        }
        if (!empty) {
          rows.add(
              new SchemeCheck.Row(r + 1, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]));
        }
      }
    } catch (IOException | RuntimeException e) {
      throw Refusal.invalidField("file", "assessment.import.unreadable");
    }
    return schemes.replace(year, rows, actor, "assessment.scheme.imported");
  }

  private static void text(Row row, int column, String value) {
    if (value != null) {
      row.createCell(column).setCellValue(value);
    }
  }

  private static void number(Row row, int column, String value) {
    if (value != null) {
      row.createCell(column).setCellValue(new BigDecimal(value).doubleValue());
    }
  }
}
