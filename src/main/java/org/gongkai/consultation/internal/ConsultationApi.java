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

/** The public API: calls for comments and notices, and comments on the open ones (409 once closed). */
@RestController
@RequestMapping("/api/v1/consultations")
class ConsultationApi {

  static final String THROTTLE = "consultation";

  private final Consultations consultations;
  private final SubmissionThrottle throttle;

  private final Challenge challenge;

  ConsultationApi(Consultations consultations, SubmissionThrottle throttle, Challenge challenge) {
    this.consultations = consultations;
    this.throttle = throttle;
    this.challenge = challenge;
  }

  @GetMapping
  List<ConsultationViews.Summary> list(@RequestParam(required = false) String agency,
      @RequestParam(required = false) String state) {
    return consultations.list(agency, state);
  }

  @GetMapping("/{id}")
  ConsultationViews.Consultation get(@PathVariable long id) {
    return consultations.get(id, false);
  }

  record Created(long id) {}

  @PostMapping("/{id}/comments")
  ResponseEntity<Created> comment(@PathVariable long id, @RequestBody Consultations.CommentForm form,
      HttpServletRequest request) {
    Challenge.Solved solved = challenge.verify(form.challengeToken(), form.challengeAnswer());
    throttle.acquire(THROTTLE, request.getRemoteAddr());
    long commentId = consultations.comment(id, form, null, solved);
    return ResponseEntity.created(URI.create("/api/v1/consultations/" + id)).body(new Created(commentId));
  }
}
