package org.gongkai.site.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.gongkai.site.Offer;
import org.gongkai.site.OfferState;
import org.gongkai.site.OfferedDocuments;
import org.gongkai.site.Offers;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Offers in the console: a document offered from its page to a column of another site, the offers
 * waiting for the person's site (accept, or decline with a reason) and what their agencies offered
 * with the outcome.
 */
@Controller
@RequestMapping("/console/offers")
class OfferConsoleController {

  private static final int LIMIT = 200;

  private final Offers offers;
  private final OfferService service;
  private final Sites sites;
  private final AgencyDirectory agencies;
  private final OfferedDocuments catalog;
  private final StaffAccess access;

  OfferConsoleController(
      Offers offers,
      OfferService service,
      Sites sites,
      AgencyDirectory agencies,
      OfferedDocuments catalog,
      StaffAccess access) {
    this.offers = offers;
    this.service = service;
    this.sites = sites;
    this.agencies = agencies;
    this.catalog = catalog;
    this.access = access;
  }

  /**
   * An offer as the lists show it: where it went, who offered it, and whether the document is still
   * published at its source.
   */
  record OfferRow(Offer offer, String site, String column, String agency, boolean live) {

    /** Accepted, but withdrawn (or not published) at the source: no longer shown anywhere. */
    public boolean gone() {
      return offer.state() == OfferState.ACCEPTED && !live;
    }

    /** The offering agency may still take it back. */
    public boolean retractable() {
      return offer.state() == OfferState.OFFERED || offer.state() == OfferState.ACCEPTED;
    }

    /** The accepting site's editors may still take it off their site. */
    public boolean removable() {
      return offer.state() == OfferState.ACCEPTED;
    }
  }

  /** A site's receiving columns, for the offer form's choice. */
  record TargetGroup(String site, List<TargetOption> options) {}

  record TargetOption(String value, String label) {}

  @GetMapping
  String list(Model model) {
    Staff me = access.current();
    model.addAttribute("waiting", rows(offers.inbox(me, OfferState.OFFERED, LIMIT)));
    model.addAttribute(
        "decided",
        rows(
            offers.inbox(me, null, LIMIT).stream()
                .filter(o -> o.state() != OfferState.OFFERED)
                .toList()));
    model.addAttribute("sent", rows(offers.sent(me, LIMIT)));
    return "site/console-offers";
  }

  @GetMapping("/new")
  String form(@RequestParam long document, Model model) {
    Staff me = access.current();
    OfferedDocuments.Live doc = catalog.live(document);
    access.requireAgency(me, doc.agencyId());
    Map<Long, TargetGroup> groups = new LinkedHashMap<>();
    for (OfferService.Target t : service.targets(doc.agencyId())) {
      groups
          .computeIfAbsent(t.site().id(), k -> new TargetGroup(t.site().name(), new ArrayList<>()))
          .options()
          .add(
              new TargetOption(
                  t.site().id() + ":" + t.column().id(),
                  t.agency().name() + " / " + t.column().name()));
    }
    model.addAttribute("doc", doc);
    model.addAttribute("groups", groups.values());
    model.addAttribute("noteLength", OfferService.NOTE_LENGTH);
    return "site/console-offer-new";
  }

  @PostMapping
  String offer(
      @RequestParam long document,
      @RequestParam(required = false) String target,
      @RequestParam(required = false) String note,
      RedirectAttributes redirect) {
    try {
      long[] chosen = target(target);
      offers.offer(document, chosen[0], chosen[1], note, access.current());
      redirect.addFlashAttribute("notice", "offer.made");
      return "redirect:/console/offers";
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      return "redirect:/console/offers/new?document=" + document;
    }
  }

  @PostMapping("/{id}/accept")
  String accept(@PathVariable long id, RedirectAttributes redirect) {
    return act(redirect, "offer.accepted", () -> offers.accept(id, access.current()));
  }

  @PostMapping("/{id}/decline")
  String decline(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(redirect, "offer.declined", () -> offers.decline(id, reason, access.current()));
  }

  @PostMapping("/{id}/retract")
  String retract(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(redirect, "offer.retracted", () -> offers.retract(id, reason, access.current()));
  }

  @PostMapping("/{id}/remove")
  String remove(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(redirect, "offer.removed", () -> offers.remove(id, reason, access.current()));
  }

  private static String act(RedirectAttributes redirect, String notice, Runnable command) {
    try {
      command.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/offers";
  }

  /** "site:column" as the form's choice sends it. */
  private static long[] target(String value) {
    String[] parts = value == null ? new String[0] : value.split(":");
    try {
      if (parts.length == 2) {
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])};
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw Refusal.invalidField("column", "offer.column.invalid");
  }

  private List<OfferRow> rows(List<Offer> list) {
    Set<Long> live = catalog.publishedAmong(list.stream().map(Offer::documentId).toList());
    return list.stream()
        .map(
            o ->
                new OfferRow(
                    o,
                    sites.find(o.siteId()).map(Site::name).orElse(""),
                    agencies.column(o.columnId()).map(Column::name).orElse(""),
                    agencies.find(o.agencyId()).map(a -> a.name()).orElse(""),
                    live.contains(o.documentId())))
        .toList();
  }
}
