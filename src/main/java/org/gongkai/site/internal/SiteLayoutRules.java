package org.gongkai.site.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusal.FieldProblem;
import org.gongkai.site.Site;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayout.HomeBlock;
import org.gongkai.site.SiteLayout.Link;
import org.gongkai.site.SiteLayout.NavItem;
import org.gongkai.site.SiteLogo;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/** What a site's layout may hold: checked field by field, texts trimmed, refusals naming fields. */
@Component
class SiteLayoutRules {

  static final int MAX_ITEMS = 30;
  static final int MAX_LINKS = 20;
  static final int MAX_COUNT = 20;

  /** The largest logo accepted: a header image, not a photograph. */
  static final int MAX_LOGO_BYTES = 200 * 1024;

  private final Sites sites;
  private final AgencyDirectory agencies;

  SiteLayoutRules(Sites sites, AgencyDirectory agencies) {
    this.sites = sites;
    this.agencies = agencies;
  }

  SiteLayout checked(Site site, SiteLayout layout) {
    List<FieldProblem> problems = new ArrayList<>();
    if (layout.theme() == null) {
      problems.add(new FieldProblem("theme", "error.required", "theme"));
    }
    if (layout.navigation().size() > MAX_ITEMS) {
      problems.add(new FieldProblem("navigation", "site.layout.too-many", MAX_ITEMS));
    }
    if (layout.blocks().size() > MAX_ITEMS) {
      problems.add(new FieldProblem("blocks", "site.layout.too-many", MAX_ITEMS));
    }
    List<NavItem> navigation = new ArrayList<>();
    for (NavItem item : layout.navigation()) {
      String label = text(item.label(), "label", 20, true, problems);
      String target = item.target() == null ? "" : item.target().strip();
      if (item.kind() == null) {
        problems.add(new FieldProblem("kind", "error.required", "kind"));
        continue;
      }
      boolean valid =
          switch (item.kind()) {
            case COLUMN -> shownColumn(site, target).isPresent();
            case PAGE -> page(target);
            case LINK -> web(target);
          };
      if (!valid) {
        problems.add(new FieldProblem("target", "site.layout.target.invalid", target));
      }
      navigation.add(new NavItem(label, item.kind(), target));
    }
    List<HomeBlock> blocks = new ArrayList<>();
    for (HomeBlock block : layout.blocks()) {
      if (block.kind() == null) {
        problems.add(new FieldProblem("kind", "error.required", "kind"));
        continue;
      }
      String title = text(block.title(), "title", 50, false, problems);
      int count = block.count();
      switch (block.kind()) {
        case COLUMN_LATEST -> {
          if (block.columnId() == null
              || shownColumn(site, String.valueOf(block.columnId())).isEmpty()) {
            problems.add(new FieldProblem("columnId", "site.layout.column.invalid"));
          }
        }
        case LINKS -> {
          if (block.links().isEmpty() || block.links().size() > MAX_LINKS) {
            problems.add(new FieldProblem("links", "site.layout.links.invalid", MAX_LINKS));
          }
        }
        default -> {}
      }
      boolean lists =
          block.kind() == SiteLayout.BlockKind.SITE_LATEST
              || block.kind() == SiteLayout.BlockKind.COLUMN_LATEST
              || block.kind() == SiteLayout.BlockKind.TOPICS;
      if (lists && (count < 1 || count > MAX_COUNT)) {
        problems.add(new FieldProblem("count", "site.layout.count.invalid", MAX_COUNT));
      }
      List<Link> links = new ArrayList<>();
      for (Link link : block.links()) {
        String label = text(link.label(), "links", 50, true, problems);
        String url = link.url() == null ? "" : link.url().strip();
        if (!web(url) && !page(url)) {
          problems.add(new FieldProblem("links", "site.layout.target.invalid", url));
        }
        links.add(new Link(label, url));
      }
      blocks.add(
          new HomeBlock(
              block.kind(),
              title,
              block.kind() == SiteLayout.BlockKind.COLUMN_LATEST ? block.columnId() : null,
              lists ? count : 0,
              block.kind() == SiteLayout.BlockKind.LINKS ? links : List.of()));
    }
    String note = text(layout.footerNote(), "footerNote", 300, false, problems);
    String mark = layout.markLink().strip();
    if (!mark.isEmpty() && !web(mark)) {
      problems.add(new FieldProblem("markLink", "site.layout.target.invalid", mark));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    return new SiteLayout(layout.theme(), navigation, blocks, note, mark, layout.logo());
  }

  /** The column, when it is one of an agency the site shows and not hidden. */
  Optional<Column> shownColumn(Site site, String id) {
    long columnId;
    try {
      columnId = Long.parseLong(id);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return agencies
        .column(columnId)
        .filter(c -> !c.hidden())
        .filter(c -> sites.shows(site, c.agencyId()));
  }

  /** A page of the site: a path of one leading slash, no spaces, no scheme. */
  static boolean page(String target) {
    return target.startsWith("/")
        && !target.startsWith("//")
        && target.length() <= 200
        && target.chars().noneMatch(c -> c <= ' ' || c == '\\' || c == '"' || c == '<');
  }

  /** An http or https address with a host. */
  static boolean web(String target) {
    if (target.length() > 500 || target.chars().anyMatch(c -> c <= ' ')) {
      return false;
    }
    try {
      URI uri = new URI(target);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /**
   * A logo as uploaded: a PNG or a JPEG by its first bytes that the image reader decodes, within
   * the size limit; anything else (SVG, which can carry scripts, included) is refused.
   */
  SiteLogo logo(byte[] content) {
    if (content == null || content.length == 0) {
      throw Refusal.invalidField("file", "error.required", "file");
    }
    if (content.length > MAX_LOGO_BYTES) {
      throw Refusal.invalidField("file", "site.logo.too-large", MAX_LOGO_BYTES / 1024);
    }
    String type = null;
    if (content.length > 8
        && (content[0] & 0xff) == 0x89
        && content[1] == 'P'
        && content[2] == 'N'
        && content[3] == 'G') {
      type = "image/png";
    } else if (content.length > 3
        && (content[0] & 0xff) == 0xff
        && (content[1] & 0xff) == 0xd8
        && (content[2] & 0xff) == 0xff) {
      type = "image/jpeg";
    }
    if (type == null || !decodes(content)) {
      throw Refusal.invalidField("file", "site.logo.type");
    }
    return new SiteLogo(type, content, sha256(content));
  }

  private static boolean decodes(byte[] content) {
    try {
      return ImageIO.read(new ByteArrayInputStream(content)) != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the audit record says of a layout. */
  String describe(SiteLayout layout) {
    StringBuilder text = new StringBuilder(layout.theme().name()).append(" nav:");
    layout
        .navigation()
        .forEach(i -> text.append(' ').append(i.label()).append('=').append(i.target()));
    text.append(" blocks:");
    layout
        .blocks()
        .forEach(
            b ->
                text.append(' ')
                    .append(b.kind().name())
                    .append(b.columnId() == null ? "" : "#" + b.columnId()));
    String all = text.toString();
    return all.length() > 900 ? all.substring(0, 900) : all;
  }

  private static String text(
      String value, String field, int max, boolean required, List<FieldProblem> problems) {
    String text = value == null ? "" : value.strip().replaceAll("[\\p{Cntrl}]", " ");
    if (required && text.isEmpty()) {
      problems.add(new FieldProblem(field, "error.required", field));
    } else if (text.length() > max) {
      problems.add(new FieldProblem(field, "field.too-long"));
    }
    return text;
  }
}
