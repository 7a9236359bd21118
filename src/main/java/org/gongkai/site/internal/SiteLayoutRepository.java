package org.gongkai.site.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayout.BlockKind;
import org.gongkai.site.SiteLayout.HomeBlock;
import org.gongkai.site.SiteLayout.Link;
import org.gongkai.site.SiteLayout.NavItem;
import org.gongkai.site.SiteLayout.NavKind;
import org.gongkai.site.SiteLogo;
import org.gongkai.site.SiteTheme;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of sites' layouts, each in two stages: the draft and the published copy. */
@Repository
class SiteLayoutRepository {

  enum Stage {
    DRAFT,
    LIVE
  }

  private final JdbcClient jdbc;

  SiteLayoutRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<SiteLayout> load(long siteId, Stage stage) {
    record Look(SiteTheme theme, String note, String mark) {}
    Optional<Look> look =
        jdbc.sql(
                "SELECT theme, footer_note, mark_link FROM site_look WHERE site_id = ? AND stage ="
                    + " ?")
            .params(siteId, stage.name())
            .query(
                (rs, n) ->
                    new Look(SiteTheme.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
            .optional();
    if (look.isEmpty()) {
      return Optional.empty();
    }
    List<NavItem> navigation =
        jdbc.sql(
                "SELECT label, kind, target FROM site_nav_item WHERE site_id = ? AND stage = ?"
                    + " ORDER BY position")
            .params(siteId, stage.name())
            .query(
                (rs, n) ->
                    new NavItem(rs.getString(1), NavKind.valueOf(rs.getString(2)), rs.getString(3)))
            .list();
    List<HomeBlock> blocks =
        jdbc.sql(
                "SELECT kind, title, column_id, item_count, links FROM site_home_block"
                    + " WHERE site_id = ? AND stage = ? ORDER BY position")
            .params(siteId, stage.name())
            .query(
                (rs, n) -> {
                  long column = rs.getLong(3);
                  return new HomeBlock(
                      BlockKind.valueOf(rs.getString(1)),
                      rs.getString(2),
                      rs.wasNull() ? null : column,
                      rs.getInt(4),
                      links(rs.getString(5)));
                })
            .list();
    String logo =
        jdbc.sql("SELECT sha256 FROM site_logo WHERE site_id = ? AND stage = ?")
            .params(siteId, stage.name())
            .query(String.class)
            .optional()
            .orElse(null);
    return Optional.of(
        new SiteLayout(
            look.get().theme(), navigation, blocks, look.get().note(), look.get().mark(), logo));
  }

  /** Replaces the stage's look, menu and blocks; the logo is kept apart. */
  void save(long siteId, Stage stage, SiteLayout layout, String actor, Instant now) {
    delete(siteId, stage);
    jdbc.sql(
            "INSERT INTO site_look (site_id, stage, theme, footer_note, mark_link, updated_by,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            siteId,
            stage.name(),
            layout.theme().name(),
            layout.footerNote(),
            layout.markLink(),
            actor,
            Timestamps.toDb(now))
        .update();
    int position = 0;
    for (NavItem item : layout.navigation()) {
      jdbc.sql(
              "INSERT INTO site_nav_item (site_id, stage, position, label, kind, target)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")
          .params(siteId, stage.name(), position++, item.label(), item.kind().name(), item.target())
          .update();
    }
    position = 0;
    for (HomeBlock block : layout.blocks()) {
      jdbc.sql(
              "INSERT INTO site_home_block (site_id, stage, position, kind, title, column_id,"
                  + " item_count, links) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(
              siteId,
              stage.name(),
              position++,
              block.kind().name(),
              block.title(),
              block.columnId(),
              block.count(),
              links(block.links()))
          .update();
    }
  }

  Optional<SiteLogo> logo(long siteId, Stage stage) {
    return jdbc.sql(
            "SELECT media_type, content, sha256 FROM site_logo WHERE site_id = ? AND stage = ?")
        .params(siteId, stage.name())
        .query((rs, n) -> new SiteLogo(rs.getString(1), rs.getBytes(2), rs.getString(3)))
        .optional();
  }

  void saveLogo(long siteId, Stage stage, SiteLogo logo) {
    removeLogo(siteId, stage);
    jdbc.sql(
            "INSERT INTO site_logo (site_id, stage, media_type, content, sha256)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(siteId, stage.name(), logo.mediaType(), logo.content(), logo.sha256())
        .update();
  }

  void removeLogo(long siteId, Stage stage) {
    jdbc.sql("DELETE FROM site_logo WHERE site_id = ? AND stage = ?")
        .params(siteId, stage.name())
        .update();
  }

  private void delete(long siteId, Stage stage) {
    for (String table : List.of("site_look", "site_nav_item", "site_home_block")) {
      jdbc.sql("DELETE FROM " + table + " WHERE site_id = ? AND stage = ?")
          .params(siteId, stage.name())
          .update();
    }
  }

  /** Links as lines of label, tab, address. */
  private static String links(List<Link> links) {
    StringBuilder text = new StringBuilder();
    for (Link link : links) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(link.label()).append('\t').append(link.url());
    }
    return text.toString();
  }

  private static List<Link> links(String text) {
    List<Link> links = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return links;
    }
    for (String line : text.split("\n")) {
      int tab = line.indexOf('\t');
      if (tab > 0) {
        links.add(new Link(line.substring(0, tab), line.substring(tab + 1)));
      }
    }
    return links;
  }
}
