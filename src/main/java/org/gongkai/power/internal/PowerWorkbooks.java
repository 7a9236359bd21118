package org.gongkai.power.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.audit.AuditTrail;
import org.gongkai.power.PowerType;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The power catalog as a spreadsheet: exported whole, and imported whole or not at all, with every
 * bad row reported.
 */
@Service
class PowerWorkbooks {

  private final Powers powers;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  PowerWorkbooks(
      Powers powers, StaffAccess access, AuditTrail audit, TransactionTemplate transactions) {
    this.powers = powers;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
  }

  byte[] export(String agencyCode) {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("powers");
      Row head = sheet.createRow(0);
      for (int c = 0; c < Powers.COLUMNS.size(); c++) {
        head.createCell(c).setCellValue(powers.label(Powers.COLUMNS.get(c)));
      }
      int r = 1;
      for (Powers.Summary s : powers.list(agencyCode, null, null)) {
        Powers.Version v = powers.get(s.code()).current();
        Object[] values = {
          s.code(),
          v.name(),
          v.type().name(),
          String.join("\n", v.legalBasis()),
          v.unit(),
          v.conditions(),
          v.materials(),
          v.timeLimit(),
          v.fees(),
          v.contact(),
          v.flow(),
          v.effectiveOn().toString()
        };
        Row row = sheet.createRow(r++);
        for (int c = 0; c < values.length; c++) {
          if (values[c] != null) {
            row.createCell(c).setCellValue(values[c].toString());
          }
        }
      }
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads every row first; imports all of them in one transaction, or none and reports each bad
   * row.
   */
  int importWorkbook(String agencyCode, byte[] content, Staff actor) {
    Agency agency = powers.agency(agencyCode);
    access.requireAgency(actor, agency.id());
    List<Powers.Form> forms = new ArrayList<>();
    List<Powers.RowProblem> problems = new ArrayList<>();
    DataFormatter formatter = new DataFormatter();
    try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      Sheet sheet = book.getSheetAt(0);
      Set<String> seen = new HashSet<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        Row row = sheet.getRow(r);
        if (row == null || isEmpty(row, formatter)) {
          continue;
        }
        String[] v = new String[Powers.COLUMNS.size()];
        for (int c = 0; c < v.length; c++) {
          Cell cell = row.getCell(c);
          v[c] = cell == null ? null : formatter.formatCellValue(cell).strip();
        }
        int rowNumber = r + 1;
        PowerType type = null;
        try {
          type = v[2] == null || v[2].isBlank() ? null : PowerType.valueOf(typeName(v[2]));
        } catch (IllegalArgumentException e) {
          problems.add(
              new Powers.RowProblem(
                  rowNumber, powers.label("type"), powers.text("power.type.unknown", v[2])));
        }
        LocalDate effective = null;
        try {
          effective = v[11] == null || v[11].isBlank() ? null : LocalDate.parse(v[11]);
        } catch (DateTimeParseException e) {
          problems.add(
              new Powers.RowProblem(
                  rowNumber,
                  powers.label("effectiveOn"),
                  powers.text("power.effective-on.format", v[11])));
        }
        Powers.Form form =
            new Powers.Form(
                v[0],
                v[1],
                type,
                v[3],
                v[4],
                v[5],
                v[6],
                v[7],
                v[8],
                v[9],
                v[10],
                effective == null && v[11] != null && !v[11].isBlank() ? LocalDate.MIN : effective,
                null);
        int before = problems.size();
        PowerFormRules.check(
            form,
            (column, key, args) -> {
              if (!(column.equals("effectiveOn") && form.effectiveOn() == LocalDate.MIN)
                  && !(column.equals("type") && v[2] != null && !v[2].isBlank())) {
                problems.add(
                    new Powers.RowProblem(rowNumber, powers.label(column), powers.text(key, args)));
              }
            });
        if (v[0] != null && !seen.add(v[0])) {
          problems.add(
              new Powers.RowProblem(
                  rowNumber, powers.label("code"), powers.text("power.code.repeated", v[0])));
        }
        Optional<long[]> existing = v[0] == null ? Optional.empty() : powers.item(v[0]);
        if (existing.isPresent() && existing.get()[1] != agency.id()) {
          problems.add(
              new Powers.RowProblem(
                  rowNumber, powers.label("code"), powers.text("power.code.other-agency")));
        }
        if (problems.size() == before) {
          forms.add(form);
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof Refusal refusal) {
        throw refusal;
      }
      throw Refusal.invalidField("file", "power.import.unreadable");
    }
    if (!problems.isEmpty()) {
      throw new ImportRefused(problems);
    }
    if (forms.isEmpty()) {
      throw Refusal.invalidField("file", "power.import.empty");
    }
    transactions.executeWithoutResult(
        tx -> {
          for (Powers.Form f : forms) {
            Optional<Powers.Version> same =
                powers.item(f.code()).map(x -> powers.get(f.code()).history().get(0));
            if (same.isEmpty() || changed(same.get(), f)) {
              powers.write(agency, f, actor.username());
            }
          }
          audit.record(
              actor.username(), "power.imported", "agency", agency.id(), forms.size() + " rows");
        });
    return forms.size();
  }

  /** Refuses an import with the list of every bad row. */
  static final class ImportRefused extends RuntimeException {
    private final transient List<Powers.RowProblem> problems;

    ImportRefused(List<Powers.RowProblem> problems) {
      super("import refused");
      this.problems = List.copyOf(problems);
    }

    List<Powers.RowProblem> problems() {
      return problems;
    }
  }

  private static boolean changed(Powers.Version v, Powers.Form f) {
    return !(Objects.equals(v.name(), f.name().strip())
        && v.type() == f.type()
        && Objects.equals(String.join("\n", v.legalBasis()), f.legalBasis().strip())
        && Objects.equals(v.unit(), Powers.blank(f.unit()))
        && Objects.equals(v.conditions(), Powers.blank(f.conditions()))
        && Objects.equals(v.materials(), Powers.blank(f.materials()))
        && Objects.equals(v.timeLimit(), Powers.blank(f.timeLimit()))
        && Objects.equals(v.fees(), Powers.blank(f.fees()))
        && Objects.equals(v.contact(), Powers.blank(f.contact()))
        && Objects.equals(v.flow(), f.flow().strip())
        && Objects.equals(v.effectiveOn(), f.effectiveOn()));
  }

  private String typeName(String cell) {
    for (PowerType t : PowerType.values()) {
      if (t.name().equalsIgnoreCase(cell) || powers.text("power.type." + t.name()).equals(cell)) {
        return t.name();
      }
    }
    return cell;
  }

  private static boolean isEmpty(Row row, DataFormatter formatter) {
    for (Cell cell : row) {
      if (!formatter.formatCellValue(cell).isBlank()) {
        return false;
      }
    }
    return true;
  }
}
