package org.gongkai.catalog.internal;

import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Cleans rich text on the way in with the OWASP Java HTML Sanitizer: the structure of an official
 * document (headings, paragraphs, lists, tables, links, images, alignment) survives; scripts, event
 * handlers, frames and dangerous URLs do not.
 */
@Component
class BodySanitizer {

  private static final Pattern HEADER_ID = Pattern.compile("wr[A-Za-z0-9_-]{1,60}");
  private static final Pattern HEADER_IDS =
      Pattern.compile("wr[A-Za-z0-9_-]{1,60}( wr[A-Za-z0-9_-]{1,60}){0,5}");

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowCommonBlockElements()
          .allowCommonInlineFormattingElements()
          .allowStyling()
          .allowStandardUrlProtocols()
          .allowElements("a")
          .allowAttributes("href")
          .onElements("a")
          .requireRelNofollowOnLinks()
          .allowElements("img")
          .allowAttributes("src", "alt", "width", "height")
          .onElements("img")
          .allowElements(
              "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col")
          .allowAttributes("colspan", "rowspan", "scope")
          .onElements("td", "th")
          // the ids of a table's headers and the cells naming them (accessible merged tables);
          // the ids carry the website report's prefix, so that none can stand for an element of
          // the page around the body
          .allowAttributes("id")
          .matching(HEADER_ID)
          .onElements("th")
          .allowAttributes("headers")
          .matching(HEADER_IDS)
          .onElements("td", "th")
          .allowElements("hr", "pre", "blockquote")
          .allowAttributes("title")
          .globally()
          .toFactory();

  String sanitize(String html) {
    return html == null ? "" : POLICY.sanitize(html);
  }
}
