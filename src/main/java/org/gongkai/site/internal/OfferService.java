package org.gongkai.site.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Offer;
import org.gongkai.site.OfferAccepted;
import org.gongkai.site.OfferEnded;
import org.gongkai.site.OfferState;
import org.gongkai.site.OfferedDocuments;
import org.gongkai.site.Offers;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Offers of published documents to other sites' columns (信息报送), each step checked and audited on
 * the document. The receiving columns are the columns of the agencies a site names (of the root
 * agencies for a site showing every agency): those its home page and agency pages already show.
 */
@Service
class OfferService implements Offers {

  static final int NOTE_LENGTH = 500;

  private final OfferRepository repository;
  private final Sites sites;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final OfferedDocuments catalog;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final AcceptedOffers accepted;

  /** Where an agency may offer a document: a column of a site. */
  record Target(Site site, Agency agency, Column column) {}

  OfferService(
      OfferRepository repository,
      Sites sites,
      AgencyDirectory agencies,
      StaffAccess access,
      OfferedDocuments catalog,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock,
      AcceptedOffers accepted) {
    this.repository = repository;
    this.sites = sites;
    this.agencies = agencies;
    this.access = access;
    this.catalog = catalog;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
    this.accepted = accepted;
  }

  @Override
  public Set<Long> acceptedIn(long siteId, Collection<Long> columnIds) {
    return accepted.in(siteId, columnIds);
  }

  @Override
  public Set<Long> acceptedOn(long siteId) {
    return accepted.on(siteId);
  }

  @Override
  public Optional<Long> acceptedColumn(long siteId, long documentId) {
    return accepted.column(siteId, documentId);
  }

  /**
   * The columns a document may be offered to: every site's receiving columns but those of the
   * document's own site.
   */
  List<Target> targets(long agencyId) {
    long own = sites.home(agencyId).id();
    List<Target> targets = new ArrayList<>();
    for (Site site : sites.all()) {
      if (site.id() == own) {
        continue;
      }
      for (Agency agency : receivingAgencies(site)) {
        for (Column column : agencies.visibleColumns(agency.id())) {
          targets.add(new Target(site, agency, column));
        }
      }
    }
    return targets;
  }

  private List<Agency> receivingAgencies(Site site) {
    if (site.agencyIds().isEmpty()) {
      return agencies.all().stream().filter(a -> a.parentId() == null).toList();
    }
    return site.agencyIds().stream().map(agencies::get).toList();
  }

  @Override
  @Transactional
  public Offer offer(long documentId, long siteId, long columnId, String note, Staff actor) {
    OfferedDocuments.Live doc = catalog.live(documentId);
    access.requireAgency(actor, doc.agencyId());
    String text = note == null ? "" : note.strip();
    if (text.length() > NOTE_LENGTH) {
      throw Refusal.invalidField("note", "field.too-long");
    }
    Site site =
        sites.find(siteId).orElseThrow(() -> Refusal.invalidField("site", "site.not-found"));
    if (sites.home(doc.agencyId()).id() == siteId) {
      throw Refusal.invalidField("site", "offer.own-site");
    }
    Optional<Target> target =
        targets(doc.agencyId()).stream()
            .filter(t -> t.site().id() == siteId && t.column().id() == columnId)
            .findFirst();
    if (target.isEmpty()) {
      throw Refusal.invalidField("column", "offer.column.invalid");
    }
    long id;
    try {
      id =
          repository.insert(
              documentId,
              doc.agencyId(),
              siteId,
              columnId,
              doc.title(),
              text,
              actor.username(),
              Instant.now(clock));
    } catch (DuplicateKeyException e) {
      throw Refusal.conflict("offer.already-offered", site.name());
    }
    audit.record(
        actor.username(),
        "offer.made",
        "document",
        documentId,
        site.name() + " / " + target.get().column().name() + " #" + id);
    return repository.find(id).orElseThrow();
  }

  @Override
  @Transactional
  public Offer accept(long offerId, Staff actor) {
    Offer offer = receiving(offerId, actor);
    if (catalog.publishedAmong(List.of(offer.documentId())).isEmpty()) {
      throw Refusal.conflict("offer.not-published");
    }
    decide(offer, OfferState.ACCEPTED, "", actor);
    events.publishEvent(
        new OfferAccepted(offer.id(), offer.siteId(), offer.columnId(), offer.documentId()));
    return repository.find(offerId).orElseThrow();
  }

  @Override
  @Transactional
  public Offer decline(long offerId, String reason, Staff actor) {
    String text = reason == null ? "" : reason.strip();
    if (text.isEmpty()) {
      throw Refusal.invalidField("reason", "error.required", "reason");
    }
    if (text.length() > NOTE_LENGTH) {
      throw Refusal.invalidField("reason", "field.too-long");
    }
    Offer offer = receiving(offerId, actor);
    decide(offer, OfferState.DECLINED, text, actor);
    return repository.find(offerId).orElseThrow();
  }

  private void decide(Offer offer, OfferState state, String reason, Staff actor) {
    if (!repository.decide(offer.id(), state, reason, actor.username(), Instant.now(clock))) {
      throw Refusal.conflict("offer.already-decided");
    }
    String site = sites.find(offer.siteId()).map(Site::name).orElse("");
    audit.record(
        actor.username(),
        state == OfferState.ACCEPTED ? "offer.accepted" : "offer.declined",
        "document",
        offer.documentId(),
        site + " #" + offer.id() + (reason.isEmpty() ? "" : ": " + reason));
  }

  @Override
  @Transactional
  public Offer retract(long offerId, String reason, Staff actor) {
    String text = reasonOf(reason, false);
    Offer offer = repository.find(offerId).orElseThrow(() -> Refusal.notFound("offer.not-found"));
    access.requireAgency(actor, offer.agencyId());
    end(offer, List.of(OfferState.OFFERED, OfferState.ACCEPTED), OfferState.RETRACTED, text, actor);
    return repository.find(offerId).orElseThrow();
  }

  @Override
  @Transactional
  public Offer remove(long offerId, String reason, Staff actor) {
    String text = reasonOf(reason, true);
    Offer offer = receiving(offerId, actor);
    end(offer, List.of(OfferState.ACCEPTED), OfferState.REMOVED, text, actor);
    return repository.find(offerId).orElseThrow();
  }

  private static String reasonOf(String reason, boolean required) {
    String text = reason == null ? "" : reason.strip();
    if (required && text.isEmpty()) {
      throw Refusal.invalidField("reason", "error.required", "reason");
    }
    if (text.length() > NOTE_LENGTH) {
      throw Refusal.invalidField("reason", "field.too-long");
    }
    return text;
  }

  /**
   * Retracts or removes the offer; an accepted one leaves the receiving site's pages when this
   * commits.
   */
  private void end(
      Offer offer, List<OfferState> from, OfferState state, String reason, Staff actor) {
    if (!from.contains(offer.state())
        || !repository.end(offer.id(), from, state, reason, actor.username(), Instant.now(clock))) {
      throw Refusal.conflict("offer.not-open");
    }
    String site = sites.find(offer.siteId()).map(Site::name).orElse("");
    audit.record(
        actor.username(),
        state == OfferState.RETRACTED ? "offer.retracted" : "offer.removed",
        "document",
        offer.documentId(),
        site + " #" + offer.id() + (reason.isEmpty() ? "" : ": " + reason));
    // Published whatever the state read: an offer accepted meanwhile is ended by the same update.
    events.publishEvent(
        new OfferEnded(offer.id(), offer.siteId(), offer.columnId(), offer.documentId()));
  }

  /** The offer, for a member of staff of the receiving column's agency. */
  private Offer receiving(long offerId, Staff actor) {
    Offer offer = repository.find(offerId).orElseThrow(() -> Refusal.notFound("offer.not-found"));
    access.requireAgency(actor, agencies.column(offer.columnId()).orElseThrow().agencyId());
    return offer;
  }

  @Override
  public Offer get(long offerId, Staff actor) {
    Offer offer = repository.find(offerId).orElseThrow(() -> Refusal.notFound("offer.not-found"));
    long receiver = agencies.column(offer.columnId()).orElseThrow().agencyId();
    if (!access.mayWorkOn(actor, offer.agencyId()) && !access.mayWorkOn(actor, receiver)) {
      throw Refusal.notFound("offer.not-found");
    }
    return offer;
  }

  @Override
  public List<Offer> inbox(Staff staff, OfferState state, int limit) {
    if (staff.isPlatformAdmin()) {
      return repository.toColumns(null, state, limit);
    }
    Set<Long> columns = new HashSet<>();
    for (Long agencyId : access.agencyScope(staff)) {
      agencies.columns(agencyId).forEach(c -> columns.add(c.id()));
    }
    return repository.toColumns(columns, state, limit);
  }

  @Override
  public List<Offer> sent(Staff staff, int limit) {
    return repository.from(staff.isPlatformAdmin() ? null : access.agencyScope(staff), limit);
  }

  @Override
  public Tally tally(long agencyId, LocalDate from, LocalDate to) {
    return repository.tally(
        agencyId,
        from.atStartOfDay(clock.getZone()).toInstant(),
        to.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
  }
}
