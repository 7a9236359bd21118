package org.gongkai.site.internal;

import java.net.IDN;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.site.PublicSiteVersion;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.SiteChanged;
import org.gongkai.site.SiteForm;
import org.gongkai.site.SiteType;
import org.gongkai.site.Sites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and changes sites for platform administrators, checked field by field and audited. */
@Service
class SiteService implements Sites {

  /** A DNS name in ASCII (a Chinese name arrives as punycode), without port or trailing dot. */
  private static final Pattern HOST =
      Pattern.compile(
          "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  /**
   * 政府网站标识码: ten characters, digits for local governments' sites, two letters and eight digits for
   * the ministries' ({@code bm01000001}).
   */
  private static final Pattern ID_CODE = Pattern.compile("[0-9A-Za-z]{10}");

  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  private final SiteRepository repository;
  private final StaffAccess access;
  private final AgencyDirectory agencies;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final PublicSiteVersion version;
  private final boolean unknownHostNotFound;
  private volatile Snapshot snapshot;

  /** The sites as of one public-site version, by host name. */
  private record Snapshot(long version, List<Site> all, Map<String, Site> byHost, Site fallback) {

    static Snapshot of(long version, List<Site> all) {
      Map<String, Site> byHost = new HashMap<>();
      all.forEach(s -> s.hosts().forEach(h -> byHost.put(h, s)));
      Site fallback = all.stream().filter(Site::fallback).findFirst().orElseThrow();
      return new Snapshot(version, List.copyOf(all), Map.copyOf(byHost), fallback);
    }
  }

  SiteService(
      SiteRepository repository,
      StaffAccess access,
      AgencyDirectory agencies,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      PublicSiteVersion version,
      SitesProperties settings) {
    this.version = version;
    this.unknownHostNotFound = settings.unknownHost() == SitesProperties.UnknownHost.NOT_FOUND;
    this.repository = repository;
    this.access = access;
    this.agencies = agencies;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<Site> all() {
    return snapshot().all();
  }

  @Override
  public Optional<Site> find(long id) {
    return snapshot().all().stream().filter(s -> s.id() == id).findFirst();
  }

  @Override
  public Site fallback() {
    return snapshot().fallback();
  }

  @Override
  public Optional<Site> serving(String host) {
    Snapshot sites = snapshot();
    Site site = host == null ? null : sites.byHost().get(host.toLowerCase(Locale.ROOT));
    if (site != null) {
      return Optional.of(site);
    }
    return unknownHostNotFound ? Optional.empty() : Optional.of(sites.fallback());
  }

  @Override
  public boolean shows(Site site, long agencyId) {
    return depth(site, agencies.path(agencyId)) >= 0;
  }

  @Override
  public Optional<Set<Long>> agencyScope(Site site) {
    if (site.agencyIds().isEmpty()) {
      return Optional.empty();
    }
    Set<Long> scope = new java.util.HashSet<>();
    site.agencyIds().forEach(id -> scope.addAll(agencies.subtree(id)));
    return Optional.of(Set.copyOf(scope));
  }

  @Override
  public Site home(long agencyId) {
    List<Agency> path = agencies.path(agencyId);
    Site best = null;
    int bestDepth = -1;
    for (Site site : snapshot().all()) {
      int depth = depth(site, path);
      if (site.agencyIds().isEmpty() || depth < 0) {
        continue;
      }
      boolean better =
          best == null
              || depth > bestDepth
              || (depth == bestDepth
                  && site.type() == SiteType.DEPARTMENT
                  && best.type() != SiteType.DEPARTMENT);
      if (better) {
        best = site;
        bestDepth = depth;
      }
    }
    return best != null ? best : snapshot().fallback();
  }

  /**
   * How deep in the agency's path (root first) the site's nearest agency is; -1 when the site does
   * not show the agency, 0 for a site that shows every agency.
   */
  private static int depth(Site site, List<Agency> path) {
    if (site.agencyIds().isEmpty()) {
      return 0;
    }
    for (int i = path.size() - 1; i >= 0; i--) {
      if (site.agencyIds().contains(path.get(i).id())) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The sites as the public sees them: kept until the public site's version moves (every {@link
   * SiteChanged} moves it), read afresh inside a writing transaction, which must see its own
   * changes.
   */
  private Snapshot snapshot() {
    if (PublicSiteVersion.insideWritingTransaction()) {
      return Snapshot.of(-1, repository.all());
    }
    long current = version.current();
    Snapshot kept = snapshot;
    if (kept == null || kept.version() != current) {
      kept = Snapshot.of(current, repository.all());
      snapshot = kept;
    }
    return kept;
  }

  @Override
  @Transactional
  public Site create(SiteForm form, Staff actor) {
    access.requirePlatformAdmin(actor);
    SiteForm site = checked(form, null);
    long id = repository.insert(site, Instant.now(clock));
    events.publishEvent(new SiteChanged(id));
    audit.record(actor.username(), "site.created", "site", id, describe(site));
    return repository.find(id).orElseThrow();
  }

  @Override
  @Transactional
  public Site update(long id, SiteForm form, Staff actor) {
    access.requirePlatformAdmin(actor);
    repository.find(id).orElseThrow(() -> Refusal.notFound("site.not-found"));
    SiteForm site = checked(form, id);
    repository.update(id, site, Instant.now(clock));
    events.publishEvent(new SiteChanged(id));
    audit.record(actor.username(), "site.updated", "site", id, describe(site));
    return repository.find(id).orElseThrow();
  }

  @Override
  @Transactional
  public Site close(long id, Staff actor) {
    access.requirePlatformAdmin(actor);
    Site site = repository.find(id).orElseThrow(() -> Refusal.notFound("site.not-found"));
    if (site.fallback()) {
      throw Refusal.conflict("site.close.first-site");
    }
    if (!repository.close(id, actor.username(), Instant.now(clock))) {
      throw Refusal.conflict("site.close.closed");
    }
    events.publishEvent(new SiteChanged(id));
    audit.record(actor.username(), "site.closed", "site", id, site.canonicalHost());
    return repository.find(id).orElseThrow();
  }

  private static String describe(SiteForm site) {
    return site.name() + " " + String.join(",", site.hosts()) + " " + site.idCode();
  }

  /** The form with its values trimmed and host names normalised; refuses naming each bad field. */
  private SiteForm checked(SiteForm form, Long siteId) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    String name = text(form.name(), "name", 200, true, problems);
    String idCode = text(form.idCode(), "idCode", 20, true, problems);
    if (!idCode.isEmpty() && !ID_CODE.matcher(idCode).matches()) {
      problems.add(new Refusal.FieldProblem("idCode", "site.id-code.invalid"));
    }
    if (form.type() == null) {
      problems.add(new Refusal.FieldProblem("type", "error.required", "type"));
    }
    Set<String> hosts = new LinkedHashSet<>();
    for (String raw : form.hosts() == null ? List.<String>of() : form.hosts()) {
      String host = host(raw);
      if (host == null) {
        problems.add(new Refusal.FieldProblem("hosts", "site.host.invalid", String.valueOf(raw)));
      } else {
        hosts.add(host);
      }
    }
    if (hosts.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("hosts"))) {
      problems.add(new Refusal.FieldProblem("hosts", "site.hosts.required"));
    }
    Set<Long> agencyIds = new LinkedHashSet<>();
    for (Long agencyId : form.agencyIds() == null ? List.<Long>of() : form.agencyIds()) {
      if (agencyId == null || agencies.find(agencyId).isEmpty()) {
        problems.add(new Refusal.FieldProblem("agency", "agency.not-found"));
      } else {
        agencyIds.add(agencyId);
      }
    }
    if (form.type() == SiteType.DEPARTMENT && agencyIds.isEmpty() && problems.isEmpty()) {
      problems.add(new Refusal.FieldProblem("agency", "site.agency.required"));
    }
    Set<String> languages = new LinkedHashSet<>();
    for (String language : form.languages() == null ? List.<String>of() : form.languages()) {
      String tag = language == null ? "" : language.strip();
      if (!LANGUAGE.matcher(tag).matches()) {
        problems.add(new Refusal.FieldProblem("languages", "site.language.invalid", tag));
      } else {
        languages.add(tag);
      }
    }
    SiteForm site =
        new SiteForm(
            name,
            List.copyOf(hosts),
            List.copyOf(agencyIds),
            idCode,
            form.type(),
            text(form.icpFiling(), "icpFiling", 100, false, problems),
            text(form.securityFiling(), "securityFiling", 100, false, problems),
            text(form.organizer(), "organizer", 200, false, problems),
            text(form.operator(), "operator", 200, false, problems),
            text(form.contact(), "contact", 500, false, problems),
            languages.isEmpty() ? List.of("zh-CN") : List.copyOf(languages));
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    for (String host : site.hosts()) {
      Optional<Long> owner = repository.siteOfHost(host);
      if (owner.isPresent() && !owner.get().equals(siteId)) {
        throw Refusal.conflictOn("hosts", "site.host.taken", host);
      }
    }
    return site;
  }

  private static String text(
      String value, String field, int max, boolean required, List<Refusal.FieldProblem> problems) {
    String text = value == null ? "" : value.strip();
    if (required && text.isEmpty()) {
      problems.add(new Refusal.FieldProblem(field, "error.required", field));
    } else if (text.length() > max) {
      problems.add(new Refusal.FieldProblem(field, "field.too-long"));
    }
    return text;
  }

  /** A host name as a browser sends it: lower case, punycode, no port; null when it is none. */
  static String host(String raw) {
    if (raw == null) {
      return null;
    }
    String host = raw.strip();
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    try {
      host = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return HOST.matcher(host).matches() ? host : null;
  }
}
