package org.gongkai.syndication.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.catalog.DocumentPublished;
import org.gongkai.catalog.DocumentWithdrawn;
import org.gongkai.portal.OpenDocuments;
import org.gongkai.shared.web.Refusal;
import org.gongkai.syndication.Endpoint;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a delivery for every endpoint that takes a publication, revision or withdrawal. The
 * listener is durable (the event publication registry keeps the event until it has run), and an
 * event already in the outbox for an endpoint is not added twice, so a listener run again after a
 * crash adds nothing. The payload is fixed when the event happens: a redelivery sends the same
 * bytes.
 */
@Component
class Outbox {

  static final String PUBLISHED = "document.published";
  static final String REVISED = "document.revised";
  static final String WITHDRAWN = "document.withdrawn";

  private final EndpointRepository endpoints;
  private final DeliveryRepository deliveries;
  private final OpenDocuments documents;
  private final AgencyDirectory agencies;
  private final JsonMapper json;
  private final Clock clock;

  Outbox(
      EndpointRepository endpoints,
      DeliveryRepository deliveries,
      OpenDocuments documents,
      AgencyDirectory agencies,
      JsonMapper json,
      Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.documents = documents;
    this.agencies = agencies;
    this.json = json;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(DocumentPublished event) {
    var takers =
        endpoints.enabled().stream().filter(e -> e.takes(event.agencyId(), event.columnId()));
    var list = takers.toList();
    if (list.isEmpty()) {
      return;
    }
    String type = event.revision() ? REVISED : PUBLISHED;
    String id = UUID.randomUUID().toString();
    Map<String, Object> body = envelope(id, type, event.publishedAt());
    try {
      body.put("document", documents.documentView(event.documentId()));
    } catch (Refusal gone) {
      // Withdrawn before this listener ran: its withdrawal is the event the endpoints get.
      return;
    }
    String payload = json.writeValueAsString(body);
    for (Endpoint endpoint : list) {
      deliveries.enqueue(
          endpoint.id(),
          "edition:" + event.editionId(),
          id,
          type,
          event.documentId(),
          payload,
          clock.instant());
    }
  }

  @ApplicationModuleListener
  void on(DocumentWithdrawn event) {
    var list =
        endpoints.enabled().stream()
            .filter(
                e ->
                    e.takes(event.agencyId(), null)
                        || deliveries.hasDocument(e.id(), event.documentId()))
            .toList();
    if (list.isEmpty()) {
      return;
    }
    String id = UUID.randomUUID().toString();
    Map<String, Object> body = envelope(id, WITHDRAWN, event.withdrawnAt());
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("id", event.documentId());
    document.put("indexNumber", event.indexNumber());
    document.put("agency", agencies.get(event.agencyId()).code());
    document.put("url", "/documents/" + event.documentId());
    body.put("document", document);
    String payload = json.writeValueAsString(body);
    for (Endpoint endpoint : list) {
      deliveries.enqueue(
          endpoint.id(),
          "withdrawn:" + event.documentId() + ":" + event.withdrawnAt().toEpochMilli(),
          id,
          WITHDRAWN,
          event.documentId(),
          payload,
          clock.instant());
    }
  }

  private static Map<String, Object> envelope(String id, String type, Instant at) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("type", type);
    body.put("occurredAt", at.toString());
    return body;
  }
}
