package org.gongkai.decision.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Spreadsheets of decisions taken in, in the standard's column order ({@link
 * StandardColumns#imported}): whole or not at all, every bad cell named by its row and column, the
 * rows entered as drafts of one import.
 */
@Service
class DecisionImports {

  private final Decisions decisions;
  private final DecisionChecks checks;
  private final StaffAccess access;
  private final TransactionTemplate transactions;
  private final MessageSource messages;

  DecisionImports(
      Decisions decisions,
      DecisionChecks checks,
      StaffAccess access,
      TransactionTemplate transactions,
      MessageSource messages) {
    this.decisions = decisions;
    this.checks = checks;
    this.access = access;
    this.transactions = transactions;
    this.messages = messages;
  }

  /** A bad cell: its row (as the spreadsheet numbers it), column letter and header, and why. */
  record CellProblem(int row, String column, String field, String label, String message) {}

  /** An import taken: how many rows, and the id that finds them again. */
  record Imported(int rows, String batch) {}

  /** An import refused whole, with every bad cell. */
  static class ImportRefused extends RuntimeException {
    private final transient List<CellProblem> problems;

    ImportRefused(List<CellProblem> problems) {
      super("import refused: " + problems.size() + " problems");
      this.problems = List.copyOf(problems);
    }

    List<CellProblem> problems() {
      return problems;
    }
  }

  /**
   * Reads every row of the first sheet (the first row is the header) and enters them all as drafts
   * in one transaction, or none and reports every bad cell.
   */
  Imported importWorkbook(String agencyCode, DecisionKind kind, byte[] content, Staff actor) {
    Agency agency = checks.agency(agencyCode);
    access.requireAgency(actor, agency.id());
    if (kind == null) {
      throw Refusal.invalidField("kind", "decision.kind.required");
    }
    List<String> columns = StandardColumns.imported(kind);
    List<DecisionForm> forms = new ArrayList<>();
    List<CellProblem> problems = new ArrayList<>();
    DataFormatter formatter = new DataFormatter(Locale.ROOT);
    Set<String> numbers = new HashSet<>();
    Workbook opened;
    try {
      opened = WorkbookFactory.create(new ByteArrayInputStream(content));
    } catch (IOException | RuntimeException notASpreadsheet) {
      throw Refusal.invalidField("file", "decision.import.unreadable");
    }
    try (Workbook book = opened) {
      Sheet sheet = book.getSheetAt(0);
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null) {
          continue;
        }
        Map<String, String> values = new HashMap<>();
        boolean empty = true;
        for (int c = 0; c < columns.size(); c++) {
          String value = text(row.getCell(c), formatter);
          if (value != null) {
            empty = false;
            values.put(columns.get(c), fromLabel(columns.get(c), value));
          }
        }
        if (empty) {
          continue;
        }
        values.put("kind", kind.name());
        int rowNumber = r + 1;
        ConsoleForms.Read read = ConsoleForms.lenient(values, agency.code());
        DecisionForm form = read.form();
        List<Refusal.FieldProblem> found =
            new ArrayList<>(ConsoleForms.merged(read.problems(), checks.problems(form, agency)));
        String number = form.decisionNumber() == null ? null : form.decisionNumber().strip();
        if (number != null && !numbers.add(number)) {
          found.add(new Refusal.FieldProblem("decisionNumber", "decision.number.twice"));
        }
        for (Refusal.FieldProblem p : found) {
          int c = columns.indexOf(p.field());
          problems.add(
              new CellProblem(
                  rowNumber,
                  c < 0 ? "" : StandardColumns.letter(c),
                  p.field(),
                  text(Vocabulary.labelKey(p.field())),
                  messages.getMessage(
                      p.messageKey(), p.arguments(), p.messageKey(), Locale.SIMPLIFIED_CHINESE)));
        }
        if (found.isEmpty()) {
          forms.add(form);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!problems.isEmpty()) {
      throw new ImportRefused(problems);
    }
    if (forms.isEmpty()) {
      throw Refusal.invalidField("file", "decision.import.empty");
    }
    String batch = UUID.randomUUID().toString();
    transactions.executeWithoutResult(tx -> decisions.insertChecked(forms, agency, actor, batch));
    return new Imported(forms.size(), batch);
  }

  private static String text(Cell cell, DataFormatter formatter) {
    if (cell == null) {
      return null;
    }
    String value;
    if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
        && DateUtil.isCellDateFormatted(cell)) {
      value = cell.getLocalDateTimeCellValue().toLocalDate().toString();
    } else {
      value = formatter.formatCellValue(cell);
    }
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** A coded column's value given as its Chinese name is read as its code. */
  private String fromLabel(String field, String value) {
    String list = StandardColumns.vocabulary(field);
    if (list == null) {
      return value;
    }
    Map<String, String> byLabel = new HashMap<>();
    for (String code : StandardColumns.codes(field)) {
      byLabel.put(text("decision." + list + "." + code), code);
    }
    if (field.equals("penaltyKinds")) {
      return java.util.Arrays.stream(value.split("[,，、;；]+"))
          .map(String::strip)
          .map(v -> byLabel.getOrDefault(v, v))
          .collect(Collectors.joining(","));
    }
    return byLabel.getOrDefault(value, value);
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
  }
}
