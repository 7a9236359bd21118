package org.gongkai.foi.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.gongkai.agency.Agency;
import org.gongkai.foi.Outcome;
import org.gongkai.shared.time.Timestamps;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reply letters (答复书 / 告知书) from per-outcome templates. Each agency may edit its templates;
 * the defaults live in the message bundle. A letter is rendered once when the reply is given and
 * kept as sent; editing a template later changes only letters not yet sent.
 */
@Component
class ReplyLetters {

  /** Letters go to applicants in Chinese whatever language the member of staff works in. */
  static final Locale LETTER_LOCALE = Locale.SIMPLIFIED_CHINESE;

  private final JdbcClient jdbc;
  private final MessageSource messages;
  private final Clock clock;

  ReplyLetters(JdbcClient jdbc, MessageSource messages, Clock clock) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.clock = clock;
  }

  record Template(Outcome outcome, String body, boolean customized) {}

  /** A letter as text: a title, a reference line, the addressee and the paragraphs of the body. */
  record Letter(String title, String reference, String addressee, List<String> paragraphs, String signature,
      String date) {

    String asText() {
      StringBuilder text = new StringBuilder(title).append("\n").append(reference).append("\n\n")
          .append(addressee).append("\n");
      paragraphs.forEach(p -> text.append(p).append("\n"));
      return text.append("\n").append(signature).append("\n").append(date).toString();
    }

    static Letter parse(String text) {
      List<String> lines = List.of(text.split("\n", -1));
      int sig = lines.size() - 2;
      List<String> body = lines.subList(4, sig - 1).stream().toList();
      return new Letter(lines.get(0), lines.get(1), lines.get(3), body, lines.get(sig), lines.get(sig + 1));
    }
  }

  List<Template> templates(long agencyId) {
    Map<Outcome, Template> all = new LinkedHashMap<>();
    for (Outcome o : Outcome.values()) {
      all.put(o, new Template(o, defaultBody(o), false));
    }
    jdbc.sql("SELECT outcome, body FROM foi_letter_template WHERE agency_id = ?").param(agencyId)
        .query((rs, i) -> new Template(Outcome.valueOf(rs.getString(1)), rs.getString(2), true))
        .list().forEach(t -> all.put(t.outcome(), t));
    return List.copyOf(all.values());
  }

  void saveTemplate(long agencyId, Outcome outcome, String body, String actor) {
    jdbc.sql("DELETE FROM foi_letter_template WHERE agency_id = ? AND outcome = ?").params(agencyId, outcome.name()).update();
    if (body != null && !body.isBlank() && !body.strip().equals(defaultBody(outcome).strip())) {
      jdbc.sql("INSERT INTO foi_letter_template (agency_id, outcome, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)")
          .params(agencyId, outcome.name(), body.strip(), actor, Timestamps.toDb(Instant.now(clock))).update();
    }
  }

  Letter render(RequestRow request, Agency agency, Outcome outcome, String explanation, LocalDate date) {
    String body = templates(agency.id()).stream().filter(t -> t.outcome() == outcome).findFirst()
        .map(Template::body).orElse(defaultBody(outcome));
    Map<String, String> values = new LinkedHashMap<>();
    values.put("applicant", request.applicantName());
    values.put("agency", agency.name());
    values.put("trackingCode", request.trackingCode());
    values.put("submittedOn", format(request.receivedOn() == null ? date : request.receivedOn()));
    values.put("receivedOn", format(request.receivedOn() == null ? date : request.receivedOn()));
    values.put("information", Optional.ofNullable(request.infoTitle()).filter(s -> !s.isBlank())
        .orElse(request.description()));
    values.put("articles", articles(outcome));
    values.put("explanation", explanation == null ? "" : explanation.strip());
    values.put("contact", contact(agency));
    values.put("date", format(date));
    for (Map.Entry<String, String> v : values.entrySet()) {
      body = body.replace("{" + v.getKey() + "}", v.getValue() == null ? "" : v.getValue());
    }
    String title = agency.name() + text(outcome.isNotice() ? "foi.letter.title.notice" : "foi.letter.title.reply");
    String reference = text("foi.letter.reference", String.valueOf(date.getYear()), request.trackingCode());
    List<String> paragraphs = body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return new Letter(title, reference, text("foi.letter.addressee", request.applicantName()), paragraphs,
        agency.name(), format(date));
  }

  byte[] docx(Letter letter) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      paragraph(doc, letter.title(), ParagraphAlignment.CENTER, true, 18);
      paragraph(doc, letter.reference(), ParagraphAlignment.CENTER, false, 12);
      paragraph(doc, letter.addressee(), ParagraphAlignment.LEFT, false, 14);
      for (String p : letter.paragraphs()) {
        XWPFParagraph para = paragraph(doc, p, ParagraphAlignment.BOTH, false, 14);
        para.setFirstLineIndent(560);
      }
      paragraph(doc, letter.signature(), ParagraphAlignment.RIGHT, false, 14);
      paragraph(doc, letter.date(), ParagraphAlignment.RIGHT, false, 14);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static XWPFParagraph paragraph(XWPFDocument doc, String text, ParagraphAlignment alignment, boolean bold,
      int size) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(alignment);
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setBold(bold);
    run.setFontSize(size);
    run.setFontFamily("FangSong");
    return p;
  }

  String articles(Outcome outcome) {
    return text("foi.outcome.basis." + outcome.name());
  }

  private String defaultBody(Outcome outcome) {
    return text("foi.letter.template." + outcome.name());
  }

  private String contact(Agency agency) {
    var guide = agency.guide() == null ? org.gongkai.agency.DisclosureGuide.empty() : agency.guide();
    String phone = guide.phone() == null ? "" : guide.phone();
    String address = guide.address() == null ? "" : guide.address();
    return text("foi.letter.contact", address, phone);
  }

  private String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LETTER_LOCALE);
  }

  private String format(LocalDate date) {
    return text("foi.letter.date", String.valueOf(date.getYear()), String.valueOf(date.getMonthValue()),
        String.valueOf(date.getDayOfMonth()));
  }
}
