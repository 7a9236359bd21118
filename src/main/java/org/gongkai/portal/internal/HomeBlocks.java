package org.gongkai.portal.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogQuery;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.site.Offers;
import org.gongkai.site.Site;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayout.BlockKind;
import org.gongkai.site.SiteLayout.HomeBlock;
import org.gongkai.site.SiteLayout.NavItem;
import org.gongkai.site.Sites;
import org.gongkai.topic.Topic;
import org.gongkai.topic.Topics;
import org.springframework.stereotype.Component;

/**
 * A site's layout as its pages show it: the menu's links and the home page's blocks with their
 * documents, read for the site's agencies only.
 */
@Component
class HomeBlocks {

  private final Catalog catalog;
  private final AgencyDirectory agencies;
  private final Sites sites;
  private final Offers offers;
  private final Topics topics;
  private final Clock clock;

  HomeBlocks(
      Catalog catalog,
      AgencyDirectory agencies,
      Sites sites,
      Offers offers,
      Topics topics,
      Clock clock) {
    this.topics = topics;
    this.clock = clock;
    this.offers = offers;
    this.catalog = catalog;
    this.agencies = agencies;
    this.sites = sites;
  }

  /** A menu link: {@code href} a path of the site or an address elsewhere. */
  record NavLink(String label, String href, boolean external) {}

  /**
   * A block as the home page shows it. {@code title}: the administrator's, else null for the kind's
   * usual heading (a column's name for COLUMN_LATEST); {@code href} where the heading links.
   */
  record BlockView(
      BlockKind kind,
      String title,
      String href,
      List<DocumentSummary> items,
      List<SiteLayout.Link> links,
      List<Agency> agencies,
      List<Topic> topics) {}

  /** The menu's items that still name something the site shows. */
  List<NavLink> navigation(Site site, SiteLayout layout) {
    List<NavLink> links = new ArrayList<>();
    for (NavItem item : layout.navigation()) {
      switch (item.kind()) {
        case PAGE -> links.add(new NavLink(item.label(), item.target(), false));
        case LINK -> links.add(new NavLink(item.label(), item.target(), true));
        case COLUMN ->
            shownColumn(site, item.target())
                .ifPresent(
                    c ->
                        links.add(
                            new NavLink(
                                item.label(),
                                "/agencies/"
                                    + agencies.get(c.agencyId()).code()
                                    + "?column="
                                    + c.id(),
                                false)));
      }
    }
    return links;
  }

  /**
   * The home page's blocks in the administrator's order; a column block with nothing published, or
   * naming a column the site no longer shows, is left out.
   */
  List<BlockView> blocks(Site site, SiteLayout layout, List<Agency> shown) {
    Set<Long> scope = sites.agencyScope(site).orElse(null);
    List<BlockView> views = new ArrayList<>();
    for (HomeBlock block : layout.blocks()) {
      String title = block.title().isBlank() ? null : block.title();
      switch (block.kind()) {
        case SITE_LATEST ->
            views.add(
                new BlockView(
                    block.kind(),
                    title,
                    null,
                    catalog
                        .published(
                            new CatalogQuery(scope, null, null, null, null, 1, block.count())
                                .withAlso(offers.acceptedOn(site.id())))
                        .items(),
                    List.of(),
                    List.of(),
                    List.of()));
        case COLUMN_LATEST -> {
          Optional<Column> column = shownColumn(site, String.valueOf(block.columnId()));
          if (column.isEmpty()) {
            continue;
          }
          Column c = column.get();
          Set<Long> columnIds = columnAndChildren(c);
          List<DocumentSummary> items =
              catalog
                  .published(
                      new CatalogQuery(null, columnIds, null, null, null, 1, block.count())
                          .withAlso(offers.acceptedIn(site.id(), columnIds)))
                  .items();
          if (!items.isEmpty()) {
            views.add(
                new BlockView(
                    block.kind(),
                    title == null ? c.name() : title,
                    "/agencies/" + agencies.get(c.agencyId()).code() + "?column=" + c.id(),
                    items,
                    List.of(),
                    List.of(),
                    List.of()));
          }
        }
        case LINKS ->
            views.add(
                new BlockView(
                    block.kind(), title, null, List.of(), block.links(), List.of(), List.of()));
        case AGENCIES ->
            views.add(
                new BlockView(block.kind(), title, null, List.of(), List.of(), shown, List.of()));
        case TOPICS -> {
          LocalDate today = LocalDate.now(clock);
          List<Topic> listed =
              topics.published().stream()
                  .filter(t -> sites.shows(site, t.agencyId()))
                  .sorted((a, b) -> Boolean.compare(b.live().openOn(today), a.live().openOn(today)))
                  .limit(block.count())
                  .toList();
          if (!listed.isEmpty()) {
            views.add(
                new BlockView(
                    block.kind(), title, "/topics", List.of(), List.of(), List.of(), listed));
          }
        }
      }
    }
    return views;
  }

  private Optional<Column> shownColumn(Site site, String id) {
    try {
      return agencies
          .column(Long.parseLong(id))
          .filter(c -> !c.hidden())
          .filter(c -> sites.shows(site, c.agencyId()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private Set<Long> columnAndChildren(Column column) {
    return ColumnSubtree.of(column, agencies.visibleColumns(column.agencyId()));
  }
}
