package org.gongkai.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.gongkai.account.Staff;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.DisclosureGuide;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.Attachment;
import org.gongkai.catalog.Edition;
import org.gongkai.catalog.Editorial;
import org.gongkai.screening.Finding;
import org.gongkai.screening.PersonalDataScanner;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;

/**
 * Personal data and secrecy marks stop an edition on its way out: when it is submitted, approved
 * and published, its title, body and attachments are scanned, and a finding that blocks refuses the
 * step (409, the findings listed) until the text is changed or reasons are given: its editor's on
 * submitting, and a second person's, the reviewer's, on approving. The agency's own published
 * telephone, fax and address are no findings.
 */
@Component
class PersonalDataGate {

  static final String PROBLEM = "personal-data";
  private static final int MAX_REASON = 2000;

  private final PersonalDataScanner scanner;
  private final PersonalDataClearances clearances;
  private final AttachmentStore files;
  private final AgencyDirectory agencies;
  private final AuditTrail audit;
  private final Clock clock;

  PersonalDataGate(
      PersonalDataScanner scanner,
      PersonalDataClearances clearances,
      AttachmentStore files,
      AgencyDirectory agencies,
      AuditTrail audit,
      Clock clock) {
    this.scanner = scanner;
    this.clearances = clearances;
    this.files = files;
    this.agencies = agencies;
    this.audit = audit;
    this.clock = clock;
  }

  /** Everything found in the edition, warnings included. */
  List<Finding> findings(Edition edition, long agencyId) {
    List<String> own = ownNumbers(agencyId);
    List<Finding> found = new ArrayList<>();
    found.addAll(scanner.scanText("title", edition.title(), own));
    found.addAll(scanner.scanText("body", edition.bodyHtml(), own));
    for (Attachment attachment : edition.attachments()) {
      found.addAll(scanner.scanFile(attachment.fileName(), read(attachment), own));
    }
    return found;
  }

  /** On submitting: blocking findings need the editor's reason, which is kept and audited. */
  void submitting(Edition edition, long agencyId, String reason, Staff actor) {
    List<Finding> blocking = blocking(edition, agencyId);
    if (blocking.isEmpty()) {
      return;
    }
    if (blank(reason)) {
      throw refusal(blocking, "document.personal-data.submit");
    }
    clearances.recordReason(edition.id(), limited(reason), actor.username());
    audit.record(
        actor.username(),
        "document.personal-data-reason",
        "document",
        edition.documentId(),
        blocking.size() + " finding(s): " + limited(reason));
  }

  /**
   * On approving: blocking findings need the justification of someone who neither wrote the draft
   * nor gave its reason, even where the agency's four-eyes rule is waived.
   */
  void approving(
      Edition edition, long agencyId, String justification, Set<String> authors, Staff actor) {
    List<Finding> blocking = blocking(edition, agencyId);
    if (blocking.isEmpty()) {
      return;
    }
    if (blank(justification)) {
      throw refusal(blocking, "document.personal-data.approve");
    }
    String reasonBy = clearances.of(edition.id()).map(c -> c.reasonBy()).orElse(null);
    if (authors.contains(actor.username()) || actor.username().equals(reasonBy)) {
      throw Refusal.conflict("document.personal-data.second-person");
    }
    Instant now = Instant.now(clock);
    clearances.recordJustification(edition.id(), limited(justification), actor.username(), now);
    audit.record(
        actor.username(),
        "document.personal-data-justified",
        "document",
        edition.documentId(),
        blocking.size() + " finding(s): " + limited(justification));
  }

  /** On publishing: blocking findings pass only with a second person's justification. */
  void publishing(Edition edition, long agencyId) {
    List<Finding> blocking = blocking(edition, agencyId);
    if (!blocking.isEmpty() && clearances.of(edition.id()).map(c -> !c.justified()).orElse(true)) {
      throw refusal(blocking, "document.personal-data.publish");
    }
  }

  /**
   * On importing: a document from elsewhere comes in published, with nobody to give reasons, so a
   * blocking finding refuses it; it is edited at its source or entered by hand instead.
   */
  void importing(String title, String body, List<Editorial.Upload> uploads, long agencyId) {
    List<String> own = ownNumbers(agencyId);
    List<Finding> found = new ArrayList<>();
    found.addAll(scanner.scanText("title", title, own));
    found.addAll(scanner.scanText("body", body, own));
    for (Editorial.Upload upload : uploads) {
      found.addAll(scanner.scanFile(upload.fileName(), upload.content(), own));
    }
    List<Finding> blocking = found.stream().filter(Finding::blocking).toList();
    if (!blocking.isEmpty()) {
      throw refusal(blocking, "document.personal-data.import");
    }
  }

  private List<Finding> blocking(Edition edition, long agencyId) {
    return findings(edition, agencyId).stream().filter(Finding::blocking).toList();
  }

  private static Refusal refusal(List<Finding> blocking, String step) {
    String summary =
        String.join(
            "; ", blocking.stream().limit(5).map(f -> f.where() + " " + f.excerpt()).toList());
    return Refusal.conflict(PROBLEM, blocking.size(), summary)
        .with("step", step)
        .with(
            "findings",
            blocking.stream()
                .map(
                    f ->
                        Map.of("kind", f.kind().name(), "where", f.where(), "excerpt", f.excerpt()))
                .toList());
  }

  private List<String> ownNumbers(long agencyId) {
    DisclosureGuide guide = agencies.get(agencyId).guide();
    if (guide == null) {
      return List.of();
    }
    return Stream.of(guide.phone(), guide.fax(), guide.email(), guide.address())
        .filter(Objects::nonNull)
        .flatMap(value -> Stream.of(value.split("[,;/\\s\\uFF0C\\uFF1B\\u3001]+")))
        .filter(value -> !value.isBlank())
        .toList();
  }

  private byte[] read(Attachment attachment) {
    try (InputStream in = files.open(attachment.sha256())) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static String limited(String text) {
    String stripped = text.strip();
    return stripped.length() > MAX_REASON ? stripped.substring(0, MAX_REASON) : stripped;
  }
}
