package org.gongkai.decision.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.shared.privacy.PersonalData;
import org.gongkai.shared.web.CsvFile;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credit platform's upload files (CSV and XLSX), in the standard's column order ({@link
 * StandardColumns#of}), of what was published on a day or in a range: a natural person's name
 * masked and identity number masked as on the public register, no legal representative.
 */
@Service
class DecisionSheets {

  private final DecisionLists lists;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final MessageSource messages;

  DecisionSheets(
      DecisionLists lists,
      AuditTrail audit,
      TransactionTemplate transactions,
      MessageSource messages) {
    this.lists = lists;
    this.audit = audit;
    this.transactions = transactions;
    this.messages = messages;
  }

  /**
   * The decisions of the agencies published between the dates, both inclusive, of one kind or all.
   */
  List<Decision> published(
      Collection<Long> agencyIds, DecisionKind kind, LocalDate from, LocalDate to) {
    return lists.publishedBetween(agencyIds, from, to).stream()
        .filter(d -> kind == null || d.form().kind() == kind)
        .toList();
  }

  String csv(List<Decision> rows, DecisionKind kind) {
    List<String> columns = StandardColumns.of(kind);
    CsvFile file = new CsvFile(columns.stream().map(c -> text(Vocabulary.labelKey(c))).toList());
    for (Decision d : rows) {
      if (d.form().kind() == kind) {
        file.row(columns.stream().map(c -> (Object) cell(d, c)).toList());
      }
    }
    return file.toString();
  }

  byte[] xlsx(List<Decision> rows, List<DecisionKind> kinds) {
    try (SXSSFWorkbook book = new SXSSFWorkbook(200);
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (DecisionKind kind : kinds) {
        Sheet sheet = book.createSheet(text("decision.kind." + kind));
        List<String> columns = StandardColumns.of(kind);
        Row head = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
          head.createCell(c).setCellValue(text(Vocabulary.labelKey(columns.get(c))));
        }
        int r = 1;
        for (Decision d : rows) {
          if (d.form().kind() != kind) {
            continue;
          }
          Row row = sheet.createRow(r++);
          for (int c = 0; c < columns.size(); c++) {
            Object value = cell(d, columns.get(c));
            if (value instanceof BigDecimal n) {
              row.createCell(c).setCellValue(n.doubleValue());
            } else if (value != null) {
              row.createCell(c).setCellValue(value.toString());
            }
          }
        }
      }
      book.write(out);
      book.dispose();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void audited(Staff actor, String format, LocalDate from, LocalDate to, int rows) {
    transactions.executeWithoutResult(
        tx ->
            audit.record(
                actor.username(),
                "decision.exported",
                "decision",
                "export",
                format + " " + from + ".." + to + " rows " + rows));
  }

  /** A cell of the credit platform's file: masked where the public register masks. */
  private Object cell(Decision d, String field) {
    DecisionForm f = d.form();
    DecisionForm.Party p = f.party();
    String list = StandardColumns.vocabulary(field);
    return switch (field) {
      case "party.name" -> DecisionViews.publicName(p);
      case "party.category" -> text("decision." + list + "." + p.category().name());
      case "party.creditCode" -> p.creditCode();
      case "party.legalRepresentative" ->
          p.category().isNaturalPerson() ? null : p.legalRepresentative();
      case "party.idType" ->
          p.idType() == null ? null : text("decision." + list + "." + p.idType());
      case "party.idNumber" -> PersonalData.idNumber(p.idNumber());
      case "documentName" -> f.documentName();
      case "decisionNumber" -> f.decisionNumber();
      case "licenceCategory" ->
          f.licenceCategory() == null ? null : text("decision." + list + "." + f.licenceCategory());
      case "certificateName" -> f.certificateName();
      case "certificateNumber" -> f.certificateNumber();
      case "content" -> f.content();
      case "decidedOn" -> f.decidedOn();
      case "validFrom" -> f.validFrom();
      case "validTo" -> f.validTo();
      case "authority" -> f.authority();
      case "authorityCode" -> f.authorityCode();
      case "dataSource" -> f.dataSource();
      case "dataSourceCode" -> f.dataSourceCode();
      case "note" -> f.note();
      case "violationType" -> f.violationType();
      case "facts" -> f.facts();
      case "basis" -> f.basis();
      case "penaltyKinds" ->
          f.penaltyKinds().stream()
              .map(k -> text("decision." + list + "." + k))
              .collect(Collectors.joining("、"));
      case "fineWan" -> f.fineWan();
      case "confiscatedWan" -> f.confiscatedWan();
      case "licenceAffected" -> f.licenceAffected();
      case "publicUntil" -> f.publicUntil();
      case "measureKind" ->
          f.measureKind() == null ? null : text("decision." + list + "." + f.measureKind());
      default -> null;
    };
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
  }
}
