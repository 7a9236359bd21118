package org.gongkai.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.Validity;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;

/**
 * What a document form must hold before an edition is written: an agency and one of its columns, a
 * body with text once sanitized, consistent metadata, interpreted policies that exist, a file name.
 */
@Component
class DocumentForms {

  private final AgencyDirectory agencies;
  private final BodySanitizer sanitizer;
  private final EditionRepository editions;

  DocumentForms(AgencyDirectory agencies, BodySanitizer sanitizer, EditionRepository editions) {
    this.agencies = agencies;
    this.sanitizer = sanitizer;
    this.editions = editions;
  }

  Agency agencyOf(DocumentForm form) {
    if (form.getAgency() == null || form.getAgency().isBlank()) {
      throw Refusal.invalidField("agency", "document.agency.required");
    }
    return agencies
        .findByCode(form.getAgency())
        .orElseThrow(() -> Refusal.invalidField("agency", "agency.not-found"));
  }

  Column checkedColumn(DocumentForm form, Agency agency) {
    if (form.getColumn() == null) {
      throw Refusal.invalidField("column", "document.column.required");
    }
    Column column =
        agencies
            .column(form.getColumn())
            .orElseThrow(() -> Refusal.invalidField("column", "column.not-found"));
    if (column.agencyId() != agency.id()) {
      throw Refusal.invalidField("column", "document.column.other-agency");
    }
    return column;
  }

  String checkedBody(DocumentForm form) {
    String clean = sanitizer.sanitize(form.getBody());
    if (clean.replaceAll("<[^>]*>", "").isBlank() && !clean.contains("<img")) {
      throw Refusal.invalidField("body", "document.body.required");
    }
    return clean;
  }

  void checkMetadata(DocumentForm form, Long self) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    if (form.getTitle() == null || form.getTitle().isBlank()) {
      problems.add(new Refusal.FieldProblem("title", "document.title.required"));
    }
    if (form.getValidity() == null) {
      form.setValidity(Validity.VALID);
    }
    if (form.getDisclosureMode() == null) {
      form.setDisclosureMode(DisclosureMode.PROACTIVE);
    }
    if (form.getKind() == null) {
      form.setKind(DocumentKind.GENERAL);
    }
    if (form.getValidity() == Validity.REPEALED && form.getRepealedOn() == null) {
      problems.add(new Refusal.FieldProblem("repealedOn", "document.repealed-on.required"));
    }
    if (form.getEffectiveOn() != null
        && form.getRepealedOn() != null
        && form.getRepealedOn().isBefore(form.getEffectiveOn())) {
      problems.add(new Refusal.FieldProblem("repealedOn", "document.repealed-on.before-effective"));
    }
    for (Long policy : form.getInterpretationOf()) {
      if (policy == null || editions.document(policy).isEmpty() || policy.equals(self)) {
        problems.add(
            new Refusal.FieldProblem(
                "interpretationOf", "document.interpretation-of.unknown", policy));
      }
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
  }

  static String cleanFileName(String fileName) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
    if (name.isEmpty()) {
      throw Refusal.invalidField("file", "attachment.name.required");
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}
