package org.gongkai.shared.web;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An Atom feed (RFC 4287) written with StAX: the feed's title, id and links, and its entries. The
 * agency, column, saved-search and topic feeds all write through it, so they read alike.
 */
public final class AtomFeed {

  public static final MediaType ATOM =
      MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

  /** One entry: its title, a stable id (a URN), the page it links to, when it last changed. */
  public record Entry(String title, String id, String href, Instant updated, String summary) {}

  private AtomFeed() {}

  /**
   * The feed as a 200 answer. {@code alternate}: the page the feed follows; {@code self}: the
   * feed's own address; {@code updated}: the newest entry's time (the epoch for an empty feed).
   */
  public static ResponseEntity<String> answer(
      String title, String id, String alternate, String self, String author, List<Entry> entries) {
    return ResponseEntity.ok()
        .contentType(ATOM)
        .body(write(title, id, alternate, self, author, entries));
  }

  public static String write(
      String title, String id, String alternate, String self, String author, List<Entry> entries) {
    try {
      StringWriter out = new StringWriter();
      XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeStartElement("feed");
      xml.writeDefaultNamespace("http://www.w3.org/2005/Atom");
      element(xml, "title", title);
      element(xml, "id", id);
      link(xml, "alternate", alternate);
      link(xml, "self", self);
      Instant updated =
          entries.stream().map(Entry::updated).max(Instant::compareTo).orElse(Instant.EPOCH);
      element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(updated));
      xml.writeStartElement("author");
      element(xml, "name", author);
      xml.writeEndElement();
      for (Entry e : entries) {
        xml.writeStartElement("entry");
        element(xml, "title", e.title());
        element(xml, "id", e.id());
        link(xml, "alternate", e.href());
        element(xml, "updated", DateTimeFormatter.ISO_INSTANT.format(e.updated()));
        element(xml, "summary", e.summary());
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(text == null ? "" : text);
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String href) throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    xml.writeAttribute("href", href);
  }
}
