package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogQuery;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.catalog.LinkedDocument;
import org.gongkai.shared.web.Refusal;
import org.gongkai.topic.Topic;
import org.gongkai.topic.TopicContent;
import org.gongkai.topic.TopicItem;
import org.gongkai.topic.Topics;
import org.springframework.stereotype.Component;

/**
 * A published topic as its page, feed and JSON show it on the site serving the request: its live
 * copy, each section's newest documents, the newest of all, and the interpretations (解读) of the
 * policies it gathers. A topic is on the sites that show its agency; its documents of agencies
 * another site shows link there.
 */
@Component
class TopicPages {

  /** How many of a topic's documents are read for its page and feed. */
  static final int READ = 500;

  /** How many documents a section and the newest list show. */
  static final int SHOWN = 10;

  private final Topics topics;
  private final Catalog catalog;
  private final AgencyDirectory agencies;
  private final ServingSite site;
  private final Clock clock;

  TopicPages(
      Topics topics, Catalog catalog, AgencyDirectory agencies, ServingSite site, Clock clock) {
    this.topics = topics;
    this.catalog = catalog;
    this.agencies = agencies;
    this.site = site;
    this.clock = clock;
  }

  /** A document as a topic lists it; {@code href} on this site or on the agency's own. */
  record Item(
      long id,
      String title,
      String docNumber,
      LocalDate publishedOn,
      String agency,
      String href,
      DocumentSummary summary) {}

  record Section(String name, List<Item> items) {}

  /** What the topic's page shows. */
  record Page(
      Topic topic,
      TopicContent content,
      boolean open,
      boolean closed,
      List<Section> sections,
      List<Item> latest,
      List<Item> interpretations,
      long total) {}

  /** The published topics the serving site shows, open ones first. */
  List<Topic> shown(HttpServletRequest request) {
    LocalDate today = LocalDate.now(clock);
    return topics.published().stream()
        .filter(t -> site.shows(request, t.agencyId()))
        .sorted((a, b) -> Boolean.compare(b.live().openOn(today), a.live().openOn(today)))
        .toList();
  }

  /** The published topic by slug if the serving site shows it; 404 otherwise. */
  Topic require(String slug, HttpServletRequest request) {
    Topic topic =
        topics.publishedBySlug(slug).orElseThrow(() -> Refusal.notFound("topic.not-found"));
    site.requireShown(request, topic.agencyId());
    return topic;
  }

  Page page(Topic topic, HttpServletRequest request) {
    List<TopicItem> items = topics.items(topic.id());
    Map<Long, TopicItem> byDocument = new LinkedHashMap<>();
    items.forEach(i -> byDocument.put(i.documentId(), i));
    List<DocumentSummary> published = published(byDocument.keySet());
    Map<Long, Item> shown = new LinkedHashMap<>();
    for (DocumentSummary d : published) {
      shown.put(d.id(), item(d, request));
    }
    TopicContent live = topic.live();
    List<Section> sections =
        live.sections().stream()
            .map(
                s ->
                    new Section(
                        s.name(),
                        published.stream()
                            .filter(d -> s.name().equals(byDocument.get(d.id()).section()))
                            .limit(SHOWN)
                            .map(d -> shown.get(d.id()))
                            .toList()))
            .toList();
    Set<Long> policies = new HashSet<>();
    published.stream().limit(50).forEach(d -> policies.add(d.id()));
    List<Item> interpretations =
        catalog.interpretationsOf(policies).stream()
            .filter(l -> !shown.containsKey(l.id()))
            .limit(SHOWN)
            .map(l -> linked(l, request))
            .filter(Objects::nonNull)
            .toList();
    LocalDate today = LocalDate.now(clock);
    return new Page(
        topic,
        live,
        live.openOn(today),
        live.closesOn() != null && today.isAfter(live.closesOn()),
        sections,
        shown.values().stream().limit(SHOWN).toList(),
        interpretations,
        published.size());
  }

  /** The newest documents of the topic, for its feed. */
  List<Item> newest(Topic topic, int limit, HttpServletRequest request) {
    Set<Long> ids = new HashSet<>();
    topics.items(topic.id()).forEach(i -> ids.add(i.documentId()));
    return published(ids).stream().limit(limit).map(d -> item(d, request)).toList();
  }

  private List<DocumentSummary> published(Set<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return catalog
        .published(new CatalogQuery(Set.of(), null, null, null, null, 1, READ).withAlso(ids))
        .items();
  }

  private Item item(DocumentSummary d, HttpServletRequest request) {
    return new Item(
        d.id(),
        d.title(),
        d.docNumber(),
        d.publishedOn(),
        agencies.find(d.agencyId()).map(a -> a.name()).orElse(""),
        href(d.agencyId(), d.id(), request),
        d);
  }

  private Item linked(LinkedDocument l, HttpServletRequest request) {
    DocumentSummary d =
        catalog
            .published(
                new CatalogQuery(Set.of(), null, null, null, null, 1, 1).withAlso(Set.of(l.id())))
            .items()
            .stream()
            .findFirst()
            .orElse(null);
    return d == null ? null : item(d, request);
  }

  private String href(long agencyId, long documentId, HttpServletRequest request) {
    return (site.shows(request, agencyId) ? "" : site.homeAddress(request, agencyId))
        + "/documents/"
        + documentId;
  }
}
