package org.gongkai.foi.internal;

import java.nio.charset.StandardCharsets;
import org.gongkai.shared.web.TrackingSecret;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The applicant's download of a file the reply provides: from the status page (a form that posts
 * the tracking code and secret, so that neither lands in an address) and through the public API.
 * Never cached: the file is the applicant's.
 */
@RestController
class ReplyEnclosureDownloads {

  private final RequestQueries queries;

  ReplyEnclosureDownloads(RequestQueries queries) {
    this.queries = queries;
  }

  @PostMapping("/foi/status/enclosure")
  ResponseEntity<byte[]> fromStatusPage(
      @RequestParam(required = false) String trackingCode,
      @RequestParam(required = false) String secret,
      @RequestParam long enclosure) {
    return download(trackingCode, secret, enclosure);
  }

  @GetMapping("/api/v1/foi/requests/{trackingCode}/enclosures/{enclosure}")
  ResponseEntity<byte[]> fromApi(
      @PathVariable String trackingCode,
      @PathVariable long enclosure,
      @RequestParam(required = false) String secret,
      @RequestHeader(name = TrackingSecret.HEADER, required = false) String secretHeader) {
    return download(trackingCode, TrackingSecret.pick(secretHeader, secret), enclosure);
  }

  private ResponseEntity<byte[]> download(String trackingCode, String secret, long enclosure) {
    ReplyEnclosures.EnclosureFile file = queries.enclosure(trackingCode, secret, enclosure);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(file.contentType()));
    headers.setContentDisposition(
        ContentDisposition.attachment().filename(file.name(), StandardCharsets.UTF_8).build());
    headers.setCacheControl(CacheControl.noStore());
    return ResponseEntity.ok().headers(headers).body(file.content());
  }
}
