package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogQuery;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.shared.web.AtomFeed;
import org.gongkai.shared.web.Refusal;
import org.gongkai.topic.Topic;
import org.gongkai.topic.Topics;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Atom feeds (RFC 4287) per agency and per column, and the sitemap, written with StAX. */
@Controller
class FeedController {

  private static final int FEED_SIZE = 50;
  static final int SITEMAP_BLOCK = 50_000;

  private final Catalog catalog;
  private final AgencyDirectory agencies;
  private final ServingSite site;
  private final Topics topics;

  FeedController(Catalog catalog, AgencyDirectory agencies, ServingSite site, Topics topics) {
    this.topics = topics;
    this.catalog = catalog;
    this.agencies = agencies;
    this.site = site;
  }

  @GetMapping("/agencies/{code}/feed.atom")
  ResponseEntity<String> agencyFeed(@PathVariable String code, HttpServletRequest request) {
    Agency agency =
        agencies.findByCode(code).orElseThrow(() -> Refusal.notFound("agency.not-found"));
    site.requireShown(request, agency.id());
    List<DocumentSummary> items =
        catalog
            .published(new CatalogQuery(Set.of(agency.id()), null, null, null, null, 1, FEED_SIZE))
            .items();
    return atom(agency.name(), "/agencies/" + agency.code(), items, request);
  }

  @GetMapping("/agencies/{code}/columns/{columnId}/feed.atom")
  ResponseEntity<String> columnFeed(
      @PathVariable String code, @PathVariable long columnId, HttpServletRequest request) {
    Agency agency =
        agencies.findByCode(code).orElseThrow(() -> Refusal.notFound("agency.not-found"));
    site.requireShown(request, agency.id());
    Column column =
        agencies
            .column(columnId)
            .filter(c -> c.agencyId() == agency.id() && !c.hidden())
            .orElseThrow(() -> Refusal.notFound("column.not-found"));
    List<DocumentSummary> items =
        catalog
            .published(
                new CatalogQuery(
                        Set.of(agency.id()), Set.of(column.id()), null, null, null, 1, FEED_SIZE)
                    .withAlso(site.accepted(request, Set.of(column.id()))))
            .items();
    return atom(
        agency.name() + " - " + column.name(),
        "/agencies/" + agency.code() + "?column=" + column.id(),
        items,
        request);
  }

  /**
   * The sitemap index: one sitemap for the home and agency pages, and one for each block of {@value
   * #SITEMAP_BLOCK} document numbers, so that no sitemap passes the protocol's 50,000 URLs and none
   * is ever built whole in memory.
   */
  @GetMapping(path = "/sitemap.xml")
  void sitemapIndex(HttpServletRequest request, HttpServletResponse response)
      throws IOException, XMLStreamException {
    String base = site.require(request).address();
    XMLStreamWriter xml = startXml(response, "sitemapindex");
    sitemapEntry(xml, base + "/sitemaps/pages.xml");
    long blocks = catalog.lastPublishedDocumentId() / SITEMAP_BLOCK + 1;
    for (long block = 0; block < blocks; block++) {
      sitemapEntry(xml, base + "/sitemaps/documents-" + block + ".xml");
    }
    endXml(xml);
  }

  @GetMapping(path = "/sitemaps/pages.xml")
  void pagesSitemap(HttpServletRequest request, HttpServletResponse response)
      throws IOException, XMLStreamException {
    String base = site.require(request).address();
    XMLStreamWriter xml = startXml(response, "urlset");
    url(xml, base + "/", null);
    // The register of licensing and penalty decisions (双公示), which every site has.
    url(xml, base + "/decisions", null);
    Set<Long> scope = site.scope(request).orElse(null);
    for (Agency a : agencies.all()) {
      if (scope == null || scope.contains(a.id())) {
        url(xml, base + "/agencies/" + a.code(), null);
      }
    }
    for (Topic t : topics.published()) {
      if (scope == null || scope.contains(t.agencyId())) {
        url(xml, base + "/topics/" + t.slug(), t.publishedAt());
      }
    }
    endXml(xml);
  }

  @GetMapping(path = "/sitemaps/documents-{block}.xml")
  void documentsSitemap(
      @PathVariable long block, HttpServletRequest request, HttpServletResponse response)
      throws IOException, XMLStreamException {
    if (block < 0 || block > catalog.lastPublishedDocumentId() / SITEMAP_BLOCK) {
      throw Refusal.notFound("page.not-found");
    }
    String base = site.require(request).address();
    XMLStreamWriter xml = startXml(response, "urlset");
    Map<Long, Boolean> homes = new HashMap<>();
    try {
      catalog.sitemap(
          block * SITEMAP_BLOCK,
          (block + 1) * SITEMAP_BLOCK,
          entry -> {
            // A document is listed by its agency's own site alone: the one its canonical names.
            if (!homes.computeIfAbsent(entry.agencyId(), a -> site.isHome(request, a))) {
              return;
            }
            try {
              url(xml, base + "/documents/" + entry.documentId(), entry.lastModified());
            } catch (XMLStreamException e) {
              throw new IllegalStateException(e);
            }
          });
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof XMLStreamException x) {
        throw x;
      }
      throw e;
    }
    endXml(xml);
  }

  private static XMLStreamWriter startXml(HttpServletResponse response, String root)
      throws IOException, XMLStreamException {
    response.setContentType("application/xml;charset=UTF-8");
    XMLStreamWriter xml =
        XMLOutputFactory.newInstance()
            .createXMLStreamWriter(
                new BufferedWriter(
                    new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)));
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement(root);
    xml.writeDefaultNamespace("http://www.sitemaps.org/schemas/sitemap/0.9");
    return xml;
  }

  private static void endXml(XMLStreamWriter xml) throws XMLStreamException {
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.flush();
    xml.close();
  }

  private static void sitemapEntry(XMLStreamWriter xml, String loc) throws XMLStreamException {
    xml.writeStartElement("sitemap");
    element(xml, "loc", loc);
    xml.writeEndElement();
  }

  @GetMapping(path = "/robots.txt", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> robots(HttpServletRequest request) {
    return ResponseEntity.ok(
        "User-agent: *\nDisallow: /console\nDisallow: /api/v1/admin\nSitemap: "
            + site.require(request).address()
            + "/sitemap.xml\n");
  }

  private ResponseEntity<String> atom(
      String title, String path, List<DocumentSummary> items, HttpServletRequest request) {
    String base = site.require(request).address();
    return AtomFeed.answer(
        title + " - " + site.require(request).getName(),
        base + path,
        base + path,
        base + request.getRequestURI(),
        title,
        items.stream()
            .map(
                d ->
                    new AtomFeed.Entry(
                        d.title(),
                        "urn:gongkai:document:" + d.indexNumber(),
                        base + "/documents/" + d.id(),
                        d.updatedAt(),
                        (d.docNumber() == null ? "" : d.docNumber() + " ") + d.indexNumber()))
            .toList());
  }

  private static void url(XMLStreamWriter xml, String loc, Instant lastModified)
      throws XMLStreamException {
    xml.writeStartElement("url");
    element(xml, "loc", loc);
    if (lastModified != null) {
      element(xml, "lastmod", DateTimeFormatter.ISO_INSTANT.format(lastModified));
    }
    xml.writeEndElement();
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text == null ? "" : text);
    xml.writeEndElement();
  }
}
