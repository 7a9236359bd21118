package org.gongkai.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers (a mistyped console link, an old bookmark) or a method it does not
 * take: a browser gets the site's error page in the visitor's language; the API and clients that
 * ask for JSON get a problem detail (RFC 9457), as they do for every other refusal.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnmappedAddressAdvice {

  private final MessageSource messages;
  private final List<ErrorPageFrame> frames;
  private final List<MovedAddresses> moved;

  UnmappedAddressAdvice(
      MessageSource messages, List<ErrorPageFrame> frames, List<MovedAddresses> moved) {
    this.messages = messages;
    this.frames = frames;
    this.moved = moved;
  }

  /** An old address that has moved (an imported site's page) answers 301; anything else 404. */
  @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
  Object notFound(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    String method = request.getMethod();
    if ("GET".equals(method) || "HEAD".equals(method)) {
      for (MovedAddresses addresses : moved) {
        Optional<String> target = addresses.movedTo(request);
        if (target.isPresent()) {
          return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
              .location(URI.create(target.get()))
              .build();
        }
      }
    }
    return answer(HttpStatus.NOT_FOUND, "error.not-found", request, response, locale);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  Object wrongMethod(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    return answer(
        HttpStatus.METHOD_NOT_ALLOWED, "error.method-not-allowed", request, response, locale);
  }

  private Object answer(
      HttpStatus status,
      String key,
      HttpServletRequest request,
      HttpServletResponse response,
      Locale locale) {
    String detail = messages.getMessage(key, null, key, locale);
    if (wantsPage(request)) {
      response.setStatus(status.value());
      ModelAndView page = new ModelAndView("error");
      page.setStatus(status);
      page.addObject("status", status.value());
      page.addObject("message", detail);
      if (ErrorPageFrame.isPublic(request, null)) {
        frames.forEach(f -> page.addAllObjects(f.attributes(request)));
      }
      return page;
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:gongkai:problem:" + key));
    problem.setTitle(
        messages.getMessage(
            "problem.title." + status.value(), null, status.getReasonPhrase(), locale));
    problem.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** A browser asking for a page: not the API, and HTML accepted before JSON. */
  static boolean wantsPage(HttpServletRequest request) {
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      return false;
    }
    String accept = request.getHeader("Accept");
    if (accept == null || accept.isBlank()) {
      return false;
    }
    int html = accept.indexOf("text/html");
    int json = accept.indexOf("json");
    return html >= 0 && (json < 0 || html < json);
  }
}
