package org.gongkai.site;

import java.util.List;

/**
 * What a site's own administrator sets: its theme, its navigation menu, its home page's blocks in
 * order, the footer's note and the link of its 党政机关 mark, and whether it has a logo ({@code logo}:
 * the logo's SHA-256, which versions its address; null without one).
 */
public record SiteLayout(
    SiteTheme theme,
    List<NavItem> navigation,
    List<HomeBlock> blocks,
    String footerNote,
    String markLink,
    String logo) {

  public SiteLayout {
    navigation = List.copyOf(navigation);
    blocks = List.copyOf(blocks);
    footerNote = footerNote == null ? "" : footerNote;
    markLink = markLink == null ? "" : markLink;
  }

  public SiteLayout withNavigation(List<NavItem> items) {
    return new SiteLayout(theme, items, blocks, footerNote, markLink, logo);
  }

  public SiteLayout withBlocks(List<HomeBlock> list) {
    return new SiteLayout(theme, navigation, list, footerNote, markLink, logo);
  }

  public SiteLayout withLook(SiteTheme newTheme, String note, String link) {
    return new SiteLayout(newTheme, navigation, blocks, note, link, logo);
  }

  /**
   * A menu item. {@code target}: a column's id (COLUMN), a path of the site starting with one slash
   * (PAGE), an http or https address (LINK).
   */
  public record NavItem(String label, NavKind kind, String target) {}

  public enum NavKind {
    COLUMN,
    PAGE,
    LINK
  }

  /**
   * A block of the home page. {@code title}: empty for the block's usual heading; {@code columnId}
   * for COLUMN_LATEST; {@code count} items for the lists (and topics); {@code links} for LINKS.
   */
  public record HomeBlock(
      BlockKind kind, String title, Long columnId, int count, List<Link> links) {

    public HomeBlock {
      title = title == null ? "" : title;
      links = links == null ? List.of() : List.copyOf(links);
    }
  }

  /** What a home page block shows. */
  public enum BlockKind {
    /** The newest documents of the site's agencies. */
    SITE_LATEST,
    /** The newest documents of one column and the columns below it. */
    COLUMN_LATEST,
    /** A list of links the administrator writes. */
    LINKS,
    /** The agencies the site shows. */
    AGENCIES,
    /** The published topics (专题) of the site's agencies, open ones first. */
    TOPICS
  }

  public record Link(String label, String url) {}
}
