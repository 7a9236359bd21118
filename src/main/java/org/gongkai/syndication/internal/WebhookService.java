package org.gongkai.syndication.internal;

import java.time.Clock;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.gongkai.syndication.Delivery;
import org.gongkai.syndication.Endpoint;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers, disables and enables endpoints and puts deliveries back in the queue; all audited. */
@Service
class WebhookService {

  private static final int MIN_SECRET = 16;

  private final EndpointRepository endpoints;
  private final DeliveryRepository deliveries;
  private final AddressPolicy addresses;
  private final AuditTrail audit;
  private final AgencyDirectory agencies;
  private final Clock clock;

  WebhookService(
      EndpointRepository endpoints,
      DeliveryRepository deliveries,
      AddressPolicy addresses,
      AuditTrail audit,
      AgencyDirectory agencies,
      Clock clock) {
    this.agencies = agencies;
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.addresses = addresses;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  Endpoint register(
      String url, String secret, List<Long> agencyIds, List<Long> columnIds, Staff by) {
    if (url == null || url.isBlank()) {
      throw Refusal.invalidField("url", "webhook.url.invalid");
    }
    String refusal = addresses.refusal(url);
    if (refusal != null) {
      throw Refusal.invalidField("url", refusal);
    }
    if (secret == null || secret.length() < MIN_SECRET) {
      throw Refusal.invalidField("secret", "webhook.secret.short", MIN_SECRET);
    }
    if (agencyIds.isEmpty() && columnIds.isEmpty()) {
      throw Refusal.invalidField("agencies", "webhook.scope.empty");
    }
    for (long column : columnIds) {
      if (agencies.column(column).isEmpty()) {
        throw Refusal.invalidField("columns", "column.not-found");
      }
    }
    long id =
        endpoints.insert(url.strip(), secret, agencyIds, columnIds, by.username(), clock.instant());
    audit.record(
        by.username(),
        "webhook.registered",
        "webhook_endpoint",
        id,
        url.strip() + " agencies=" + agencyIds + " columns=" + columnIds);
    return endpoints.find(id).orElseThrow();
  }

  @Transactional
  Endpoint setEnabled(long id, boolean enabled, Staff by) {
    get(id);
    endpoints.setEnabled(id, enabled);
    audit.record(
        by.username(),
        enabled ? "webhook.enabled" : "webhook.disabled",
        "webhook_endpoint",
        id,
        null);
    return get(id);
  }

  @Transactional
  Delivery redeliver(long endpointId, long deliveryId, Staff by) {
    Delivery delivery =
        deliveries
            .find(deliveryId)
            .filter(d -> d.endpointId() == endpointId)
            .orElseThrow(() -> Refusal.notFound("webhook.delivery.not-found"));
    if (!deliveries.redeliver(deliveryId, clock.instant())) {
      throw Refusal.conflict("webhook.delivery.sending");
    }
    audit.record(
        by.username(),
        "webhook.redelivered",
        "webhook_endpoint",
        endpointId,
        "delivery "
            + delivery.id()
            + " "
            + delivery.eventType()
            + " document "
            + delivery.documentId());
    return deliveries.find(deliveryId).orElseThrow();
  }

  Endpoint get(long id) {
    return endpoints.find(id).orElseThrow(() -> Refusal.notFound("webhook.not-found"));
  }

  List<Endpoint> all() {
    return endpoints.all();
  }

  List<Delivery> recent(long endpointId, int limit) {
    get(endpointId);
    return deliveries.recent(endpointId, limit);
  }

  List<DeliveryRepository.Attempt> attempts(long deliveryId) {
    return deliveries.attempts(deliveryId);
  }
}
