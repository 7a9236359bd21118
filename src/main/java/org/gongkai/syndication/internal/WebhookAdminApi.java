package org.gongkai.syndication.internal;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Refusal;
import org.gongkai.syndication.Delivery;
import org.gongkai.syndication.Endpoint;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints of other platforms, for platform administrators: registered with the agencies (by code)
 * and columns (by id) they take and a shared secret, which is never read back.
 */
@RestController
@RequestMapping("/api/v1/admin/webhooks")
class WebhookAdminApi {

  private static final int RECENT = 50;

  private final WebhookService webhooks;
  private final StaffAccess access;
  private final AgencyDirectory agencies;

  WebhookAdminApi(WebhookService webhooks, StaffAccess access, AgencyDirectory agencies) {
    this.webhooks = webhooks;
    this.access = access;
    this.agencies = agencies;
  }

  record EndpointRequest(String url, List<String> agencies, List<Long> columns, String secret) {}

  record EndpointView(
      long id,
      String url,
      List<String> agencies,
      List<Long> columns,
      boolean enabled,
      String createdBy,
      Instant createdAt) {}

  record AttemptView(Instant at, String node, Integer status, String error, long durationMillis) {}

  record DeliveryView(
      long id,
      String deliveryId,
      String type,
      long documentId,
      String state,
      int attempts,
      Instant nextAttemptAt,
      Integer lastStatus,
      String lastError,
      Instant createdAt,
      Instant deliveredAt,
      List<AttemptView> log) {}

  @GetMapping
  List<EndpointView> list() {
    platformAdmin();
    return webhooks.all().stream().map(this::view).toList();
  }

  @GetMapping("/{id}")
  EndpointView get(@PathVariable long id) {
    platformAdmin();
    return view(webhooks.get(id));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<EndpointView> create(@RequestBody EndpointRequest request) {
    Staff me = platformAdmin();
    List<Long> agencyIds = new ArrayList<>();
    if (request.agencies() != null) {
      for (String code : request.agencies()) {
        agencyIds.add(
            agencies
                .findByCode(code == null ? "" : code.strip())
                .orElseThrow(() -> Refusal.invalidField("agencies", "agency.not-found"))
                .id());
      }
    }
    List<Long> columnIds = request.columns() == null ? List.of() : List.copyOf(request.columns());
    Endpoint created = webhooks.register(request.url(), request.secret(), agencyIds, columnIds, me);
    return ResponseEntity.created(URI.create("/api/v1/admin/webhooks/" + created.id()))
        .body(view(created));
  }

  @PostMapping("/{id}/disable")
  EndpointView disable(@PathVariable long id) {
    return view(webhooks.setEnabled(id, false, platformAdmin()));
  }

  @PostMapping("/{id}/enable")
  EndpointView enable(@PathVariable long id) {
    return view(webhooks.setEnabled(id, true, platformAdmin()));
  }

  @GetMapping("/{id}/deliveries")
  List<DeliveryView> deliveries(@PathVariable long id) {
    platformAdmin();
    return webhooks.recent(id, RECENT).stream().map(this::view).toList();
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
  ResponseEntity<DeliveryView> redeliver(@PathVariable long id, @PathVariable long deliveryId) {
    Delivery delivery = webhooks.redeliver(id, deliveryId, platformAdmin());
    return ResponseEntity.accepted().body(view(delivery));
  }

  private EndpointView view(Endpoint e) {
    return new EndpointView(
        e.id(),
        e.url(),
        e.agencyIds().stream().map(a -> agencies.get(a).code()).toList(),
        e.columnIds(),
        e.enabled(),
        e.createdBy(),
        e.createdAt());
  }

  private DeliveryView view(Delivery d) {
    return new DeliveryView(
        d.id(),
        d.deliveryKey(),
        d.eventType(),
        d.documentId(),
        d.state(),
        d.attempts(),
        d.nextAttemptAt(),
        d.lastStatus(),
        d.lastError(),
        d.createdAt(),
        d.deliveredAt(),
        webhooks.attempts(d.id()).stream()
            .map(a -> new AttemptView(a.at(), a.node(), a.status(), a.error(), a.durationMillis()))
            .toList());
  }

  private Staff platformAdmin() {
    Staff me = access.current();
    access.requirePlatformAdmin(me);
    return me;
  }
}
