package org.gongkai.site.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.site.PublicSiteVersion;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.SiteChanged;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayout.BlockKind;
import org.gongkai.site.SiteLayout.HomeBlock;
import org.gongkai.site.SiteLayout.NavItem;
import org.gongkai.site.SiteLayout.NavKind;
import org.gongkai.site.SiteLayouts;
import org.gongkai.site.SiteLogo;
import org.gongkai.site.SiteTheme;
import org.gongkai.site.internal.SiteLayoutRepository.Stage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sites' layouts: drafts edited by the site's administrators, checked and audited, published as one
 * step that moves the public site's version, so that every node's pages and page cache follow.
 */
@Service
class SiteLayoutService implements SiteLayouts {

  private final SiteLayoutRepository repository;
  private final AgencyDirectory agencies;
  private final SiteLayoutRules rules;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final MessageSource messages;
  private final PublicSiteVersion version;
  private final Clock clock;

  /** Published layouts as of one public-site version; empty for sites that published none. */
  private volatile long keptVersion = -1;

  private final Map<Long, Optional<SiteLayout>> kept = new ConcurrentHashMap<>();

  SiteLayoutService(
      SiteLayoutRepository repository,
      AgencyDirectory agencies,
      SiteLayoutRules rules,
      AuditTrail audit,
      ApplicationEventPublisher events,
      MessageSource messages,
      PublicSiteVersion version,
      Clock clock) {
    this.repository = repository;
    this.agencies = agencies;
    this.rules = rules;
    this.audit = audit;
    this.events = events;
    this.messages = messages;
    this.version = version;
    this.clock = clock;
  }

  @Override
  public SiteLayout live(Site site) {
    return published(site.id()).orElseGet(() -> defaultLayout(site));
  }

  private Optional<SiteLayout> published(long siteId) {
    if (PublicSiteVersion.insideWritingTransaction()) {
      return repository.load(siteId, Stage.LIVE);
    }
    long current = version.current();
    if (current != keptVersion) {
      kept.clear();
      keptVersion = current;
    }
    return kept.computeIfAbsent(siteId, id -> repository.load(id, Stage.LIVE));
  }

  @Override
  public SiteLayout draft(Site site, Staff actor) {
    requireEditor(actor, site);
    return repository.load(site.id(), Stage.DRAFT).orElseGet(() -> live(site));
  }

  @Override
  public boolean mayEdit(Staff staff, Site site) {
    return staff != null
        && staff.enabled()
        && (staff.isPlatformAdmin()
            || (staff.role() == Role.AGENCY_ADMIN
                && staff.agencyId() != null
                && site.agencyIds().contains(staff.agencyId())));
  }

  @Override
  public void requireEditor(Staff staff, Site site) {
    if (!mayEdit(staff, site)) {
      throw Refusal.forbidden("site.layout.not-yours");
    }
  }

  @Override
  @Transactional
  public SiteLayout saveDraft(Site site, SiteLayout layout, Staff actor, String action) {
    requireEditor(actor, site);
    SiteLayout checked = rules.checked(site, layout);
    ensureDraft(site, actor);
    repository.save(site.id(), Stage.DRAFT, checked, actor.username(), Instant.now(clock));
    audit.record(actor.username(), action, "site", site.id(), rules.describe(checked));
    return repository.load(site.id(), Stage.DRAFT).orElseThrow();
  }

  @Override
  @Transactional
  public void publish(Site site, Staff actor) {
    requireEditor(actor, site);
    ensureDraft(site, actor);
    SiteLayout draft = repository.load(site.id(), Stage.DRAFT).orElseThrow();
    repository.save(site.id(), Stage.LIVE, draft, actor.username(), Instant.now(clock));
    Optional<SiteLogo> logo = repository.logo(site.id(), Stage.DRAFT);
    if (logo.isPresent()) {
      repository.saveLogo(site.id(), Stage.LIVE, logo.get());
    } else {
      repository.removeLogo(site.id(), Stage.LIVE);
    }
    events.publishEvent(new SiteChanged(site.id()));
    audit.record(
        actor.username(), "site.layout.published", "site", site.id(), rules.describe(draft));
  }

  @Override
  public Optional<SiteLogo> logo(Site site, boolean draft) {
    if (draft && repository.load(site.id(), Stage.DRAFT).isPresent()) {
      return repository.logo(site.id(), Stage.DRAFT);
    }
    return repository.logo(site.id(), Stage.LIVE);
  }

  @Override
  @Transactional
  public void uploadLogo(Site site, String fileName, byte[] content, Staff actor) {
    requireEditor(actor, site);
    SiteLogo logo = rules.logo(content);
    ensureDraft(site, actor);
    repository.saveLogo(site.id(), Stage.DRAFT, logo);
    audit.record(
        actor.username(),
        "site.logo.uploaded",
        "site",
        site.id(),
        logo.mediaType() + " " + content.length + " " + logo.sha256());
  }

  @Override
  @Transactional
  public void removeLogo(Site site, Staff actor) {
    requireEditor(actor, site);
    ensureDraft(site, actor);
    repository.removeLogo(site.id(), Stage.DRAFT);
    audit.record(actor.username(), "site.logo.removed", "site", site.id(), "");
  }

  /**
   * A site's first draft is a copy of what it shows: the published layout and logo, or the default.
   */
  private void ensureDraft(Site site, Staff actor) {
    if (repository.load(site.id(), Stage.DRAFT).isPresent()) {
      return;
    }
    repository.save(site.id(), Stage.DRAFT, live(site), actor.username(), Instant.now(clock));
    repository
        .logo(site.id(), Stage.LIVE)
        .ifPresent(logo -> repository.saveLogo(site.id(), Stage.DRAFT, logo));
  }

  /**
   * What a site shows before its administrators publish a layout of their own: the catalogs of its
   * highest agencies and the public services in the menu; the newest items, the agency list and the
   * first agency's top columns on the home page.
   */
  SiteLayout defaultLayout(Site site) {
    List<Agency> top =
        site.agencyIds().isEmpty()
            ? agencies.all().stream().filter(a -> a.parentId() == null).toList()
            : site.agencyIds().stream().map(agencies::get).toList();
    List<NavItem> navigation = new ArrayList<>();
    for (Agency agency : top) {
      navigation.add(
          new NavItem(message("nav.catalog"), NavKind.PAGE, "/agencies/" + agency.code()));
    }
    navigation.add(new NavItem(message("nav.foi"), NavKind.PAGE, "/foi/apply"));
    navigation.add(new NavItem(message("nav.consultations"), NavKind.PAGE, "/consultations"));
    navigation.add(new NavItem(message("nav.mailbox"), NavKind.PAGE, "/mailbox"));
    navigation.add(new NavItem(message("nav.interviews"), NavKind.PAGE, "/interviews"));
    navigation.add(new NavItem(message("nav.powers"), NavKind.PAGE, "/powers"));
    navigation.add(new NavItem(message("nav.decisions"), NavKind.PAGE, "/decisions"));
    List<HomeBlock> blocks = new ArrayList<>();
    blocks.add(new HomeBlock(BlockKind.SITE_LATEST, "", null, 10, List.of()));
    blocks.add(new HomeBlock(BlockKind.AGENCIES, "", null, 0, List.of()));
    if (!top.isEmpty()) {
      for (Column column : agencies.visibleColumns(top.get(0).id())) {
        if (column.parentId() == null) {
          blocks.add(new HomeBlock(BlockKind.COLUMN_LATEST, "", column.id(), 6, List.of()));
        }
      }
    }
    return new SiteLayout(SiteTheme.CLASSIC, navigation, blocks, "", "", null);
  }

  private String message(String key) {
    return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
  }
}
