package org.gongkai.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.report.AnnualReportPublished;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells when a published document is an annual report: the report module drafts one as a catalog
 * document that goes live through the normal review, and many agencies publish theirs as ordinary
 * documents in their 年度报告 column (the year before the one of publication, named in the title). Runs
 * in the publishing transaction, so that {@link AnnualReportPublished} commits with the document or
 * not at all.
 */
@Component
class AnnualReportPublications {

  private final JdbcClient jdbc;
  private final AgencyDirectory agencies;
  private final Catalog catalog;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AnnualReportPublications(
      JdbcClient jdbc,
      AgencyDirectory agencies,
      Catalog catalog,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.agencies = agencies;
    this.catalog = catalog;
    this.events = events;
    this.clock = clock;
  }

  @EventListener
  void on(DocumentPublished published) {
    if (published.revision()) {
      return;
    }
    drafted(published)
        .or(() -> inReportColumn(published))
        .ifPresent(
            year ->
                events.publishEvent(
                    new AnnualReportPublished(published.agencyId(), year, published.documentId())));
  }

  private Optional<Integer> drafted(DocumentPublished published) {
    return jdbc.sql("SELECT report_year FROM report_publication WHERE document_id = ?")
        .param(published.documentId())
        .query(Integer.class)
        .optional();
  }

  private Optional<Integer> inReportColumn(DocumentPublished published) {
    boolean reportColumn =
        agencies
            .column(published.agencyId(), ColumnType.ANNUAL_REPORT)
            .map(Column::id)
            .filter(id -> id == published.columnId())
            .isPresent();
    if (!reportColumn) {
      return Optional.empty();
    }
    int year = LocalDate.ofInstant(published.publishedAt(), clock.getZone()).getYear() - 1;
    try {
      String title = catalog.publicDocument(published.documentId()).edition().title();
      return title.contains(String.valueOf(year)) ? Optional.of(year) : Optional.empty();
    } catch (Refusal notPublic) {
      return Optional.empty();
    }
  }
}
