package org.gongkai.site.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Offer;
import org.gongkai.site.OfferState;
import org.gongkai.site.Offers;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Offers for scripts: an agency's staff offer its published documents to another site's column and
 * may retract an offer, waiting or accepted; the receiving agency's staff list what waits for them,
 * accept or decline it, and may remove an accepted document from their site.
 */
@RestController
@RequestMapping("/api/v1/admin/offers")
class OfferAdminApi {

  private static final int LIMIT = 500;

  private final Offers offers;
  private final Sites sites;
  private final AgencyDirectory agencies;
  private final StaffAccess access;

  OfferAdminApi(Offers offers, Sites sites, AgencyDirectory agencies, StaffAccess access) {
    this.offers = offers;
    this.sites = sites;
    this.agencies = agencies;
    this.access = access;
  }

  record OfferRequest(Long document, Long site, Long column, String note) {}

  /** A decline's, a removal's or a retraction's reason. */
  record ReasonRequest(String reason) {}

  /** An offer as the API answers it; agencies by code, as everywhere in the API. */
  record OfferView(
      long id,
      long document,
      String agency,
      long site,
      String siteName,
      long column,
      String columnName,
      OfferState state,
      String title,
      String note,
      String reason,
      String offeredBy,
      Instant offeredAt,
      String decidedBy,
      Instant decidedAt) {}

  /**
   * {@code box=inbox}: offers to the columns of the caller's agencies; {@code box=sent} (the
   * default): what the caller's agencies offered.
   */
  @GetMapping
  List<OfferView> list(
      @RequestParam(required = false) String box,
      @RequestParam(required = false) OfferState state) {
    Staff me = access.current();
    List<Offer> found =
        "inbox".equals(box)
            ? offers.inbox(me, state, LIMIT)
            : offers.sent(me, LIMIT).stream()
                .filter(o -> state == null || o.state() == state)
                .toList();
    return found.stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  OfferView get(@PathVariable long id) {
    return view(offers.get(id, access.current()));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<OfferView> offer(@RequestBody OfferRequest request) {
    Staff me = access.current();
    if (request.document() == null) {
      throw Refusal.invalidField("document", "error.required", "document");
    }
    if (request.site() == null) {
      throw Refusal.invalidField("site", "error.required", "site");
    }
    if (request.column() == null) {
      throw Refusal.invalidField("column", "error.required", "column");
    }
    Offer made =
        offers.offer(request.document(), request.site(), request.column(), request.note(), me);
    return ResponseEntity.created(URI.create("/api/v1/admin/offers/" + made.id())).body(view(made));
  }

  @PostMapping("/{id}/accept")
  OfferView accept(@PathVariable long id) {
    return view(offers.accept(id, access.current()));
  }

  @PostMapping(path = "/{id}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
  OfferView decline(@PathVariable long id, @RequestBody ReasonRequest request) {
    return view(offers.decline(id, request.reason(), access.current()));
  }

  /** The offering agency takes its offer back, waiting or accepted; the body is optional. */
  @PostMapping("/{id}/retract")
  OfferView retract(@PathVariable long id, @RequestBody(required = false) ReasonRequest request) {
    return view(offers.retract(id, request == null ? null : request.reason(), access.current()));
  }

  /** The accepting site's editors take an accepted document off their site, with a reason. */
  @PostMapping(path = "/{id}/remove", consumes = MediaType.APPLICATION_JSON_VALUE)
  OfferView remove(@PathVariable long id, @RequestBody ReasonRequest request) {
    return view(offers.remove(id, request.reason(), access.current()));
  }

  private OfferView view(Offer o) {
    return new OfferView(
        o.id(),
        o.documentId(),
        agencies.find(o.agencyId()).map(a -> a.code()).orElse(null),
        o.siteId(),
        sites.find(o.siteId()).map(Site::name).orElse(""),
        o.columnId(),
        agencies.column(o.columnId()).map(Column::name).orElse(""),
        o.state(),
        o.title(),
        o.note(),
        o.reason(),
        o.offeredBy(),
        o.offeredAt(),
        o.decidedBy(),
        o.decidedAt());
  }
}
