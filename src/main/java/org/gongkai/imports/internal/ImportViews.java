package org.gongkai.imports.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.CsvFile;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Imports as the API and the console show them, their reasons in the reader's language. */
@Component
class ImportViews {

  static final int PAGE = 50;

  private final ImportRepository imports;
  private final AgencyDirectory agencies;
  private final MessageSource messages;

  ImportViews(ImportRepository imports, AgencyDirectory agencies, MessageSource messages) {
    this.imports = imports;
    this.agencies = agencies;
    this.messages = messages;
  }

  record Counts(long created, long skipped, long refused) {}

  record Progress(long known, long done) {}

  record Line(String url, String title, String indexNumber, String outcome, String reason) {}

  record Refusals(int page, int size, List<Line> items) {}

  record View(
      long id,
      String agency,
      String kind,
      boolean dryRun,
      String state,
      Counts counts,
      Progress progress,
      Refusals refusals,
      List<String> startUrls,
      String fileName,
      String failure,
      String startedBy,
      Instant createdAt,
      Instant finishedAt) {}

  View view(ImportJob job, int refusalsPage, Locale locale) {
    Map<Outcome, Long> counts = imports.counts(job.id());
    long[] progress = imports.progress(job.id());
    int page = Math.max(refusalsPage, 0);
    List<Line> refused =
        imports.itemsWithOutcome(job.id(), Outcome.REFUSED, page * PAGE, PAGE).stream()
            .map(i -> line(i, locale))
            .toList();
    return new View(
        job.id(),
        agencies.get(job.agencyId()).code(),
        job.kind(),
        job.dryRun(),
        job.state().name(),
        new Counts(
            counts.get(Outcome.CREATED), counts.get(Outcome.SKIPPED), counts.get(Outcome.REFUSED)),
        new Progress(progress[0], progress[1]),
        new Refusals(page, PAGE, refused),
        job.startUrls(),
        job.fileName(),
        job.failure() == null ? null : text(job.failure(), null, locale),
        job.startedBy(),
        job.createdAt(),
        job.finishedAt());
  }

  Line line(ImportItem item, Locale locale) {
    return new Line(
        item.url(),
        item.title(),
        item.indexNumber(),
        item.outcome() == null ? null : item.outcome().name(),
        item.reason() == null ? null : text(item.reason(), item.detail(), locale));
  }

  /**
   * The report of every address and row with an outcome: what a dry run would do, or what a run
   * did.
   */
  String reportCsv(ImportJob job, Locale locale) {
    CsvFile csv =
        new CsvFile(
            List.of(
                text("import.report.url", null, locale),
                text("import.report.title", null, locale),
                text("import.report.index-number", null, locale),
                text("import.report.outcome", null, locale),
                text("import.report.reason", null, locale)));
    int offset = 0;
    while (true) {
      List<ImportItem> batch = imports.itemsWithOutcome(job.id(), null, offset, 1000);
      for (ImportItem item : batch) {
        csv.row(
            List.of(
                item.url(),
                nz(item.title()),
                nz(item.indexNumber()),
                text("import.outcome." + item.outcome().name(), null, locale),
                item.reason() == null ? "" : text(item.reason(), item.detail(), locale)));
      }
      if (batch.size() < 1000) {
        return csv.toString();
      }
      offset += batch.size();
    }
  }

  private String text(String key, String detail, Locale locale) {
    return messages.getMessage(key, new Object[] {detail == null ? "" : detail}, key, locale);
  }

  private static String nz(String value) {
    return value == null ? "" : value;
  }
}
