package org.gongkai.imports.internal;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.catalog.Validity;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Reads an old disclosure site's page with jsoup. A document page is one with the 2017 meta tags
 * (《政府网站发展指引》: ArticleTitle, PubDate, ColumnName…) or a catalog info table with an index number;
 * any other page is a list page, whose links lead on (pagination, column lists, documents).
 */
final class PageReader {

  private static final Pattern DATE =
      Pattern.compile("(\\d{4})\\s*[-/.\\u5e74]\\s*(\\d{1,2})\\s*[-/.\\u6708]\\s*(\\d{1,2})");
  private static final Pattern META_CHARSET =
      Pattern.compile("charset=[\"']?([A-Za-z0-9_-]+)", Pattern.CASE_INSENSITIVE);

  private final PageLabels labels;

  PageReader(PageLabels labels) {
    this.labels = labels;
  }

  /** What a page is: a document (with what it says) or a list of links. */
  record Page(Optional<Candidate> document, List<URI> links) {}

  Page read(byte[] body, String contentType, URI uri) {
    Document html = Jsoup.parse(decode(body, contentType), uri.toString());
    Map<String, String> meta = meta(html);
    Map<String, String> table = infoTable(html);
    boolean document = meta.containsKey("articletitle") || table.containsKey("indexNumber");
    if (!document) {
      return new Page(Optional.empty(), links(html, uri));
    }
    Element bodyElement = bodyElement(html);
    String title = first(meta.get("articletitle"), table.get("title"), html.title());
    LocalDate published =
        date(meta.get("pubdate")).or(() -> date(table.get("publishedOn"))).orElse(null);
    Validity validity = labels.validity(table.get("validity")).orElse(Validity.VALID);
    List<String> attachments = new ArrayList<>();
    if (bodyElement != null) {
      for (Element a : bodyElement.select("a[href]")) {
        Urls.resolve(uri, a.attr("href"))
            .filter(u -> labels.isAttachment(u.getPath()))
            .ifPresent(u -> attachments.add(u.toString()));
      }
    }
    Candidate candidate =
        new Candidate(
            uri.toString(),
            title == null ? null : title.strip(),
            table.get("indexNumber"),
            meta.get("columnname"),
            published,
            date(table.get("issuedOn")).orElse(null),
            table.get("docNumber"),
            table.get("topic"),
            first(meta.get("keywords"), table.get("keywords")),
            first(meta.get("contentsource"), table.get("publisher")),
            validity,
            meta.get("description"),
            bodyElement == null ? null : bodyElement.html(),
            attachments.stream().distinct().toList());
    return new Page(Optional.of(candidate), List.of());
  }

  private static String decode(byte[] body, String contentType) {
    Charset charset = charset(contentType).orElse(null);
    if (charset == null) {
      String head = new String(body, 0, Math.min(body.length, 2048), StandardCharsets.ISO_8859_1);
      charset = charset(head).orElse(StandardCharsets.UTF_8);
    }
    return new String(body, charset);
  }

  private static Optional<Charset> charset(String text) {
    Matcher m = META_CHARSET.matcher(text == null ? "" : text);
    if (m.find()) {
      try {
        return Optional.of(Charset.forName(m.group(1)));
      } catch (IllegalArgumentException unknown) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Map<String, String> meta(Document html) {
    Map<String, String> meta = new HashMap<>();
    for (Element m : html.select("meta[name][content]")) {
      String content = m.attr("content").strip();
      if (!content.isEmpty()) {
        meta.putIfAbsent(m.attr("name").strip().toLowerCase(java.util.Locale.ROOT), content);
      }
    }
    return meta;
  }

  /** The info table: each labelled cell's value, in the same cell or the next one. */
  private Map<String, String> infoTable(Document html) {
    Map<String, String> fields = new HashMap<>();
    for (Element cell : html.select("td, th, li, dt")) {
      if (cell.select("td, th, li, dt").size() > 1) {
        continue; // a layout cell around the table, not a cell of it
      }
      Optional<Map.Entry<String, String>> field = labels.field(cell.text());
      if (field.isEmpty() || fields.containsKey(field.get().getKey())) {
        continue;
      }
      String value = field.get().getValue();
      if (value.isEmpty()) {
        Element next = cell.nextElementSibling();
        value = next == null ? "" : next.text().replace('\u00a0', ' ').strip();
      }
      if (!value.isEmpty()) {
        fields.put(field.get().getKey(), value);
      }
    }
    return fields;
  }

  private Element bodyElement(Document html) {
    for (String selector : labels.bodySelectors()) {
      Elements found = html.select(selector);
      for (Element e : found) {
        if (!e.text().isBlank() || !e.select("img").isEmpty()) {
          return e;
        }
      }
    }
    return null;
  }

  private List<URI> links(Document html, URI uri) {
    Set<URI> links = new LinkedHashSet<>();
    for (Element a : html.select("a[href]")) {
      Urls.resolve(uri, a.attr("href"))
          .filter(u -> !labels.isAttachment(u.getPath()))
          .ifPresent(links::add);
    }
    return List.copyOf(links);
  }

  static Optional<LocalDate> date(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = DATE.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3))));
    } catch (java.time.DateTimeException e) {
      return Optional.empty();
    }
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
