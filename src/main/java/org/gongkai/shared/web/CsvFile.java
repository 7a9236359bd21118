package org.gongkai.shared.web;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A CSV file for a spreadsheet program: UTF-8 with a byte-order mark (so that Excel and WPS read
 * the Chinese), quoted as RFC 4180 says, and with every text that a spreadsheet would take for a
 * formula ({@code = + - @}, a tab or a return first) made plain text by a leading apostrophe, as
 * OWASP advises: a citizen's name or a document title can hold anything. Numbers stay numbers.
 */
public final class CsvFile {

  private static final String FORMULA_STARTS = "=+-@\t\r";

  private final StringWriter out = new StringWriter();
  private final CSVPrinter printer;

  public CsvFile(List<String> header) {
    out.write('\uFEFF');
    try {
      printer = new CSVPrinter(out, CSVFormat.RFC4180);
      row(List.copyOf(header));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a row; numbers are written as they are, everything else as neutralised text. */
  public CsvFile row(List<?> values) {
    try {
      printer.printRecord(values.stream().map(CsvFile::cell).toList());
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    try {
      printer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static Object cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      return value;
    }
    String text = value.toString();
    return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }
}
