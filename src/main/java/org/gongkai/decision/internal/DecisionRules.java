package org.gongkai.decision.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.decision.PartyCategory;
import org.gongkai.shared.ids.OrganizationCodes;
import org.gongkai.shared.ids.ResidentIds;
import org.gongkai.shared.web.Refusal;

/**
 * The checks of every field of a decision (docs/decisions-register.md): what each kind requires,
 * the credit codes' check characters (GB 32100-2015), a resident identity number's check character
 * (GB 11643-1999), dates in order and none in the future, amounts not negative. Pure: the form is
 * normalised (trimmed, blanks to null, codes in upper case) and every problem is named by its
 * field.
 */
final class DecisionRules {

  static final int MAX_TEXT = 4000;

  private DecisionRules() {}

  /** The form normalised, and its problems; nothing is refused here. */
  record Checked(DecisionForm form, List<Refusal.FieldProblem> problems) {}

  static Checked check(DecisionForm in, LocalDate today) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    DecisionForm.Party party =
        in.party() == null
            ? new DecisionForm.Party(null, null, null, null, null, null)
            : in.party();
    PartyCategory category = party.category();
    DecisionForm.Party p =
        new DecisionForm.Party(
            text(party.name()),
            category,
            code(party.creditCode()),
            text(party.idType()),
            category == PartyCategory.NATURAL_PERSON ? idNumber(party.idNumber()) : null,
            text(party.legalRepresentative()));
    List<String> penaltyKinds =
        in.penaltyKinds() == null
            ? List.of()
            : in.penaltyKinds().stream()
                .map(DecisionRules::text)
                .filter(s -> s != null)
                .map(s -> s.toUpperCase(Locale.ROOT))
                .distinct()
                .toList();
    DecisionForm f =
        new DecisionForm(
            in.kind(),
            text(in.agency()),
            p,
            text(in.decisionNumber()),
            in.decidedOn(),
            in.publicUntil(),
            text(in.authority()),
            code(in.authorityCode()),
            text(in.dataSource()),
            code(in.dataSourceCode()),
            text(in.documentName()),
            upper(in.licenceCategory()),
            text(in.certificateName()),
            text(in.certificateNumber()),
            in.validFrom(),
            in.validTo(),
            text(in.violationType()),
            text(in.facts()),
            text(in.basis()),
            penaltyKinds,
            upper(in.measureKind()),
            text(in.content()),
            in.fineWan(),
            in.confiscatedWan(),
            text(in.licenceAffected()),
            text(in.note()),
            in.corrects(),
            in.feeWan());
    Sink sink = new Sink(problems);
    if (f.kind() == null) {
      sink.add("kind", "decision.kind.required");
    }
    sink.required("agency", f.agency(), 18);
    // The party.
    sink.required("party.name", p.name(), 200);
    if (category == null) {
      sink.add("party.category", "decision.party.category.required");
    } else if (category.isNaturalPerson()) {
      if (p.idType() == null) {
        sink.add("party.idType", "decision.field.required");
      } else if (!Vocabulary.ID_TYPES.contains(p.idType().toUpperCase(Locale.ROOT))) {
        sink.add("party.idType", "decision.value.unknown", p.idType());
      }
      if (p.idNumber() == null) {
        sink.add("party.idNumber", "decision.field.required");
      } else if ("RESIDENT_ID".equalsIgnoreCase(p.idType()) && !ResidentIds.isValid(p.idNumber())) {
        sink.add("party.idNumber", "decision.id-number.invalid");
      } else if (p.idNumber().length() > 40) {
        sink.add("party.idNumber", "decision.field.too-long", 40);
      }
      if (p.creditCode() != null) {
        sink.add("party.creditCode", "decision.credit-code.natural-person");
      }
    } else {
      if (p.creditCode() == null) {
        sink.add("party.creditCode", "decision.field.required");
      } else if (!OrganizationCodes.isValidCreditCode(p.creditCode())) {
        sink.add("party.creditCode", "decision.credit-code.invalid", p.creditCode());
      }
      if (category == PartyCategory.LEGAL_PERSON && p.legalRepresentative() == null) {
        sink.add("party.legalRepresentative", "decision.field.required");
      }
    }
    sink.optional("party.legalRepresentative", p.legalRepresentative(), 100);
    // The decision.
    sink.required("decisionNumber", f.decisionNumber(), 100);
    if (f.decidedOn() == null) {
      sink.add("decidedOn", "decision.field.required");
    } else {
      if (f.decidedOn().isAfter(today)) {
        sink.add("decidedOn", "decision.decided-on.future");
      }
      if (f.decidedOn().getYear() < 2000) {
        sink.add("decidedOn", "decision.decided-on.too-old");
      }
      if (f.publicUntil() != null && f.publicUntil().isBefore(f.decidedOn())) {
        sink.add("publicUntil", "decision.date.before-decision");
      }
      if (f.validFrom() != null && f.validFrom().isBefore(f.decidedOn())) {
        sink.add("validFrom", "decision.date.before-decision");
      }
    }
    sink.optional("authority", f.authority(), 200);
    sink.optional("dataSource", f.dataSource(), 200);
    organizationCode(sink, "authorityCode", f.authorityCode());
    organizationCode(sink, "dataSourceCode", f.dataSourceCode());
    sink.optional("note", f.note(), 1000);
    if (f.feeWan() != null && f.kind() != null && f.kind() != DecisionKind.LICENSING) {
      sink.add("feeWan", "decision.fee.licensing-only");
    }
    if (f.kind() == DecisionKind.LICENSING) {
      licensing(sink, f);
    } else if (f.kind() == DecisionKind.PENALTY) {
      penalty(sink, f);
    } else if (f.kind() == DecisionKind.COERCION) {
      coercion(sink, f);
    }
    return new Checked(f, problems);
  }

  private static void licensing(Sink sink, DecisionForm f) {
    sink.optional("documentName", f.documentName(), 200);
    if (f.licenceCategory() == null) {
      sink.add("licenceCategory", "decision.field.required");
    } else if (!Vocabulary.LICENCE_CATEGORIES.contains(f.licenceCategory())) {
      sink.add("licenceCategory", "decision.value.unknown", f.licenceCategory());
    }
    sink.optional("certificateName", f.certificateName(), 200);
    sink.optional("certificateNumber", f.certificateNumber(), 100);
    sink.required("content", f.content(), MAX_TEXT);
    if (f.validFrom() == null) {
      sink.add("validFrom", "decision.field.required");
    }
    if (f.validFrom() != null && f.validTo() != null && f.validTo().isBefore(f.validFrom())) {
      sink.add("validTo", "decision.valid-to.before-valid-from");
    }
    amount(sink, "feeWan", f.feeWan());
  }

  private static void penalty(Sink sink, DecisionForm f) {
    sink.required("violationType", f.violationType(), 500);
    sink.required("facts", f.facts(), MAX_TEXT);
    sink.required("basis", f.basis(), 2000);
    sink.required("content", f.content(), MAX_TEXT);
    if (f.penaltyKinds().isEmpty()) {
      sink.add("penaltyKinds", "decision.field.required");
    }
    for (String kind : f.penaltyKinds()) {
      if (!Vocabulary.PENALTY_KINDS.contains(kind)) {
        sink.add("penaltyKinds", "decision.value.unknown", kind);
      }
    }
    amount(sink, "fineWan", f.fineWan());
    amount(sink, "confiscatedWan", f.confiscatedWan());
    if (f.penaltyKinds().contains("FINE") && f.fineWan() == null) {
      sink.add("fineWan", "decision.fine.required");
    }
    if (f.penaltyKinds().contains("CONFISCATION") && f.confiscatedWan() == null) {
      sink.add("confiscatedWan", "decision.confiscation.required");
    }
    sink.optional("licenceAffected", f.licenceAffected(), 500);
  }

  private static void coercion(Sink sink, DecisionForm f) {
    if (f.measureKind() == null) {
      sink.add("measureKind", "decision.field.required");
    } else if (!Vocabulary.MEASURE_KINDS.contains(f.measureKind())) {
      sink.add("measureKind", "decision.value.unknown", f.measureKind());
    }
    sink.required("facts", f.facts(), MAX_TEXT);
    sink.required("basis", f.basis(), 2000);
    sink.required("content", f.content(), MAX_TEXT);
    amount(sink, "fineWan", f.fineWan());
    amount(sink, "confiscatedWan", f.confiscatedWan());
  }

  private static void amount(Sink sink, String field, BigDecimal amount) {
    if (amount == null) {
      return;
    }
    if (amount.signum() < 0) {
      sink.add(field, "decision.amount.negative");
    } else if (amount.stripTrailingZeros().scale() > 6
        || amount.compareTo(new BigDecimal("1000000000")) >= 0) {
      sink.add(field, "decision.amount.invalid");
    }
  }

  private static void organizationCode(Sink sink, String field, String code) {
    if (code != null && !OrganizationCodes.isValid(code)) {
      sink.add(field, "decision.credit-code.invalid", code);
    }
  }

  static String text(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static String upper(String s) {
    String t = text(s);
    return t == null ? null : t.toUpperCase(Locale.ROOT);
  }

  private static String code(String s) {
    String t = text(s);
    return t == null ? null : OrganizationCodes.normalize(t);
  }

  private static String idNumber(String s) {
    String t = text(s);
    return t == null ? null : t.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
  }

  /** Collects problems, one per field at most: the first found is the one to fix. */
  private record Sink(List<Refusal.FieldProblem> problems) {

    void add(String field, String key, Object... args) {
      if (problems.stream().noneMatch(p -> p.field().equals(field))) {
        problems.add(new Refusal.FieldProblem(field, key, args));
      }
    }

    void required(String field, String value, int max) {
      if (value == null) {
        add(field, "decision.field.required");
      } else {
        optional(field, value, max);
      }
    }

    void optional(String field, String value, int max) {
      if (value != null && value.length() > max) {
        add(field, "decision.field.too-long", max);
      }
    }
  }
}
