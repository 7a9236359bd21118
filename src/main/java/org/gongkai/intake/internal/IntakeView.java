package org.gongkai.intake.internal;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.agency.Agency;
import org.gongkai.intake.Confidence;
import org.gongkai.intake.Recognised;
import org.gongkai.intake.RecognisedDocument;
import org.gongkai.intake.SplitAttachment;
import org.springframework.context.MessageSource;

/**
 * What the API answers and the console shows: each field as {@code {value, confidence, note}} with
 * the note in the reader's words, the split attachments with the token that fetches each, and the
 * warnings.
 */
record IntakeView(
    String fileName,
    String intakeId,
    Field<String> organs,
    Field<String> docNumber,
    Field<String> signer,
    Field<String> title,
    Field<String> addressees,
    Field<AgencyRef> agency,
    Field<LocalDate> writtenOn,
    Field<String> notes,
    Field<String> copiesTo,
    Field<String> printedBy,
    Field<LocalDate> printedOn,
    Field<String> body,
    Field<List<String>> attachmentNames,
    List<AttachmentRef> attachments,
    List<Warning> warnings) {

  record Field<T>(T value, Confidence confidence, String note) {}

  record AgencyRef(String code, String name) {}

  /** {@code content} is the file in Base64, only when the caller asked for it. */
  record AttachmentRef(String name, String mediaType, long size, String token, String content) {}

  record Warning(String code, String message) {}

  /** A field's confidence and note for the console to mark it again after a failed save. */
  record Mark(Confidence confidence, String note) implements Serializable {}

  static IntakeView of(
      String fileName,
      String intakeId,
      RecognisedDocument r,
      boolean withContent,
      MessageSource messages,
      Locale locale) {
    Notes n = new Notes(messages, locale);
    List<AttachmentRef> files = new ArrayList<>();
    for (int i = 0; i < r.attachments().size(); i++) {
      SplitAttachment a = r.attachments().get(i);
      files.add(
          new AttachmentRef(
              a.fileName(),
              a.mediaType(),
              a.size(),
              intakeId + "." + i,
              withContent ? Base64.getEncoder().encodeToString(a.content()) : null));
    }
    Recognised<Agency> agency = r.agency();
    return new IntakeView(
        fileName,
        intakeId,
        n.field(r.organs()),
        n.field(r.docNumber()),
        n.field(r.signer()),
        n.field(r.title()),
        n.field(r.addressees()),
        new Field<>(
            agency.value() == null
                ? null
                : new AgencyRef(agency.value().code(), agency.value().name()),
            agency.confidence(),
            n.text(agency.note())),
        n.field(r.writtenOn()),
        n.field(r.notes()),
        n.field(r.copiesTo()),
        n.field(r.printedBy()),
        n.field(r.printedOn()),
        n.field(r.body()),
        n.field(r.attachmentNames()),
        files,
        r.warnings().stream().map(w -> new Warning(w, n.text(w))).toList());
  }

  /** The confidence of each field the draft form shows, by the form's field name. */
  static Map<String, Mark> marks(IntakeView v) {
    Map<String, Mark> marks = new LinkedHashMap<>();
    marks.put("title", mark(v.title()));
    marks.put("docNumber", mark(v.docNumber()));
    marks.put("issuedOn", mark(v.writtenOn()));
    marks.put("column", mark(v.agency()));
    marks.put("body", mark(v.body()));
    return marks;
  }

  private static Mark mark(Field<?> field) {
    return new Mark(field.confidence(), field.note());
  }

  static Mark mark(Confidence confidence, String note) {
    return new Mark(confidence.needsConfirming() ? confidence : Confidence.MEDIUM, note);
  }

  private record Notes(MessageSource messages, Locale locale) {

    <T> Field<T> field(Recognised<T> r) {
      return new Field<>(r.value(), r.confidence(), text(r.note()));
    }

    String text(String key) {
      return key == null ? null : messages.getMessage(key, null, key, locale);
    }
  }
}
