package org.gongkai.shared.web;

import java.time.Instant;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The form question for API clients: a public submission (a mailbox message, a comment) carries
 * {@code challengeToken} and the person's {@code challengeAnswer}, as the HTML forms do. Each
 * question is good for one submission.
 */
@RestController
class ChallengeApi {

  private final Challenge challenge;
  private final MessageSource messages;

  ChallengeApi(Challenge challenge, MessageSource messages) {
    this.challenge = challenge;
    this.messages = messages;
  }

  record Question(String question, int a, int b, String challengeToken, Instant expiresAt) {}

  @GetMapping("/api/v1/challenge")
  ResponseEntity<Question> issue() {
    Challenge.Question q = challenge.issue();
    String text =
        messages.getMessage(
            "challenge.question", new Object[] {q.a(), q.b()}, LocaleContextHolder.getLocale());
    Instant expires =
        Instant.ofEpochSecond(Long.parseLong(q.token().substring(0, q.token().indexOf(':'))));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new Question(text, q.a(), q.b(), q.token(), expires));
  }
}
