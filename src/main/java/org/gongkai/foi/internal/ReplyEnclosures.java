package org.gongkai.foi.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.gongkai.foi.Outcome;
import org.gongkai.screening.Ground;
import org.gongkai.screening.RedactionWorks;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;

/**
 * The files a disclosing or partly disclosing reply provides: the request's redacted files, made in
 * the console's redaction pages for {@code foi-request:ID}. The applicant downloads them with the
 * tracking code and secret; the originals stay with staff.
 */
@Component
class ReplyEnclosures {

  static final String REFERENCE = "foi-request";

  /** An enclosure as the applicant sees it. */
  record Enclosure(long id, String name, long size, List<String> grounds) {}

  /** An enclosure's file as it is handed to the applicant. */
  record EnclosureFile(String name, String contentType, byte[] content) {}

  private final RedactionWorks works;

  ReplyEnclosures(RedactionWorks works) {
    this.works = works;
  }

  static String reference(long requestId) {
    return RedactionWorks.reference(REFERENCE, requestId);
  }

  static boolean provides(Outcome outcome) {
    return outcome == Outcome.DISCLOSED || outcome == Outcome.PARTLY_DISCLOSED;
  }

  /** Every work made for the request, redacted or not yet: what staff see. */
  List<RedactionWorks.Work> works(long requestId) {
    return works.forReference(reference(requestId));
  }

  /** The redacted files the reply provides. */
  List<Enclosure> of(long requestId) {
    return works(requestId).stream()
        .filter(RedactionWorks.Work::redacted)
        .map(
            w ->
                new Enclosure(
                    w.id(),
                    w.redactedName(),
                    w.redactedSize(),
                    w.grounds().stream().map(Ground::label).toList()))
        .toList();
  }

  /** The grounds of the enclosures as a reply cites them, joined: 第十五条、第十六条第二款. */
  static String grounds(Enclosure enclosure, String separator) {
    return enclosure.grounds().stream().collect(Collectors.joining(separator));
  }

  /** One enclosure's file, when it belongs to the request and has been redacted. */
  EnclosureFile open(long requestId, long workId) {
    RedactionWorks.Work work =
        works
            .find(workId)
            .filter(w -> reference(requestId).equals(w.reference()) && w.redacted())
            .orElseThrow(() -> Refusal.notFound("foi.enclosure.not-found"));
    byte[] content =
        works
            .redactedFile(work.id())
            .orElseThrow(() -> Refusal.notFound("foi.enclosure.not-found"));
    return new EnclosureFile(work.redactedName(), work.contentType(), content);
  }
}
