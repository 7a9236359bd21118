package org.gongkai.catalog.internal;

import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Cleans rich text on the way in with the OWASP Java HTML Sanitizer: the structure of an
 * official document (headings, paragraphs, lists, tables, links, images, alignment) survives;
 * scripts, event handlers, frames and dangerous URLs do not.
 */
@Component
class BodySanitizer {

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.LINKS)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.IMAGES)
          .and(Sanitizers.STYLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("hr", "br", "pre", "code", "span", "div", "caption", "sub", "sup")
                  .allowAttributes("colspan", "rowspan", "scope").onElements("td", "th")
                  .allowAttributes("title").globally()
                  .toFactory());

  String sanitize(String html) {
    return html == null ? "" : POLICY.sanitize(html);
  }
}
