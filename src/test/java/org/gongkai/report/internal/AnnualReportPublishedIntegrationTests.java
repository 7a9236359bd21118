package org.gongkai.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.report.AnnualReportPublished;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * An annual report going live is told by the report module, and the cached page of the agency's
 * 年度报告 column names it without any hand-placed call.
 */
@EnableScenarios
@RecordApplicationEvents
class AnnualReportPublishedIntegrationTests extends PlatformIntegrationTests {

  @Autowired MeterRegistry meters;

  @Autowired ApplicationEvents events;

  @Test
  void aDocumentInTheReportColumnNamingLastYearIsThatYearsReport(Scenario scenario) {
    Fixture f = newAgency();
    int year = clock.today().getYear() - 1;
    String title = year + "年" + f.agency().name() + "政府信息公开工作年度报告";
    long column = agencies.column(f.agency().id(), ColumnType.ANNUAL_REPORT).orElseThrow().id();
    String page = "/agencies/" + f.agency().code() + "?column=" + column;
    keptCopy(page);
    assertThat(api().get(page).body()).doesNotContain(title);
    long id = draft(f, column, title);

    scenario
        .stimulate(() -> publish(f, id))
        .andWaitForEventOfType(AnnualReportPublished.class)
        .matching(e -> e.documentId() == id)
        .toArriveAndVerify(
            event -> {
              assertThat(event.agencyId()).isEqualTo(f.agency().id());
              assertThat(event.year()).isEqualTo(year);
              assertThat(api().get(page).body()).contains(title);
            });
  }

  @Test
  void theReportDraftedHereIsItsYearsReportWhateverItsTitle(Scenario scenario) {
    Fixture f = newAgency();
    long column = agencies.column(f.agency().id(), ColumnType.ANNUAL_REPORT).orElseThrow().id();
    long id = draft(f, column, "年度报告（草拟）");
    jdbc.sql(
            "INSERT INTO report_publication (agency_id, report_year, document_id, created_by, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(
            f.agency().id(),
            2024,
            id,
            f.reviewer().username(),
            OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
        .update();

    scenario
        .stimulate(() -> publish(f, id))
        .andWaitForEventOfType(AnnualReportPublished.class)
        .matching(e -> e.documentId() == id)
        .toArriveAndVerify(event -> assertThat(event.year()).isEqualTo(2024));
  }

  @Test
  void anOrdinaryDocumentOrARevisionIsNoReport() {
    Fixture f = newAgency();
    long id = draft(f, f.policies().id(), (clock.today().getYear() - 1) + "年工作要点");
    publish(f, id);
    assertThat(events.stream(DocumentPublished.class).filter(e -> e.documentId() == id)).hasSize(1);
    assertThat(events.stream(AnnualReportPublished.class)).isEmpty();
  }

  private long draft(Fixture f, long column, String title) {
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(column);
    form.setTitle(title);
    form.setBody("<p>正文</p>");
    return editorial.createDraft(form, f.editor());
  }

  private void publish(Fixture f, long id) {
    editorial.submit(id, f.editor());
    editorial.approve(id, true, null, f.reviewer());
    editorial.publish(id, null, f.reviewer());
  }

  /** Asks until a visitor is answered from the kept copy of the page. */
  private void keptCopy(String path) {
    for (int i = 0; i < 20; i++) {
      double served = meters.counter("gongkai.page.cache.served").count();
      api().get(path);
      if (meters.counter("gongkai.page.cache.served").count() > served) {
        return;
      }
    }
    throw new AssertionError(path + " is never answered from the kept copy");
  }
}
