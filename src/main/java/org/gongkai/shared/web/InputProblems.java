package org.gongkai.shared.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns input the framework could not convert (a word where a number belongs, a value outside an
 * enum, a required parameter missing) into a refusal that names the field, so that the API and the
 * pages answer 400 with the field instead of a bare "unreadable".
 */
final class InputProblems {

  private InputProblems() {}

  /** The refusal for {@code e}, or empty when {@code e} names no field. */
  static Optional<Refusal> of(Throwable e) {
    if (e instanceof MethodArgumentTypeMismatchException mismatch
        // An address that is wrong is not a field to correct; the page for 400 says so.
        && !mismatch.getParameter().hasParameterAnnotation(PathVariable.class)) {
      return Optional.of(wrongValue(mismatch.getName(), mismatch.getRequiredType()));
    }
    if (e instanceof MissingServletRequestParameterException missing) {
      return Optional.of(
          Refusal.invalidField(
              missing.getParameterName(), "error.required", missing.getParameterName()));
    }
    if (e instanceof BindException bind && bind.getBindingResult().hasFieldErrors()) {
      return Optional.of(
          Refusal.invalid(
              bind.getBindingResult().getFieldErrors().stream()
                  .map(
                      f ->
                          f.contains(TypeMismatchException.class)
                              ? problem(
                                  f.getField(),
                                  f.unwrap(TypeMismatchException.class).getRequiredType())
                              : new Refusal.FieldProblem(
                                  f.getField(), "raw", f.getDefaultMessage()))
                  .toList()));
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JacksonException json && !json.getPath().isEmpty()) {
        Class<?> target =
            t instanceof MismatchedInputException input ? input.getTargetType() : null;
        return Optional.of(wrongValue(path(json.getPath()), target));
      }
    }
    return Optional.empty();
  }

  private static Refusal wrongValue(String field, Class<?> type) {
    return Refusal.invalid(List.of(problem(field, type)));
  }

  private static Refusal.FieldProblem problem(String field, Class<?> type) {
    if (type != null && type.isEnum()) {
      String choices =
          Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
      return new Refusal.FieldProblem(field, "error.invalid-choice", field, choices);
    }
    return new Refusal.FieldProblem(field, "error.invalid-value", field);
  }

  /** {@code leaders[1]}, {@code entry.type}: the JSON path as the caller wrote it. */
  private static String path(List<JacksonException.Reference> path) {
    StringBuilder field = new StringBuilder();
    for (JacksonException.Reference r : path) {
      if (r.getPropertyName() != null) {
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(r.getPropertyName());
      } else if (r.getIndex() >= 0) {
        field.append('[').append(r.getIndex()).append(']');
      }
    }
    return field.toString();
  }
}
