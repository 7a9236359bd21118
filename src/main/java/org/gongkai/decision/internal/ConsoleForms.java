package org.gongkai.decision.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.decision.PartyCategory;
import org.gongkai.shared.web.Refusal;

/**
 * The console form's fields, named as the API's (party fields with a {@code party.} prefix), read
 * into a {@link DecisionForm}; a value that is not a date, a number or one of a list is a problem
 * named by its field, like every other problem.
 */
final class ConsoleForms {

  private ConsoleForms() {}

  /** The form as read, and the values that could not be read (their fields left null). */
  record Read(DecisionForm form, List<Refusal.FieldProblem> problems) {}

  /**
   * Reads what can be read; the rules then check the rest, so that a page or a spreadsheet row
   * names every problem at once.
   */
  static Read lenient(Map<String, String> v, String agency) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    DecisionForm form =
        new DecisionForm(
            enumOf(DecisionKind.class, "kind", v.get("kind"), problems),
            agency,
            new DecisionForm.Party(
                v.get("party.name"),
                enumOf(PartyCategory.class, "party.category", v.get("party.category"), problems),
                v.get("party.creditCode"),
                v.get("party.idType"),
                v.get("party.idNumber"),
                v.get("party.legalRepresentative")),
            v.get("decisionNumber"),
            date("decidedOn", v.get("decidedOn"), problems),
            date("publicUntil", v.get("publicUntil"), problems),
            v.get("authority"),
            v.get("authorityCode"),
            v.get("dataSource"),
            v.get("dataSourceCode"),
            v.get("documentName"),
            v.get("licenceCategory"),
            v.get("certificateName"),
            v.get("certificateNumber"),
            date("validFrom", v.get("validFrom"), problems),
            date("validTo", v.get("validTo"), problems),
            v.get("violationType"),
            v.get("facts"),
            v.get("basis"),
            v.get("penaltyKinds") == null || v.get("penaltyKinds").isBlank()
                ? List.of()
                : Arrays.stream(v.get("penaltyKinds").split("[,，、\\s]+"))
                    .filter(s -> !s.isBlank())
                    .toList(),
            v.get("measureKind"),
            v.get("content"),
            amount("fineWan", v.get("fineWan"), problems),
            amount("confiscatedWan", v.get("confiscatedWan"), problems),
            v.get("licenceAffected"),
            v.get("note"),
            id("corrects", v.get("corrects"), problems),
            amount("feeWan", v.get("feeWan"), problems));
    return new Read(form, problems);
  }

  /**
   * A stored form as the console form's values, to change a draft: the identity number left out
   * (kept when left empty, see {@link Decisions#update}).
   */
  static Map<String, String> values(DecisionForm f) {
    Map<String, String> v = new HashMap<>();
    DecisionForm.Party p = f.party();
    put(v, "kind", f.kind());
    put(v, "party.name", p.name());
    put(v, "party.category", p.category());
    put(v, "party.creditCode", p.creditCode());
    put(v, "party.idType", p.idType());
    put(v, "party.legalRepresentative", p.legalRepresentative());
    put(v, "decisionNumber", f.decisionNumber());
    put(v, "decidedOn", f.decidedOn());
    put(v, "publicUntil", f.publicUntil());
    put(v, "authority", f.authority());
    put(v, "authorityCode", f.authorityCode());
    put(v, "dataSource", f.dataSource());
    put(v, "dataSourceCode", f.dataSourceCode());
    put(v, "documentName", f.documentName());
    put(v, "licenceCategory", f.licenceCategory());
    put(v, "certificateName", f.certificateName());
    put(v, "certificateNumber", f.certificateNumber());
    put(v, "validFrom", f.validFrom());
    put(v, "validTo", f.validTo());
    put(v, "violationType", f.violationType());
    put(v, "facts", f.facts());
    put(v, "basis", f.basis());
    put(v, "penaltyKinds", f.penaltyKinds() == null ? null : String.join(",", f.penaltyKinds()));
    put(v, "measureKind", f.measureKind());
    put(v, "content", f.content());
    put(v, "fineWan", f.fineWan() == null ? null : f.fineWan().toPlainString());
    put(
        v,
        "confiscatedWan",
        f.confiscatedWan() == null ? null : f.confiscatedWan().toPlainString());
    put(v, "licenceAffected", f.licenceAffected());
    put(v, "note", f.note());
    put(v, "corrects", f.corrects());
    put(v, "feeWan", f.feeWan() == null ? null : f.feeWan().toPlainString());
    return v;
  }

  private static void put(Map<String, String> values, String field, Object value) {
    if (value != null) {
      values.put(field, value instanceof Enum<?> e ? e.name() : value.toString());
    }
  }

  /** The problems of reading, then the rules' problems of the fields that were read. */
  static List<Refusal.FieldProblem> merged(
      List<Refusal.FieldProblem> reading, List<Refusal.FieldProblem> rules) {
    List<Refusal.FieldProblem> all = new ArrayList<>(reading);
    for (Refusal.FieldProblem p : rules) {
      if (all.stream().noneMatch(q -> q.field().equals(p.field()))) {
        all.add(p);
      }
    }
    return all;
  }

  static <E extends Enum<E>> E enumOf(
      Class<E> type, String field, String value, List<Refusal.FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(new Refusal.FieldProblem(field, "decision.value.unknown", value.strip()));
      return null;
    }
  }

  static LocalDate date(String field, String value, List<Refusal.FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(new Refusal.FieldProblem(field, "decision.date.invalid", value.strip()));
      return null;
    }
  }

  static BigDecimal amount(String field, String value, List<Refusal.FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      problems.add(new Refusal.FieldProblem(field, "decision.amount.invalid", value.strip()));
      return null;
    }
  }

  private static Long id(String field, String value, List<Refusal.FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      problems.add(new Refusal.FieldProblem(field, "decision.value.unknown", value.strip()));
      return null;
    }
  }
}
