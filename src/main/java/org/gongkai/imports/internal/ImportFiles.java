package org.gongkai.imports.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gongkai.catalog.Validity;
import org.gongkai.shared.web.Refusal;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rows of an import file, each read into a {@link Candidate}: a CSV or XLSX sheet whose header
 * cells {@code fields} names (field → header), or the documents of our own catalog export ({@code
 * documents.jsonl}, docs/catalog-export.md), of which the published edition is taken and the column
 * given by its id.
 */
final class ImportFiles {

  static final List<String> FIELDS =
      List.of(
          "sourceUrl",
          "title",
          "indexNumber",
          "column",
          "publishedOn",
          "issuedOn",
          "docNumber",
          "topic",
          "keywords",
          "source",
          "validity",
          "summary",
          "body",
          "attachments");

  private final PageLabels labels;
  private final JsonMapper json;

  ImportFiles(PageLabels labels, JsonMapper json) {
    this.labels = labels;
    this.json = json;
  }

  /** A row read: where it is in the file, and what it says. */
  record Read(String where, Candidate candidate) {}

  List<Read> read(String fileName, byte[] content, Map<String, String> fields) {
    String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
    try {
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        return jsonLines(fileName, content);
      }
      if (name.endsWith(".csv")) {
        return table(fileName, csv(content), fields);
      }
      if (name.endsWith(".xlsx")) {
        return table(fileName, xlsx(content), fields);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof Refusal refusal) {
        throw refusal;
      }
      throw Refusal.invalidField("file", "import.file.unreadable", String.valueOf(e.getMessage()));
    }
    throw Refusal.invalidField("file", "import.file.type");
  }

  private List<Read> table(String fileName, List<List<String>> rows, Map<String, String> fields) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> header = rows.get(0).stream().map(String::strip).toList();
    Map<String, Integer> at = new HashMap<>();
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    fields.forEach(
        (field, title) -> {
          if (!FIELDS.contains(field)) {
            problems.add(new Refusal.FieldProblem("mapping", "import.file.field", field));
          } else if (!header.contains(title == null ? "" : title.strip())) {
            problems.add(new Refusal.FieldProblem("mapping", "import.file.header", title));
          } else {
            at.put(field, header.indexOf(title.strip()));
          }
        });
    if (!at.containsKey("title") || !at.containsKey("body")) {
      problems.add(new Refusal.FieldProblem("mapping", "import.file.required"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    List<Read> read = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      List<String> row = rows.get(r);
      if (row.stream().allMatch(String::isBlank)) {
        continue;
      }
      Map<String, String> v = new HashMap<>();
      at.forEach((field, i) -> v.put(field, i < row.size() ? blankToNull(row.get(i)) : null));
      String body = v.get("body");
      read.add(
          new Read(
              fileName + "#" + (r + 1),
              new Candidate(
                  v.get("sourceUrl"),
                  v.get("title"),
                  v.get("indexNumber"),
                  v.get("column"),
                  PageReader.date(v.get("publishedOn")).orElse(null),
                  PageReader.date(v.get("issuedOn")).orElse(null),
                  v.get("docNumber"),
                  v.get("topic"),
                  v.get("keywords"),
                  v.get("source"),
                  labels.validity(v.get("validity")).orElse(Validity.VALID),
                  v.get("summary"),
                  body == null || body.contains("<") ? body : paragraphs(body),
                  v.get("attachments") == null
                      ? List.of()
                      : List.of(v.get("attachments").strip().split("[\\s;]+")))));
    }
    return read;
  }

  private List<Read> jsonLines(String fileName, byte[] content) throws JacksonException {
    List<Read> read = new ArrayList<>();
    String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
    for (int n = 0; n < lines.length; n++) {
      if (lines[n].isBlank()) {
        continue;
      }
      JsonNode doc = json.readTree(lines[n]);
      JsonNode live = null;
      for (JsonNode edition : doc.path("editions")) {
        if ("PUBLISHED".equals(edition.path("state").asString(""))) {
          live = edition;
        }
      }
      if (live == null) {
        continue; // drafts and withdrawn documents are not brought in as published ones
      }
      read.add(
          new Read(
              fileName + "#" + (n + 1),
              new Candidate(
                  null,
                  text(live, "title"),
                  text(doc, "indexNumber"),
                  live.path("columnId").isMissingNode() ? null : live.path("columnId").asString(),
                  PageReader.date(text(doc, "publishedOn")).orElse(null),
                  PageReader.date(text(live, "issuedOn")).orElse(null),
                  text(live, "docNumber"),
                  text(live, "topic"),
                  text(live, "keywords"),
                  text(live, "source"),
                  validity(text(live, "validity")),
                  text(live, "summary"),
                  text(live, "bodyHtml"),
                  List.of())));
    }
    return read;
  }

  private static Validity validity(String value) {
    try {
      return value == null ? Validity.VALID : Validity.valueOf(value);
    } catch (IllegalArgumentException e) {
      return Validity.VALID;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : blankToNull(value.asString());
  }

  private static List<List<String>> csv(byte[] content) throws IOException {
    int bom = content.length >= 3 && (content[0] & 0xff) == 0xef ? 3 : 0;
    try (Reader in =
        new InputStreamReader(
            new ByteArrayInputStream(content, bom, content.length - bom), StandardCharsets.UTF_8)) {
      List<List<String>> rows = new ArrayList<>();
      for (CSVRecord record : CSVFormat.RFC4180.parse(in)) {
        rows.add(record.toList());
      }
      return rows;
    }
  }

  private static List<List<String>> xlsx(byte[] content) throws IOException {
    try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      Sheet sheet = book.getSheetAt(0);
      DataFormatter format = new DataFormatter(Locale.ROOT);
      List<List<String>> rows = new ArrayList<>();
      for (Row row : sheet) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
          Cell cell = row.getCell(c);
          if (cell == null) {
            cells.add("");
          } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            LocalDate date = cell.getLocalDateTimeCellValue().toLocalDate();
            cells.add(date.toString());
          } else {
            cells.add(format.formatCellValue(cell));
          }
        }
        rows.add(cells);
      }
      return rows;
    }
  }

  private static String paragraphs(String text) {
    StringBuilder html = new StringBuilder();
    for (String line : text.split("\\r?\\n")) {
      if (!line.isBlank()) {
        html.append("<p>").append(HtmlUtils.htmlEscape(line.strip())).append("</p>");
      }
    }
    return html.toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
