package org.gongkai.site.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.gongkai.site.Site;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayout.BlockKind;
import org.gongkai.site.SiteLayout.HomeBlock;
import org.gongkai.site.SiteLayout.Link;
import org.gongkai.site.SiteLayout.NavItem;
import org.gongkai.site.SiteLayout.NavKind;
import org.gongkai.site.SiteLayouts;
import org.gongkai.site.SiteLogo;
import org.gongkai.site.SiteTheme;
import org.gongkai.site.Sites;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A site's layout in the console, for its administrators: the menu and the home page's blocks, each
 * moved up and down with a button, the theme, the footer and the logo; all of it a draft until
 * published, and previewed before.
 */
@Controller
@RequestMapping("/console/sites")
class SiteConsoleController {

  private static final String NAVIGATION = "navigation";

  private final Sites sites;
  private final SiteLayouts layouts;
  private final StaffAccess access;
  private final AgencyDirectory agencies;

  SiteConsoleController(
      Sites sites, SiteLayouts layouts, StaffAccess access, AgencyDirectory agencies) {
    this.sites = sites;
    this.layouts = layouts;
    this.access = access;
    this.agencies = agencies;
  }

  @GetMapping
  String list(Model model) {
    Staff me = access.current();
    if (!me.role().administers()) {
      throw Refusal.forbidden("access.admin-only");
    }
    model.addAttribute("sites", sites.all().stream().filter(s -> layouts.mayEdit(me, s)).toList());
    return "site/console-list";
  }

  @GetMapping("/{id}")
  String edit(@PathVariable long id, Model model) {
    Staff me = access.current();
    Site site = site(id, me);
    model.addAttribute("site", site);
    model.addAttribute("layout", layouts.draft(site, me));
    model.addAttribute("columns", SiteColumnChoice.of(site, sites, agencies));
    model.addAttribute("themes", SiteTheme.values());
    model.addAttribute("navKinds", NavKind.values());
    model.addAttribute("blockKinds", BlockKind.values());
    model.addAttribute("maxLogoKb", SiteLayoutRules.MAX_LOGO_BYTES / 1024);
    return "site/console-edit";
  }

  @PostMapping("/{id}/navigation")
  String addItem(
      @PathVariable long id,
      @RequestParam(required = false) NavKind kind,
      @RequestParam(required = false) String label,
      @RequestParam(required = false) Long columnId,
      @RequestParam(required = false) String target,
      RedirectAttributes redirect) {
    String value = kind == NavKind.COLUMN ? String.valueOf(columnId) : target;
    return change(
        id,
        redirect,
        "site.layout.navigation",
        l -> l.withNavigation(added(l.navigation(), new NavItem(label, kind, value))));
  }

  @PostMapping("/{id}/blocks")
  String addBlock(
      @PathVariable long id,
      @RequestParam(required = false) BlockKind kind,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) Long columnId,
      @RequestParam(required = false) Integer count,
      @RequestParam(required = false) String links,
      RedirectAttributes redirect) {
    HomeBlock block =
        new HomeBlock(kind, title, columnId, count == null ? 6 : count, parseLinks(links));
    return change(id, redirect, "site.layout.blocks", l -> l.withBlocks(added(l.blocks(), block)));
  }

  /** Moves an item of the menu or a block of the home page one place up (-1) or down (1). */
  @PostMapping("/{id}/{list:navigation|blocks}/move")
  String move(
      @PathVariable long id,
      @PathVariable String list,
      @RequestParam int position,
      @RequestParam int direction,
      RedirectAttributes redirect) {
    return editList(id, list, redirect, items -> moved(items, position, direction));
  }

  /** Removes an item of the menu or a block of the home page. */
  @PostMapping("/{id}/{list:navigation|blocks}/remove")
  String remove(
      @PathVariable long id,
      @PathVariable String list,
      @RequestParam int position,
      RedirectAttributes redirect) {
    return editList(id, list, redirect, items -> removed(items, position));
  }

  @PostMapping("/{id}/look")
  String look(
      @PathVariable long id,
      @RequestParam(required = false) SiteTheme theme,
      @RequestParam(required = false) String footerNote,
      @RequestParam(required = false) String markLink,
      RedirectAttributes redirect) {
    return change(id, redirect, "site.layout.look", l -> l.withLook(theme, footerNote, markLink));
  }

  @PostMapping(path = "/{id}/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  String logo(
      @PathVariable long id,
      @RequestParam("file") MultipartFile file,
      RedirectAttributes redirect) {
    Staff me = access.current();
    Site site = site(id, me);
    try {
      layouts.uploadLogo(site, file.getOriginalFilename(), file.getBytes(), me);
      redirect.addFlashAttribute("notice", "site.layout.saved");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/sites/" + id;
  }

  /** The draft's logo, for the console and the preview. */
  @GetMapping("/{id}/logo")
  ResponseEntity<byte[]> draftLogo(@PathVariable long id) {
    Staff me = access.current();
    SiteLogo logo =
        layouts.logo(site(id, me), true).orElseThrow(() -> Refusal.notFound("error.not-found"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(logo.mediaType()))
        .header("X-Content-Type-Options", "nosniff")
        .body(logo.content());
  }

  @PostMapping("/{id}/logo/remove")
  String removeLogo(@PathVariable long id, RedirectAttributes redirect) {
    Staff me = access.current();
    layouts.removeLogo(site(id, me), me);
    redirect.addFlashAttribute("notice", "site.layout.saved");
    return "redirect:/console/sites/" + id;
  }

  @PostMapping("/{id}/publish")
  String publish(@PathVariable long id, RedirectAttributes redirect) {
    Staff me = access.current();
    layouts.publish(site(id, me), me);
    redirect.addFlashAttribute("notice", "site.layout.published");
    return "redirect:/console/sites/" + id;
  }

  /** The site, when the member of staff administers it; else 404 or 403. */
  private Site site(long id, Staff me) {
    Site site = sites.find(id).orElseThrow(() -> Refusal.notFound("site.not-found"));
    layouts.requireEditor(me, site);
    return site;
  }

  private String change(
      long id, RedirectAttributes redirect, String action, UnaryOperator<SiteLayout> edit) {
    Staff me = access.current();
    Site site = site(id, me);
    try {
      layouts.saveDraft(site, edit.apply(layouts.draft(site, me)), me, action);
      redirect.addFlashAttribute("notice", "site.layout.saved");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/sites/" + id;
  }

  /**
   * An edit of the draft's menu ({@code navigation}) or of its home page's blocks ({@code blocks}):
   * the same moves for both lists, whatever their items.
   */
  private String editList(
      long id, String list, RedirectAttributes redirect, UnaryOperator<List<Object>> edit) {
    boolean navigation = NAVIGATION.equals(list);
    return change(
        id,
        redirect,
        navigation ? "site.layout.navigation" : "site.layout.blocks",
        l ->
            navigation
                ? l.withNavigation(same(edit.apply(new ArrayList<>(l.navigation()))))
                : l.withBlocks(same(edit.apply(new ArrayList<>(l.blocks())))));
  }

  /** The list an edit gave back: the items it was given, moved or fewer. */
  @SuppressWarnings("unchecked")
  private static <T> List<T> same(List<Object> items) {
    return (List<T>) (List<?>) items;
  }

  /** Links as the console's text area takes them: one a line, the label, a space, the address. */
  static List<Link> parseLinks(String text) {
    List<Link> links = new ArrayList<>();
    if (text == null) {
      return links;
    }
    for (String line : text.split("\\R")) {
      String trimmed = line.strip();
      int space = trimmed.lastIndexOf(' ');
      if (space > 0) {
        links.add(new Link(trimmed.substring(0, space).strip(), trimmed.substring(space + 1)));
      } else if (!trimmed.isEmpty()) {
        links.add(new Link("", trimmed));
      }
    }
    return links;
  }

  private static <T> List<T> added(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  private static <T> List<T> moved(List<T> list, int position, int direction) {
    List<T> copy = new ArrayList<>(list);
    int other = position + Integer.signum(direction);
    if (position >= 0 && position < copy.size() && other >= 0 && other < copy.size()) {
      T item = copy.get(position);
      copy.set(position, copy.get(other));
      copy.set(other, item);
    }
    return copy;
  }

  private static <T> List<T> removed(List<T> list, int position) {
    List<T> copy = new ArrayList<>(list);
    if (position >= 0 && position < copy.size()) {
      copy.remove(position);
    }
    return copy;
  }
}
