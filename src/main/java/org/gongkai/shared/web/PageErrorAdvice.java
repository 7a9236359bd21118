package org.gongkai.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/** Renders refusals on server-rendered pages as a readable error page with the right status. */
@ControllerAdvice(annotations = Controller.class)
// Before Spring Boot's problem-detail handler, which would answer a browser with JSON; the API's
// own advice (ApiProblemAdvice) still comes first for the API's controllers.
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PageErrorAdvice {

  private final MessageSource messages;
  private final List<ErrorPageFrame> frames;

  PageErrorAdvice(MessageSource messages, List<ErrorPageFrame> frames) {
    this.messages = messages;
    this.frames = frames;
  }

  /** A form that should have carried a file and did not (or carried a broken one). */
  @ExceptionHandler(MultipartException.class)
  ModelAndView notMultipart(MultipartException e, Locale locale, HttpServletResponse response) {
    return refusal(
        e instanceof MaxUploadSizeExceededException
            ? Refusal.invalidField("file", "attachment.too-large")
            : Refusal.invalidField("file", "error.unreadable"),
        locale,
        response);
  }

  /**
   * An address or form value of the wrong shape (a word where a number belongs, a required value
   * missing).
   */
  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class,
    BindException.class
  })
  ModelAndView malformed(Exception e, Locale locale, HttpServletResponse response) {
    Optional<Refusal> named = InputProblems.of(e);
    if (named.isPresent()) {
      return refusal(named.get(), locale, response);
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    ModelAndView page = new ModelAndView("error");
    page.setStatus(HttpStatus.BAD_REQUEST);
    page.addObject("status", HttpServletResponse.SC_BAD_REQUEST);
    page.addObject("signedIn", signedIn());
    return page;
  }

  private static boolean signedIn() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  /** A refusal; on the public site in the serving site's frame (its name, navigation, footer). */
  @ExceptionHandler(Refusal.class)
  ModelAndView refusal(
      Refusal refusal,
      Locale locale,
      HttpServletRequest request,
      HttpServletResponse response,
      HandlerMethod handler) {
    ModelAndView page = refusal(refusal, locale, response);
    if (ErrorPageFrame.isPublic(request, handler)) {
      frames.forEach(f -> page.addAllObjects(f.attributes(request)));
    }
    return page;
  }

  ModelAndView refusal(Refusal refusal, Locale locale, HttpServletResponse response) {
    response.setStatus(refusal.status().value());
    ModelAndView page = new ModelAndView("error");
    page.addObject("signedIn", signedIn());
    page.setStatus(refusal.status());
    page.addObject("status", refusal.status().value());
    // A page reached by a link has no form to mark; what was wrong with it is the message.
    String message =
        refusal.fieldProblems().isEmpty()
            ? messages.getMessage(
                refusal.messageKey(), refusal.arguments(), refusal.messageKey(), locale)
            : refusal.fieldProblems().stream()
                .map(
                    p -> messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale))
                .collect(Collectors.joining(" "));
    page.addObject("message", message);
    return page;
  }
}
