package org.gongkai.consultation.internal;

import java.util.List;
import org.gongkai.shared.web.RelatedLinks;
import org.springframework.stereotype.Component;

/** A draft's or a final document's page links to the consultation on it. */
@Component
class ConsultationLinks implements RelatedLinks {

  private final ConsultationReader reader;

  ConsultationLinks(ConsultationReader reader) {
    this.reader = reader;
  }

  @Override
  public List<Link> forDocument(long documentId) {
    return reader.forDocument(documentId).stream()
        .map(
            c ->
                new Link("consultation.related." + c.kind(), "/consultations/" + c.id(), c.title()))
        .toList();
  }
}
