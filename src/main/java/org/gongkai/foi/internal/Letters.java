package org.gongkai.foi.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.gongkai.agency.Agency;
import org.gongkai.agency.DisclosureGuide;
import org.gongkai.foi.Outcome;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Letters from templates each agency may edit, the defaults living in the message bundle: the reply
 * (答复书 / 告知书) per outcome, and the interim letters per kind. A letter is rendered once, when its
 * step is taken, and kept as sent; a later change of template changes only letters not yet sent.
 * What the applicant wrote is put in as one line, so it cannot add paragraphs.
 */
@Component
class Letters {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");

  /** Letters go to applicants in Chinese whatever language the member of staff works in. */
  static final Locale LETTER_LOCALE = Locale.SIMPLIFIED_CHINESE;

  private final LetterRepository repository;
  private final MessageSource messages;
  private final ReplyEnclosures enclosures;

  Letters(LetterRepository repository, MessageSource messages, ReplyEnclosures enclosures) {
    this.repository = repository;
    this.messages = messages;
    this.enclosures = enclosures;
  }

  /** A template as the console shows it: an outcome's reply or an interim letter's kind. */
  record Template(String key, boolean reply, String body, boolean customized) {}

  /** A letter as text: a title, a reference line, the addressee and the paragraphs of the body. */
  record Letter(
      String title,
      String reference,
      String addressee,
      List<String> paragraphs,
      String signature,
      String date) {

    String asText() {
      StringBuilder text =
          new StringBuilder(title)
              .append("\n")
              .append(reference)
              .append("\n\n")
              .append(addressee)
              .append("\n");
      paragraphs.forEach(p -> text.append(p).append("\n"));
      return text.append("\n").append(signature).append("\n").append(date).toString();
    }

    /** The letter with every occurrence of {@code name} replaced by {@code masked}. */
    Letter masking(String name, String masked) {
      if (name == null || name.isBlank()) {
        return this;
      }
      return new Letter(
          title,
          reference,
          addressee.replace(name, masked),
          paragraphs.stream().map(p -> p.replace(name, masked)).toList(),
          signature,
          date);
    }

    static Letter parse(String text) {
      List<String> lines = List.of(text.split("\n", -1));
      int sig = lines.size() - 2;
      List<String> body = lines.subList(4, sig - 1).stream().toList();
      return new Letter(
          lines.get(0), lines.get(1), lines.get(3), body, lines.get(sig), lines.get(sig + 1));
    }
  }

  /** Which letter: the reply for an outcome, or an interim letter of a kind. */
  record Kind(LetterKind kind, Outcome outcome) {

    static Kind reply(Outcome outcome) {
      return new Kind(LetterKind.REPLY, outcome);
    }

    static Kind interim(LetterKind kind) {
      return new Kind(kind, null);
    }

    String templateKey() {
      return kind == LetterKind.REPLY ? outcome.name() : kind.name();
    }
  }

  List<Template> templates(long agencyId) {
    Map<String, String> own = repository.templates(agencyId);
    List<Template> all = new ArrayList<>();
    for (Outcome o : Outcome.values()) {
      all.add(template(o.name(), true, own));
    }
    for (LetterKind k : LetterKind.values()) {
      if (k != LetterKind.REPLY) {
        all.add(template(k.name(), false, own));
      }
    }
    return all;
  }

  private Template template(String key, boolean reply, Map<String, String> own) {
    return own.containsKey(key)
        ? new Template(key, reply, own.get(key), true)
        : new Template(key, reply, defaultBody(key), false);
  }

  static boolean isTemplateKey(String key) {
    for (Outcome o : Outcome.values()) {
      if (o.name().equals(key)) {
        return true;
      }
    }
    for (LetterKind k : LetterKind.values()) {
      if (k != LetterKind.REPLY && k.name().equals(key)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Saves the agency's wording; the default's own wording, or nothing, goes back to the default.
   */
  void saveTemplate(long agencyId, String key, String body, String actor, Instant now) {
    boolean isDefault =
        body == null || body.isBlank() || body.strip().equals(defaultBody(key).strip());
    repository.saveTemplate(agencyId, key, isDefault ? null : body.strip(), actor, now);
  }

  /**
   * Renders a letter to {@code recipient} about {@code request}: the template's placeholders
   * ({@code {applicant}}, {@code {agency}}, {@code {trackingCode}}, {@code {receivedOn}}, {@code
   * {information}}, {@code {contact}}, {@code {date}}, and whatever the step adds in {@code
   * values}) are filled in.
   */
  Letter render(
      Kind kind,
      RequestRow request,
      Agency agency,
      String recipient,
      Map<String, String> values,
      LocalDate date) {
    String body =
        Optional.ofNullable(repository.templates(agency.id()).get(kind.templateKey()))
            .orElseGet(() -> defaultBody(kind.templateKey()));
    Map<String, String> all = new LinkedHashMap<>();
    all.put("applicant", request.applicantName());
    all.put("agency", agency.name());
    all.put("trackingCode", request.trackingCode());
    LocalDate received = request.receivedOn() == null ? date : request.receivedOn();
    all.put("submittedOn", format(received));
    all.put("receivedOn", format(received));
    all.put(
        "information",
        Optional.ofNullable(request.infoTitle())
            .filter(s -> !s.isBlank())
            .orElse(request.description()));
    if (kind.outcome() != null) {
      all.put("articles", text("foi.outcome.basis." + kind.outcome().name()));
    }
    all.put("contact", contact(agency));
    all.put("date", format(date));
    String provided =
        kind.kind() == LetterKind.REPLY && ReplyEnclosures.provides(kind.outcome())
            ? enclosureParagraph(request.id())
            : "";
    all.put("enclosures", provided);
    all.putAll(values);
    boolean placed = body.contains("{enclosures}");
    body = fill(body, all);
    String title =
        agency.name()
            + text(
                kind.kind() == LetterKind.REPLY
                    ? (kind.outcome().isNotice()
                        ? "foi.letter.title.notice"
                        : "foi.letter.title.reply")
                    : "foi.letter.title." + kind.kind().name());
    String reference =
        text("foi.letter.reference", String.valueOf(date.getYear()), request.trackingCode());
    List<String> paragraphs =
        new ArrayList<>(body.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
    if (!placed && !provided.isEmpty()) {
      paragraphs.add(Math.min(1, paragraphs.size()), provided);
    }
    return new Letter(
        title,
        reference,
        text("foi.letter.addressee", oneLine(recipient)),
        paragraphs,
        agency.name(),
        format(date));
  }

  /**
   * The files the reply provides, each with the grounds its boxes name: 随本答复书提供以下材料：1.
   * 名单-redacted.pdf（遮盖部分依据…第十五条不予公开）. Empty when there are none.
   */
  private String enclosureParagraph(long requestId) {
    List<ReplyEnclosures.Enclosure> provided = enclosures.of(requestId);
    if (provided.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder(text("foi.letter.enclosures"));
    int n = 1;
    for (ReplyEnclosures.Enclosure e : provided) {
      text.append(
          e.grounds().isEmpty()
              ? text("foi.letter.enclosure", String.valueOf(n++), e.name())
              : text(
                  "foi.letter.enclosure.redacted",
                  String.valueOf(n++),
                  e.name(),
                  ReplyEnclosures.grounds(e, text("foi.letter.enclosure.separator"))));
    }
    return text.toString();
  }

  byte[] docx(Letter letter) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
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

  private static XWPFParagraph paragraph(
      XWPFDocument doc, String text, ParagraphAlignment alignment, boolean bold, int size) {
    XWPFParagraph p = doc.createParagraph();
    p.setAlignment(alignment);
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setBold(bold);
    run.setFontSize(size);
    run.setFontFamily("FangSong");
    return p;
  }

  String format(LocalDate date) {
    return text(
        "foi.letter.date",
        String.valueOf(date.getYear()),
        String.valueOf(date.getMonthValue()),
        String.valueOf(date.getDayOfMonth()));
  }

  String text(String key, Object... args) {
    return messages.getMessage(key, args, key, LETTER_LOCALE);
  }

  private String defaultBody(String key) {
    return text("foi.letter.template." + key);
  }

  private String contact(Agency agency) {
    var guide = agency.guide() == null ? DisclosureGuide.empty() : agency.guide();
    String phone = guide.phone() == null ? "" : guide.phone();
    String address = guide.address() == null ? "" : guide.address();
    return text("foi.letter.contact", address, phone);
  }

  /**
   * Fills every placeholder in one pass, so that braces in what the applicant wrote stay text: a
   * description holding {@code {contact}} is not filled in again.
   */
  static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      m.appendReplacement(
          out, Matcher.quoteReplacement(value == null ? m.group() : oneLine(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String oneLine(String value) {
    return value == null ? "" : value.replaceAll("[\\r\\n\\u2028\\u2029]+", " ").strip();
  }
}
