package org.gongkai.shared.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/** Renders refusals of the JSON API as RFC 9457 problem details with field-level messages. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblemAdvice {

  private final MessageSource messages;

  ApiProblemAdvice(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(Refusal.class)
  ProblemDetail refusal(Refusal refusal, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            refusal.status(), text(refusal.messageKey(), refusal.arguments(), locale));
    problem.setType(URI.create("urn:gongkai:problem:" + refusal.messageKey()));
    problem.setTitle(text("problem.title." + refusal.status().value(), new Object[0], locale));
    if (!refusal.fieldProblems().isEmpty()) {
      List<Map<String, String>> errors = new ArrayList<>();
      for (Refusal.FieldProblem p : refusal.fieldProblems()) {
        errors.add(
            Map.of("field", p.field(), "message", text(p.messageKey(), p.arguments(), locale)));
      }
      problem.setProperty("errors", errors);
    }
    refusal.properties().forEach(problem::setProperty);
    return problem;
  }

  @ExceptionHandler(BindException.class)
  ProblemDetail invalid(BindException e, Locale locale) {
    if (e.getBindingResult().getGlobalErrors().isEmpty()) {
      Optional<Refusal> named = InputProblems.of(e);
      if (named.isPresent()) {
        return refusal(named.get(), locale);
      }
    }
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    e.getBindingResult()
        .getFieldErrors()
        .forEach(
            f ->
                problems.add(new Refusal.FieldProblem(f.getField(), "raw", f.getDefaultMessage())));
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(g -> problems.add(new Refusal.FieldProblem("", "raw", g.getDefaultMessage())));
    return refusal(Refusal.invalid(problems), locale);
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class
  })
  ProblemDetail unreadable(Exception e, Locale locale) {
    Optional<Refusal> named = InputProblems.of(e);
    if (named.isPresent()) {
      return refusal(named.get(), locale);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, text("error.unreadable", new Object[0], locale));
    problem.setTitle(text("problem.title.400", new Object[0], locale));
    return problem;
  }

  /**
   * A form post where a file upload was expected, or a broken multipart body: the caller's mistake,
   * not ours.
   */
  @ExceptionHandler(MultipartException.class)
  ProblemDetail notMultipart(MultipartException e, Locale locale) {
    if (e instanceof MaxUploadSizeExceededException tooLarge) {
      return tooLarge(tooLarge, locale);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, text("error.unreadable", new Object[0], locale));
    problem.setTitle(text("problem.title.400", new Object[0], locale));
    return problem;
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ProblemDetail tooLarge(MaxUploadSizeExceededException e, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.CONTENT_TOO_LARGE, text("attachment.too-large", new Object[0], locale));
    problem.setTitle(text("problem.title.413", new Object[0], locale));
    return problem;
  }

  private String text(String key, Object[] args, Locale locale) {
    if ("raw".equals(key)) {
      return args.length > 0 ? String.valueOf(args[0]) : "";
    }
    return messages.getMessage(key, args, key, locale);
  }
}
