package org.gongkai.intake.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The body as HTML paragraphs: lines wrapped at the margin are joined again; the headings of the
 * text (一、 （一） 1.) stay paragraphs as they are in the signed document; the attachment notes follow,
 * and the signature and date stand to the right as they do on paper.
 */
final class BodyHtml {

  private BodyHtml() {}

  static String of(Sections s) {
    StringBuilder html = new StringBuilder();
    for (String paragraph :
        paragraphs(s.lines.subList(s.bodyStart, Math.max(s.bodyStart, s.bodyEnd)))) {
      html.append("<p>").append(escape(paragraph)).append("</p>\n");
    }
    for (int i = 0; i < s.attachmentNotes.size(); i++) {
      String name = s.attachmentNotes.get(i);
      String item = s.attachmentNotes.size() == 1 ? name : (i + 1) + "." + name;
      html.append("<p>")
          .append(i == 0 ? Words.ATTACHMENT + "\uff1a" : "")
          .append(escape(item))
          .append("</p>\n");
    }
    for (Line line : s.signature) {
      right(html, line.text());
    }
    if (s.dateLine >= 0) {
      right(html, s.text(s.dateLine));
    }
    if (s.notesLine >= 0) {
      html.append("<p>").append(escape(tidy(s.text(s.notesLine)))).append("</p>\n");
    }
    return html.toString();
  }

  private static void right(StringBuilder html, String text) {
    html.append("<p style=\"text-align: right\">").append(escape(tidy(text))).append("</p>\n");
  }

  /** Escapes only what HTML needs: Chinese quotes stay characters, not named entities. */
  static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }

  static List<String> paragraphs(List<Line> lines) {
    List<String> paragraphs = new ArrayList<>();
    List<Line> current = new ArrayList<>();
    for (Line line : lines) {
      if (!line.joinsPrevious() && !current.isEmpty()) {
        paragraphs.add(tidy(joined(current)));
        current.clear();
      }
      current.add(line);
    }
    if (!current.isEmpty()) {
      paragraphs.add(tidy(joined(current)));
    }
    return paragraphs;
  }

  /** Drops the spaces a layout puts between Chinese characters and punctuation, keeps others. */
  static String tidy(String text) {
    return text.strip()
        .replaceAll("(?<=[\\p{IsHan}\\p{P}\uff00-\uffef])[\\s\u3000]+", "")
        .replaceAll("[\\s\u3000]+(?=[\\p{IsHan}\\p{P}\uff00-\uffef])", "")
        .replaceAll("\\s{2,}", " ");
  }

  static String joined(List<Line> lines) {
    StringBuilder text = new StringBuilder();
    for (Line line : lines) {
      String t = line.text().strip();
      if (!text.isEmpty()
          && latinLetter(text.charAt(text.length() - 1))
          && !t.isEmpty()
          && latinLetter(t.charAt(0))) {
        text.append(' ');
      }
      text.append(t);
    }
    return text.toString();
  }

  /** Words in Latin letters wrapped over two lines need their space back; figures do not. */
  private static boolean latinLetter(char c) {
    return c < 0x250 && Character.isLetter(c);
  }
}
