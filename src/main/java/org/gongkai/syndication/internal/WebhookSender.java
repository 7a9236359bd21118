package org.gongkai.syndication.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.syndication.Delivery;
import org.gongkai.syndication.Endpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the due deliveries of the outbox. Each row is claimed with a lease before it is sent and
 * its outcome written only while the lease is this node's; a row whose node died mid-delivery is
 * claimed again by the next run after the lease has run out. A failure puts the next attempt after
 * the base delay doubled for each failure so far; after the last allowed attempt the delivery is
 * given up and can be redelivered by hand. Receivers see the same {@code Gongkai-Delivery} id on
 * every attempt of an event and can drop a repeat.
 */
@Component
class WebhookSender {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  private final DeliveryRepository deliveries;
  private final EndpointRepository endpoints;
  private final AddressPolicy addresses;
  private final SyndicationProperties settings;
  private final Clock clock;
  private final HttpClient http;
  private final String node;

  WebhookSender(
      DeliveryRepository deliveries,
      EndpointRepository endpoints,
      AddressPolicy addresses,
      SyndicationProperties settings,
      Clock clock) {
    this.deliveries = deliveries;
    this.endpoints = endpoints;
    this.addresses = addresses;
    this.settings = settings;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.timeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
  }

  @ClusterJob(fixedDelay = "${gongkai.syndication.send-interval:PT15S}")
  void run() {
    sendDue();
  }

  /** Sends what is due now; the number of deliveries acknowledged. */
  int sendDue() {
    int delivered = 0;
    for (long id : deliveries.claimable(clock.instant(), settings.batch())) {
      Instant now = clock.instant();
      if (deliveries.claim(id, node, now, now.plus(settings.lease())) && send(id)) {
        delivered++;
      }
    }
    return delivered;
  }

  private boolean send(long id) {
    DeliveryRepository.Outgoing out = deliveries.outgoing(id);
    Endpoint endpoint = endpoints.find(out.endpointId()).orElseThrow();
    int attempts = out.attempts() + 1;
    Instant started = clock.instant();
    long startedNanos = System.nanoTime();
    Integer status = null;
    String error = null;
    if (!endpoint.enabled()) {
      error = "endpoint disabled";
    } else if (addresses.refusal(endpoint.url()) != null) {
      error = "address refused: " + addresses.refusal(endpoint.url());
    } else {
      try {
        String body = out.payload();
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(endpoint.url()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "Gongkai-Webhooks/1")
                .header("Gongkai-Delivery", out.deliveryKey())
                .header(
                    Signatures.HEADER,
                    Signatures.header(
                        endpoints.secret(endpoint.id()), started.getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        status = response.statusCode();
        if (status < 200 || status > 299) {
          error = "HTTP " + status;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        error = "interrupted";
      } catch (Exception e) {
        error =
            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
    }
    if (error != null && error.length() > 1000) {
      error = error.substring(0, 1000);
    }
    long millis = (System.nanoTime() - startedNanos) / 1_000_000;
    deliveries.logAttempt(id, started, node, status, error, millis);
    Instant now = clock.instant();
    if (error == null) {
      deliveries.finish(id, node, Delivery.DELIVERED, attempts, now, status, null, now);
      return true;
    }
    boolean giveUp = attempts >= settings.maxAttempts();
    deliveries.finish(
        id,
        node,
        giveUp ? Delivery.FAILED : Delivery.PENDING,
        attempts,
        giveUp ? now : now.plus(settings.delayAfter(attempts)),
        status,
        error,
        null);
    log.info(
        "Webhook delivery {} to endpoint {} failed (attempt {}): {}",
        id,
        endpoint.id(),
        attempts,
        error);
    return false;
  }

  /** This node's name in the attempt log. */
  String node() {
    return node;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "node";
    }
  }
}
