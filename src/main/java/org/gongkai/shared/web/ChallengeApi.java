package org.gongkai.shared.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A proof-of-work challenge in ALTCHA's format for every public submission made through the API or
 * a form with JavaScript (the ALTCHA widget fetches it here): solve it and send the base64 payload
 * as {@code altcha}. Each solution is good for one submission.
 */
@RestController
class ChallengeApi {

  private final Challenge challenge;

  ChallengeApi(Challenge challenge) {
    this.challenge = challenge;
  }

  @GetMapping("/api/v1/challenge")
  ResponseEntity<Challenge.ProofOfWork> issue() {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(challenge.issueProofOfWork());
  }
}
