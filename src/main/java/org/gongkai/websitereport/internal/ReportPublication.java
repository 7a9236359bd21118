package org.gongkai.websitereport.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.Editorial;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * A frozen report published in the catalog: a document in the annual report column (年度报告) of the
 * site's agency (the network's report: of the agency at the top of the first site), whose body is
 * the report's table, so that the site's home page and its catalog list it. It goes out as an
 * imported publication by the person who froze the report, whose check it passed.
 */
@Component
class ReportPublication {

  private final Editorial editorial;
  private final AgencyDirectory agencies;
  private final Sites sites;
  private final ReportHtmlExport html;
  private final ReportTable table;
  private final Clock clock;

  ReportPublication(
      Editorial editorial,
      AgencyDirectory agencies,
      Sites sites,
      ReportHtmlExport html,
      ReportTable table,
      Clock clock) {
    this.editorial = editorial;
    this.agencies = agencies;
    this.sites = sites;
    this.html = html;
    this.table = table;
    this.clock = clock;
  }

  /** Publishes the report; the new document's id. */
  long publish(ReportViews.Report report, Staff actor) {
    Site site = report.site() == null ? sites.fallback() : sites.find(report.site()).orElseThrow();
    Agency agency = agency(site);
    var column =
        agencies
            .column(agency.id(), ColumnType.ANNUAL_REPORT)
            .orElseThrow(() -> Refusal.conflict("website-report.no-column", agency.name()));
    DocumentForm form = new DocumentForm();
    form.setAgency(agency.code());
    form.setColumn(column.id());
    form.setKind(DocumentKind.GENERAL);
    form.setDisclosureMode(DisclosureMode.PROACTIVE);
    form.setIssuedOn(LocalDate.now(clock));
    form.setTitle(
        table.layout(report).title()
            + (report.correction() == null ? "" : table.text("website-report.correction.title")));
    form.setBody(html.fragment(report));
    return editorial.importPublished(form, clock.instant(), List.of(), actor);
  }

  /**
   * Withdraws the document an earlier version was published as, now that a correction replaces it;
   * one withdrawn already (by hand in the catalog) stays as it is, so that the correction can still
   * be published.
   */
  void withdraw(long documentId, Staff actor) {
    if (editorial.get(documentId, actor).hasLiveEdition()) {
      editorial.withdraw(documentId, table.text("website-report.correction.withdrawn"), actor);
    }
  }

  private Agency agency(Site site) {
    if (!site.agencyIds().isEmpty()) {
      return agencies.get(site.agencyIds().get(0));
    }
    return agencies.all().stream()
        .filter(a -> a.parentId() == null)
        .findFirst()
        .orElseThrow(() -> Refusal.conflict("website-report.no-column", site.name()));
  }
}
