package org.gongkai.websitereport.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.gongkai.websitereport.internal.ReportViews.Figure;
import org.gongkai.websitereport.internal.ReportViews.Report;
import org.gongkai.websitereport.internal.ReportViews.Version;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Correcting a published report: those who may freeze it open a correction with its reason, which
 * makes the report a draft again (its entered figures editable, its computed ones counted afresh)
 * and keeps the frozen copy as an earlier version; freezing it again publishes the corrected
 * version in place of the earlier one (see {@link WebsiteReports#freeze}). Every version stays
 * retrievable.
 */
@Service
class ReportCorrections {

  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(tools.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final WebsiteReports reports;
  private final ReportStore store;
  private final VersionStore versions;
  private final ReportAccess access;
  private final AuditTrail audit;
  private final Clock clock;

  ReportCorrections(
      WebsiteReports reports,
      ReportStore store,
      VersionStore versions,
      ReportAccess access,
      AuditTrail audit,
      Clock clock) {
    this.reports = reports;
    this.store = store;
    this.versions = versions;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
  }

  /** Opens a correction of the frozen report of a site (siteId) or of the network (null). */
  @Transactional
  public Report open(Long siteId, int year, String reason, Staff me) {
    long subject = siteId == null ? network(me) : access.changeable(siteId, me).id();
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 500) {
      throw Refusal.invalidField("reason", "website-report.correction.reason", "reason");
    }
    var frozen =
        store
            .frozen(subject, year)
            .orElseThrow(() -> Refusal.conflict("website-report.correction.not-frozen", year));
    boolean opened;
    try {
      opened =
          versions.open(
              subject,
              year,
              new VersionStore.Correction(frozen.version(), why, me.username(), clock.instant()));
    } catch (org.springframework.dao.DuplicateKeyException race) {
      opened = false;
    }
    if (!opened) {
      throw Refusal.conflict("website-report.correction.not-frozen", year);
    }
    audit.record(
        me.username(),
        "website-report.correction.opened",
        "website-report",
        subject + "/" + year,
        "version " + frozen.version() + ": " + why);
    return report(subject, year, me);
  }

  /** Every frozen version of the report, oldest first, the current one last. */
  @Transactional(readOnly = true)
  public List<Version> versions(Long siteId, int year, Staff me) {
    long subject = read(siteId, me);
    List<Version> all = new ArrayList<>();
    for (ReportStore.Frozen f : versions.earlier(subject, year)) {
      all.add(view(f));
    }
    store.frozen(subject, year).ifPresent(f -> all.add(view(f)));
    return all;
  }

  /** One frozen version as it was published. */
  @Transactional(readOnly = true)
  public Report version(Long siteId, int year, int version, Staff me) {
    long subject = read(siteId, me);
    List<ReportStore.Frozen> all = new ArrayList<>(versions.earlier(subject, year));
    store.frozen(subject, year).ifPresent(all::add);
    ReportStore.Frozen f =
        all.stream()
            .filter(v -> v.version() == version)
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("error.not-found"));
    List<Figure> figures = JSON.readValue(f.figures(), new TypeReference<List<Figure>>() {});
    boolean supervision = subject == WebsiteReports.NETWORK;
    return new Report(
        supervision ? "supervision" : "website",
        supervision ? null : subject,
        year,
        true,
        f.frozenBy(),
        f.frozenAt(),
        f.documentId(),
        figures,
        List.of(),
        f.version(),
        f.correctionReason(),
        false);
  }

  private static Version view(ReportStore.Frozen f) {
    return new Version(
        f.version(), f.frozenBy(), f.frozenAt(), f.documentId(), f.correctionReason());
  }

  private long read(Long siteId, Staff me) {
    if (siteId == null) {
      access.supervision(me);
      return WebsiteReports.NETWORK;
    }
    return access.readable(siteId, me).id();
  }

  private long network(Staff me) {
    access.supervision(me);
    return WebsiteReports.NETWORK;
  }

  private Report report(long subject, int year, Staff me) {
    return subject == WebsiteReports.NETWORK
        ? reports.supervision(year, me)
        : reports.site(subject, year, me);
  }
}
