package org.gongkai.consultation.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.SubmissionThrottle;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public API: calls for comments and notices, and comments on the open ones (409 once closed).
 */
@RestController
@RequestMapping("/api/v1/consultations")
class ConsultationApi {

  static final String THROTTLE = "consultation";

  private final ConsultationReader reader;
  private final CommentIntake intake;
  private final SubmissionThrottle throttle;
  private final Challenge challenge;

  ConsultationApi(
      ConsultationReader reader,
      CommentIntake intake,
      SubmissionThrottle throttle,
      Challenge challenge) {
    this.reader = reader;
    this.intake = intake;
    this.throttle = throttle;
    this.challenge = challenge;
  }

  @GetMapping
  List<ConsultationViews.Summary> list(
      @RequestParam(required = false) String agency, @RequestParam(required = false) String state) {
    return reader.list(agency, state);
  }

  @GetMapping("/{id}")
  ConsultationViews.Consultation get(@PathVariable long id) {
    return reader.get(id, false);
  }

  record Created(long id) {}

  @PostMapping("/{id}/comments")
  ResponseEntity<Created> comment(
      @PathVariable long id,
      @RequestBody CommentIntake.CommentForm form,
      HttpServletRequest request) {
    Challenge.Solved solved = challenge.verifyProofOfWork(form.altcha());
    throttle.acquire(THROTTLE, request.getRemoteAddr());
    long commentId = intake.comment(id, form, null, solved);
    return ResponseEntity.created(URI.create("/api/v1/consultations/" + id))
        .body(new Created(commentId));
  }
}
