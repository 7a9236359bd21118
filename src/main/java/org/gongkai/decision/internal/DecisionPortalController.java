package org.gongkai.decision.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.gongkai.decision.DecisionKind;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.PublicPage;
import org.gongkai.site.Site;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public register on each site (双公示): search by party, credit code, decision number, kind and
 * date; a page per decision with its history; an Atom feed of the latest publications.
 */
@Controller
@PublicPage
class DecisionPortalController {

  private static final MediaType ATOM =
      MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

  private final DecisionQueries queries;
  private final SiteScope sites;
  private final MessageSource messages;

  DecisionPortalController(DecisionQueries queries, SiteScope sites, MessageSource messages) {
    this.queries = queries;
    this.sites = sites;
    this.messages = messages;
  }

  @GetMapping("/decisions")
  String list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) DecisionKind kind,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Integer page,
      HttpServletRequest request,
      Model model) {
    PageResult<DecisionViews.PublicDecision> result =
        queries.publicList(sites.agencies(request), q, kind, from, to, page, 20);
    model.addAttribute("result", result);
    model.addAttribute("q", q);
    model.addAttribute("kind", kind);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("kinds", DecisionKind.values());
    return "decision/list";
  }

  @GetMapping("/decisions/{id}")
  String show(@PathVariable long id, HttpServletRequest request, Model model) {
    model.addAttribute("d", queries.publicGet(id, sites.agencies(request)));
    model.addAttribute("history", queries.history(id));
    return "decision/show";
  }

  @GetMapping("/decisions/feed.atom")
  ResponseEntity<String> feed(HttpServletRequest request) throws XMLStreamException {
    Site site = sites.site(request);
    PageResult<DecisionViews.PublicDecision> latest =
        queries.publicList(sites.agencies(request), null, null, null, null, 1, 50);
    String base = "https://" + site.canonicalHost();
    StringWriter out = new StringWriter();
    XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("feed");
    xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
    element(xml, "title", site.name() + " " + text("decision.title"));
    element(xml, "id", base + "/decisions");
    LocalDate updated =
        latest.items().stream()
            .map(DecisionViews.PublicDecision::publishedOn)
            .filter(d -> d != null)
            .max(LocalDate::compareTo)
            .orElse(LocalDate.of(2000, 1, 1));
    element(xml, "updated", stamp(updated));
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", "self");
    xml.writeAttribute("href", base + "/decisions/feed.atom");
    for (DecisionViews.PublicDecision d : latest.items()) {
      xml.writeStartElement("entry");
      element(
          xml,
          "title",
          text("decision.kind." + d.kind()) + " " + d.decisionNumber() + " " + d.party().name());
      element(xml, "id", base + "/decisions/" + d.id());
      xml.writeEmptyElement("link");
      xml.writeAttribute("href", base + "/decisions/" + d.id());
      element(xml, "updated", stamp(d.revokedOn() != null ? d.revokedOn() : d.publishedOn()));
      xml.writeStartElement("author");
      element(xml, "name", d.authority());
      xml.writeEndElement();
      element(xml, "summary", d.content() == null ? "" : d.content());
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.close();
    return ResponseEntity.ok().contentType(ATOM).body(out.toString());
  }

  private static void element(XMLStreamWriter xml, String name, String value)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(value);
    xml.writeEndElement();
  }

  private static String stamp(LocalDate day) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        day.atStartOfDay().atOffset(ZoneOffset.ofHours(8)));
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, Locale.SIMPLIFIED_CHINESE);
  }
}
