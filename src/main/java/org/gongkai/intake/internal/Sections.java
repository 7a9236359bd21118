package org.gongkai.intake.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The parts of a GB/T 9704-2012 document found in its lines, from both ends: the colophon (版记) at
 * the foot, the header (organ mark, number, signer) at the head, then title, addressees, the date
 * of writing with the signature above it and the notes below, the attachment notes above the
 * signature, and the attachments appended after the document. Indexes are into {@link #lines}.
 */
final class Sections {

  /** An attachment appended to the document: its lines from the 附件N line up to the next part. */
  record Appended(int number, int start, int end, String title) {}

  final List<Line> lines;
  final float bodySize;
  List<Line> mark = List.of();
  int numberLine = -1;
  Matcher number;
  String signer;
  List<Line> title = List.of();
  boolean titleByLayout;
  List<Line> addressees = List.of();
  int bodyStart;
  int bodyEnd;
  List<String> attachmentNotes = List.of();
  List<Line> signature = List.of();
  int dateLine = -1;
  int notesLine = -1;
  List<Appended> appended = List.of();
  int colophonStart;
  int copiesLine = -1;
  int printedLine = -1;
  Matcher printed;

  private Sections(List<Line> lines) {
    this.lines = lines;
    this.bodySize = commonSize(lines);
    this.colophonStart = lines.size();
  }

  static Sections of(List<Line> all) {
    Sections s =
        new Sections(
            all.stream().filter(l -> !Words.PAGE_NUMBER.matcher(l.text()).matches()).toList());
    s.colophon();
    s.header();
    s.titleAndAddressees();
    s.tail();
    return s;
  }

  String text(int i) {
    return lines.get(i).text();
  }

  /** 抄送 and the printing line, among the last lines. */
  private void colophon() {
    int n = lines.size();
    for (int i = n - 1; i >= Math.max(0, n - 6); i--) {
      Matcher m = Words.PRINTED_LINE.matcher(text(i));
      if (printedLine < 0 && m.matches()) {
        printedLine = i;
        printed = m;
        colophonStart = i;
      } else if (Words.COPIES.matcher(text(i)).matches()) {
        copiesLine = i;
        colophonStart = Math.min(colophonStart, i);
        break;
      }
    }
  }

  private void header() {
    int limit = Math.min(colophonStart, 12);
    for (int i = 0; i < limit && numberLine < 0; i++) {
      Matcher m = Words.NUMBER.matcher(lines.get(i).tight());
      if (m.find() && !(i > 0 && lines.get(i).centred() && lines.get(i).size() > bodySize * 1.2f)) {
        numberLine = i;
        number = m;
      }
    }
    int markEnd = numberLine;
    if (markEnd < 0) {
      markEnd = 0;
      while (markEnd < limit
          && (lines.get(markEnd).red() || lines.get(markEnd).size() > bodySize * 1.6f)) {
        markEnd++;
      }
    }
    List<Line> marks = new ArrayList<>();
    for (int i = 0; i < markEnd; i++) {
      Line line = lines.get(i);
      String tight = line.tight();
      if (Words.PRELUDE.matcher(tight).matches()
          || tight.equals(Words.FILE_SUFFIX)
          || Words.SIGNER.matcher(tight).find()) {
        continue;
      }
      marks.add(line);
    }
    mark = marks;
    List<String> signers = new ArrayList<>();
    for (int i = Math.max(0, numberLine - 3); i <= numberLine + 1 && i < limit; i++) {
      if (i < 0) {
        continue;
      }
      Matcher m = Words.SIGNER.matcher(text(i));
      if (m.find()) {
        String names = Words.NUMBER.matcher(m.group(1)).replaceAll(" ");
        for (String name : names.strip().split("[\\s\u3000\u3001,\uff0c]+")) {
          if (!name.isBlank()) {
            signers.add(name);
          }
        }
      }
    }
    signer = signers.isEmpty() ? null : String.join("\u3001", signers);
    bodyStart = Math.max(numberLine, markEnd - 1) + 1;
    while (bodyStart < colophonStart && Words.SIGNER.matcher(text(bodyStart)).find()) {
      bodyStart++;
    }
  }

  private void titleAndAddressees() {
    int i = bodyStart;
    List<Line> taken = new ArrayList<>();
    while (i < colophonStart && taken.size() < 4) {
      Line line = lines.get(i);
      boolean looksTitle = line.centred() || line.size() > bodySize * 1.15f;
      if (!looksTitle || endsWithColon(line)) {
        break;
      }
      if (!taken.isEmpty() && Math.abs(taken.get(0).size() - line.size()) > 1f) {
        break;
      }
      taken.add(line);
      i++;
    }
    titleByLayout = !taken.isEmpty();
    if (taken.isEmpty()) {
      // No layout to go by: the title is what ends in the document's kind, within three lines.
      for (int j = i; j < Math.min(colophonStart, i + 3); j++) {
        if (Words.GENRE_END.matcher(lines.get(j).tight()).find()) {
          taken.addAll(lines.subList(i, j + 1));
          i = j + 1;
          break;
        }
      }
    }
    title = taken;
    for (int j = i; j < Math.min(colophonStart, i + 3); j++) {
      Line line = lines.get(j);
      if (j > i && !line.joinsPrevious()) {
        break;
      }
      if (endsWithColon(line)) {
        String text = BodyHtml.joined(lines.subList(i, j + 1));
        if (!lines.get(i).indented()
            && text.length() <= 90
            && !Words.BODY_OPENER.matcher(text).find()
            && text.indexOf('\u3002') < 0) {
          addressees = lines.subList(i, j + 1);
          i = j + 1;
        }
        break;
      }
    }
    bodyStart = i;
  }

  /** Date of writing, signature above it, notes below it, attachment notes, appended parts. */
  private void tail() {
    for (int i = bodyStart; i < colophonStart; i++) {
      if (Dates.ofLine(text(i)) != null) {
        if (lines.get(i).align() == Line.Align.RIGHT) {
          dateLine = i;
          break;
        }
        if (dateLine < 0) {
          dateLine = i;
        }
      }
    }
    int appendedFrom = bodyStart;
    bodyEnd = colophonStart;
    if (dateLine >= 0) {
      int k = dateLine;
      while (k - 1 > bodyStart && dateLine - k < 4 && signatureLine(lines.get(k - 1))) {
        k--;
      }
      signature = lines.subList(k, dateLine);
      bodyEnd = k;
      appendedFrom = dateLine + 1;
      if (appendedFrom < colophonStart
          && Words.NOTES.matcher(text(appendedFrom)).matches()
          && !Words.ATTACHMENT_HEAD.matcher(lines.get(appendedFrom).tight()).matches()) {
        notesLine = appendedFrom++;
      }
    }
    appended(appendedFrom);
    if (dateLine < 0 && !appended.isEmpty()) {
      bodyEnd = appended.get(0).start();
    }
    attachmentNotes();
  }

  private boolean signatureLine(Line line) {
    String tight = line.tight();
    return line.align() == Line.Align.RIGHT
        && tight.length() <= 40
        && !Words.SENTENCE_END.matcher(tight).find()
        && !Words.ATTACHMENT_NOTE.matcher(tight).matches();
  }

  private void appended(int from) {
    List<Integer> starts = new ArrayList<>();
    for (int i = from; i < colophonStart; i++) {
      if (Words.ATTACHMENT_HEAD.matcher(lines.get(i).tight()).matches()
          && (i == from || lines.get(i).page() != lines.get(i - 1).page() || dateLine >= 0)) {
        starts.add(i);
      }
    }
    List<Appended> parts = new ArrayList<>();
    for (int p = 0; p < starts.size(); p++) {
      int start = starts.get(p);
      int end = p + 1 < starts.size() ? starts.get(p + 1) : colophonStart;
      Matcher head = Words.ATTACHMENT_HEAD.matcher(lines.get(start).tight());
      head.matches();
      int number = head.group(1).isEmpty() ? p + 1 : Integer.parseInt(head.group(1));
      List<Line> heading = new ArrayList<>();
      for (int i = start + 1; i < end && heading.size() < 3; i++) {
        if (!lines.get(i).centred() && !heading.isEmpty()) {
          break;
        }
        heading.add(lines.get(i));
        if (!lines.get(i).centred()) {
          break;
        }
      }
      parts.add(new Appended(number, start, end, BodyHtml.joined(heading)));
    }
    appended = parts;
  }

  private void attachmentNotes() {
    int at = -1;
    for (int i = bodyEnd - 1; i >= bodyStart && i >= bodyEnd - 12; i--) {
      if (Words.ATTACHMENT_NOTE.matcher(lines.get(i).tight()).matches()) {
        at = i;
        break;
      }
    }
    if (at < 0) {
      return;
    }
    List<StringBuilder> names = new ArrayList<>();
    for (int i = at; i < bodyEnd; i++) {
      String text = lines.get(i).text().strip();
      if (i == at) {
        Matcher m = Words.ATTACHMENT_NOTE.matcher(text);
        m.matches();
        text = m.group(1).strip();
      }
      Matcher item = Words.ITEM.matcher(text);
      if (item.matches()) {
        names.add(new StringBuilder(item.group(2).strip()));
      } else if (names.isEmpty() || (i > at && !lines.get(i).joinsPrevious())) {
        names.add(new StringBuilder(text));
      } else {
        names.get(names.size() - 1).append(text);
      }
    }
    attachmentNotes =
        names.stream().map(StringBuilder::toString).filter(n -> !n.isBlank()).toList();
    bodyEnd = at;
  }

  private static boolean endsWithColon(Line line) {
    return Words.ENDS_WITH_COLON.matcher(line.text()).find();
  }

  private static float commonSize(List<Line> lines) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (Line line : lines) {
      counts.merge(Math.round(line.size()), line.text().length(), Integer::sum);
    }
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(e -> (float) e.getKey())
        .orElse(16f);
  }
}
