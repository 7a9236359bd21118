package org.gongkai.intake.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.gongkai.agency.Agency;
import org.gongkai.intake.Recognised;
import org.gongkai.intake.RecognisedDocument;
import org.gongkai.intake.SplitAttachment;

/**
 * The fields of a recognised document with how sure each is: HIGH where both the words and the
 * layout say so, MEDIUM where only one does, LOW where the field was not found or does not parse.
 */
final class RecognisedFields {

  private RecognisedFields() {}

  static RecognisedDocument of(
      Sections s, Collection<Agency> agencies, List<SplitAttachment> attachments) {
    List<String> organNames = organs(s);
    List<String> warnings = new ArrayList<>();
    if (organNames.size() > 1) {
      warnings.add("intake.warning.joint");
    }
    Recognised<List<String>> names = Recognised.high(s.attachmentNotes);
    if (!s.appended.isEmpty() && s.appended.size() != s.attachmentNotes.size()) {
      names = Recognised.medium(s.attachmentNotes, "intake.note.attachments-differ");
      warnings.add("intake.warning.attachments-differ");
    }
    return new RecognisedDocument(
        organs(s, organNames),
        number(s),
        Recognised.high(s.signer),
        title(s),
        Recognised.high(
            s.addressees.isEmpty()
                ? null
                : BodyHtml.tidy(BodyHtml.joined(s.addressees)).replaceAll("[\uff1a:]$", "")),
        agency(organNames, s, agencies),
        writtenOn(s),
        Recognised.high(s.notesLine < 0 ? null : BodyHtml.tidy(s.text(s.notesLine))),
        Recognised.high(copies(s)),
        Recognised.high(s.printed == null ? null : BodyHtml.tidy(s.printed.group(1))),
        printedOn(s),
        s.dateLine < 0
            ? Recognised.medium(BodyHtml.of(s), "intake.note.body-end")
            : Recognised.high(BodyHtml.of(s)),
        names,
        attachments,
        warnings);
  }

  private static List<String> organs(Sections s) {
    List<String> names = new ArrayList<>();
    for (Line line : s.mark) {
      for (String part : line.text().strip().split("[\\s\u3000]{2,}|\u3001")) {
        String name = part.replaceAll("[\\s\u3000]+", "");
        if (name.endsWith(Words.FILE_SUFFIX)) {
          name = name.substring(0, name.length() - Words.FILE_SUFFIX.length());
        }
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }

  private static Recognised<String> organs(Sections s, List<String> names) {
    if (names.isEmpty()) {
      return Recognised.low(null, "intake.note.mark-missing");
    }
    String value = String.join("\u3001", names);
    boolean marked = s.mark.stream().anyMatch(l -> l.red() || l.size() > s.bodySize * 1.4f);
    return marked ? Recognised.high(value) : Recognised.medium(value, "intake.note.mark-layout");
  }

  private static Recognised<String> number(Sections s) {
    if (s.number == null) {
      return Recognised.low(null, "intake.note.number-missing");
    }
    return Recognised.high(
        s.number.group(1)
            + "\u3014"
            + s.number.group(2)
            + "\u3015"
            + s.number.group(3)
            + Words.NUMBER_SUFFIX);
  }

  private static Recognised<String> title(Sections s) {
    if (s.title.isEmpty()) {
      return Recognised.low(null, "intake.note.title-missing");
    }
    String title = BodyHtml.tidy(BodyHtml.joined(s.title));
    if (!s.titleByLayout) {
      return Recognised.medium(title, "intake.note.title-layout");
    }
    if (!Words.GENRE_END.matcher(title).find()) {
      return Recognised.medium(title, "intake.note.title-kind");
    }
    return Recognised.high(title);
  }

  private static Recognised<LocalDate> writtenOn(Sections s) {
    if (s.dateLine < 0) {
      return Recognised.low(null, "intake.note.date-missing");
    }
    LocalDate date = Dates.ofLine(s.text(s.dateLine));
    if (date == null) {
      return Recognised.low(null, "intake.note.date-invalid");
    }
    return s.lines.get(s.dateLine).align() == Line.Align.RIGHT
        ? Recognised.high(date)
        : Recognised.medium(date, "intake.note.date-layout");
  }

  private static Recognised<LocalDate> printedOn(Sections s) {
    if (s.printed == null) {
      return Recognised.high(null);
    }
    LocalDate date = DocumentRecogniser.printedOn(s.printed);
    return date == null ? Recognised.low(null, "intake.note.date-invalid") : Recognised.high(date);
  }

  private static String copies(Sections s) {
    if (s.copiesLine < 0) {
      return null;
    }
    var m = Words.COPIES.matcher(s.text(s.copiesLine));
    m.matches();
    StringBuilder text = new StringBuilder(m.group(1));
    int end = s.printedLine > s.copiesLine ? s.printedLine : s.lines.size();
    for (int i = s.copiesLine + 1; i < end; i++) {
      text.append(s.text(i));
    }
    return BodyHtml.tidy(text.toString()).replaceAll("[\u3002.]$", "");
  }

  /**
   * The agency whose name is the lead organ's: exactly (HIGH); as another organ or the signature,
   * or as the start of the mark (a meeting's minutes), MEDIUM; none, LOW.
   */
  private static Recognised<Agency> agency(
      List<String> organs, Sections s, Collection<Agency> agencies) {
    List<String> signed = s.signature.stream().map(Line::tight).toList();
    String lead = organs.isEmpty() ? (signed.isEmpty() ? "" : signed.get(0)) : organs.get(0);
    Optional<Agency> exact = agencies.stream().filter(a -> tight(a).equals(lead)).findFirst();
    if (exact.isPresent()) {
      return Recognised.high(exact.get());
    }
    List<String> all = new ArrayList<>(organs);
    all.addAll(signed);
    Comparator<Agency> longest = Comparator.comparingInt(a -> tight(a).length());
    Optional<Agency> other = agencies.stream().filter(a -> all.contains(tight(a))).max(longest);
    if (other.isPresent()) {
      return Recognised.medium(other.get(), "intake.note.agency-not-lead");
    }
    Optional<Agency> prefix =
        agencies.stream()
            .filter(a -> !tight(a).isEmpty() && all.stream().anyMatch(n -> n.startsWith(tight(a))))
            .max(longest);
    return prefix
        .map(a -> Recognised.medium(a, "intake.note.agency-partial"))
        .orElseGet(() -> Recognised.low(null, "intake.note.agency-none"));
  }

  private static String tight(Agency agency) {
    return agency.name().replaceAll("[\\s\u3000]+", "");
  }
}
