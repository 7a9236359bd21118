package org.gongkai.imports.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.Editorial;
import org.gongkai.catalog.Validity;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What becomes of one document read from an old page or a file: skipped when it was imported before
 * (by its address or its index number), refused with the reason the catalog (or the import) gives,
 * or created. A dry run asks the catalog the same questions and stops before creating, so that it
 * reports what the real run does. A created document, its source and its item's outcome are written
 * in one transaction: a crash leaves the item to be processed again, never a document twice.
 */
@Component
class ImportDecisions {

  private static final String TAKEN = "document.index-number.taken";
  private static final String PERSONAL_DATA = "personal-data";

  private final Editorial editorial;
  private final AgencyDirectory agencies;
  private final ColumnMappings mappings;
  private final Attachments attachments;
  private final ImportRepository imports;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ImportDecisions(
      Editorial editorial,
      AgencyDirectory agencies,
      ColumnMappings mappings,
      Attachments attachments,
      ImportRepository imports,
      TransactionTemplate transactions,
      Clock clock) {
    this.editorial = editorial;
    this.agencies = agencies;
    this.mappings = mappings;
    this.attachments = attachments;
    this.imports = imports;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** An outcome with its reason's message key and detail. */
  record Decision(Outcome outcome, String reason, String detail, List<Editorial.Upload> uploads) {
    static Decision of(Outcome outcome, String reason, String detail) {
      return new Decision(outcome, reason, detail, List.of());
    }
  }

  /** Decides, creates unless the job is a dry run, and records the item's outcome. */
  void process(ImportJob job, ImportItem item, Candidate c, String pageKind, Staff actor, Pacer p) {
    Decision decision = decide(job, c, actor, p);
    if (decision.outcome() != Outcome.CREATED || job.dryRun()) {
      imports.finishItem(
          item.id(),
          pageKind,
          decision.outcome(),
          decision.reason(),
          decision.detail(),
          c.title(),
          c.indexNumber(),
          null);
      return;
    }
    DocumentForm form = form(job, c);
    List<Editorial.Upload> uploads = decision.uploads();
    Optional<URI> source = c.sourceUrl() == null ? Optional.empty() : Urls.parse(c.sourceUrl());
    try {
      transactions.executeWithoutResult(
          tx -> {
            long documentId =
                editorial.importPublished(
                    form,
                    publishedAt(c),
                    uploads,
                    new Editorial.Provenance(c.indexNumber(), c.sourceUrl()),
                    actor);
            source.ifPresent(
                uri ->
                    imports.insertSource(
                        Urls.key(uri),
                        c.sourceUrl(),
                        uri.getHost(),
                        Urls.linkKey(uri),
                        documentId,
                        c.indexNumber(),
                        job.agencyId(),
                        job.id(),
                        Instant.now(clock)));
            imports.finishItem(
                item.id(),
                pageKind,
                Outcome.CREATED,
                null,
                null,
                c.title(),
                c.indexNumber(),
                documentId);
          });
    } catch (Refusal refused) {
      Decision late = refusal(refused);
      imports.finishItem(
          item.id(),
          pageKind,
          late.outcome(),
          late.reason(),
          late.detail(),
          c.title(),
          c.indexNumber(),
          null);
    }
  }

  Decision decide(ImportJob job, Candidate c, Staff actor, Pacer pacer) {
    Optional<URI> source = c.sourceUrl() == null ? Optional.empty() : Urls.parse(c.sourceUrl());
    if (source.isPresent() && imports.source(Urls.key(source.get())).isPresent()) {
      return Decision.of(Outcome.SKIPPED, "import.skipped.source", c.sourceUrl());
    }
    if (c.indexNumber() != null && imports.createdInJob(job.id(), c.indexNumber())) {
      return Decision.of(Outcome.SKIPPED, "import.skipped.duplicate", c.indexNumber());
    }
    if (c.title() == null || c.title().isBlank() || c.title().length() > 300) {
      return Decision.of(Outcome.REFUSED, "import.refused.title", c.title());
    }
    if (c.publishedOn() == null) {
      return Decision.of(Outcome.REFUSED, "import.refused.date", null);
    }
    if (c.indexNumber() != null && c.indexNumber().length() > 60) {
      return Decision.of(Outcome.REFUSED, "import.refused.index-number", c.indexNumber());
    }
    if (column(job, c) == null) {
      return Decision.of(Outcome.REFUSED, "import.refused.column", c.column());
    }
    Attachments.Fetched files = attachments.fetch(c.attachments(), job.hosts(), pacer);
    if (files.reason() != null) {
      return Decision.of(Outcome.REFUSED, files.reason(), files.detail());
    }
    try {
      editorial.checkImport(
          form(job, c),
          files.uploads(),
          new Editorial.Provenance(c.indexNumber(), c.sourceUrl()),
          actor);
    } catch (Refusal refused) {
      return refusal(refused);
    }
    return new Decision(Outcome.CREATED, null, null, files.uploads());
  }

  private static Decision refusal(Refusal refused) {
    if (TAKEN.equals(refused.messageKey())) {
      return Decision.of(Outcome.SKIPPED, "import.skipped.index-number", arg(refused.arguments()));
    }
    if (PERSONAL_DATA.equals(refused.messageKey())) {
      Object[] args = refused.arguments();
      return Decision.of(
          Outcome.REFUSED,
          "import.refused.personal-data",
          args.length > 1 ? String.valueOf(args[1]) : null);
    }
    if (!refused.fieldProblems().isEmpty()) {
      Refusal.FieldProblem first = refused.fieldProblems().get(0);
      return Decision.of(Outcome.REFUSED, first.messageKey(), arg(first.arguments()));
    }
    return Decision.of(Outcome.REFUSED, refused.messageKey(), arg(refused.arguments()));
  }

  private static String arg(Object[] arguments) {
    return arguments == null || arguments.length == 0
        ? null
        : Arrays.stream(arguments).map(String::valueOf).collect(Collectors.joining(" "));
  }

  /**
   * The column the old one is mapped to; for a page that names no column, the one mapped from
   * {@code *}. A named column that is not mapped is refused, so that it is seen and mapped.
   */
  private Long column(ImportJob job, Candidate c) {
    Map<String, Long> mapping = mappings.of(job.agencyId());
    return c.column() == null || c.column().isBlank()
        ? mapping.get(ColumnMappings.ANY)
        : mapping.get(c.column().strip());
  }

  private DocumentForm form(ImportJob job, Candidate c) {
    Agency agency = agencies.get(job.agencyId());
    DocumentForm form = new DocumentForm();
    form.setAgency(agency.code());
    form.setColumn(column(job, c));
    form.setTitle(c.title().strip());
    form.setDocNumber(ImportRepository.clip(c.docNumber(), 100));
    form.setIssuedOn(c.issuedOn());
    form.setTopic(ImportRepository.clip(c.topic(), 100));
    form.setKeywords(ImportRepository.clip(c.keywords(), 300));
    form.setSource(ImportRepository.clip(c.source(), 200));
    form.setSummary(ImportRepository.clip(c.summary(), 2000));
    form.setValidity(c.validity() == null ? Validity.VALID : c.validity());
    form.setBody(c.bodyHtml() == null ? "" : c.bodyHtml());
    return form;
  }

  private Instant publishedAt(Candidate c) {
    // Noon of the day, so that the day stays the same in every time zone the platform runs in.
    return c.publishedOn().atTime(LocalTime.NOON).atZone(clock.getZone()).toInstant();
  }
}
