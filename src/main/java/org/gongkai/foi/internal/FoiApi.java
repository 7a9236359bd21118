package org.gongkai.foi.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.net.URI;
import org.gongkai.foi.Acknowledgement;
import org.gongkai.foi.Application;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.SubmissionThrottle;
import org.gongkai.shared.web.TrackingSecret;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public API for information requests: apply, and follow a request with its tracking code and
 * secret.
 */
@RestController
@RequestMapping("/api/v1/foi/requests")
class FoiApi {

  static final String THROTTLE = "foi";

  /** The endpoint idempotency keys sent here are scoped to. */
  static final String API = "api:/api/v1/foi/requests";

  private final RequestIntake service;
  private final RequestQueries queries;
  private final SubmissionThrottle throttle;
  private final Challenge challenge;

  FoiApi(
      RequestIntake service,
      RequestQueries queries,
      SubmissionThrottle throttle,
      Challenge challenge) {
    this.challenge = challenge;
    this.service = service;
    this.queries = queries;
    this.throttle = throttle;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Acknowledgement> apply(
      @Valid @RequestBody Application application,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      HttpServletRequest request) {
    Challenge.Solved solved = challenge.verifyProofOfWork(application.getAltcha());
    throttle.acquire(THROTTLE, request.getRemoteAddr());
    return created(
        service.submit(
            application,
            RequestIntake.IdempotencyKey.of(API, request.getRemoteAddr(), idempotencyKey),
            null,
            solved));
  }

  /**
   * The same, with a copy of the identity document attached: parts {@code application} (JSON) and
   * {@code idCopy}.
   */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Acknowledgement> applyWithCopy(
      @Valid @RequestPart("application") Application application,
      @RequestPart(name = "idCopy", required = false) MultipartFile idCopy,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      HttpServletRequest request)
      throws IOException {
    Challenge.Solved solved = challenge.verifyProofOfWork(application.getAltcha());
    throttle.acquire(THROTTLE, request.getRemoteAddr());
    RequestIntake.Upload upload =
        idCopy == null || idCopy.isEmpty()
            ? null
            : new RequestIntake.Upload(
                idCopy.getOriginalFilename(), idCopy.getContentType(), idCopy.getBytes());
    return created(
        service.submit(
            application,
            RequestIntake.IdempotencyKey.of(API, request.getRemoteAddr(), idempotencyKey),
            upload,
            solved));
  }

  @GetMapping("/{trackingCode}")
  Views.PublicStatus status(
      @PathVariable String trackingCode,
      @RequestParam(required = false) String secret,
      @RequestHeader(name = TrackingSecret.HEADER, required = false) String secretHeader) {
    return queries.status(trackingCode, TrackingSecret.pick(secretHeader, secret));
  }

  private static ResponseEntity<Acknowledgement> created(Acknowledgement ack) {
    return ResponseEntity.created(URI.create("/api/v1/foi/requests/" + ack.trackingCode()))
        .body(ack);
  }
}
