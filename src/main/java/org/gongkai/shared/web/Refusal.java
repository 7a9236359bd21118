package org.gongkai.shared.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the platform will not carry out, with the reason as a message key so that the console
 * shows it in Chinese and the API in the caller's language. Nothing has been changed when one is
 * thrown.
 */
public class Refusal extends RuntimeException {

  private final HttpStatus status;
  private final String messageKey;
  private final transient Object[] arguments;
  private final List<FieldProblem> fieldProblems;
  private final transient Map<String, Object> properties = new LinkedHashMap<>();

  private Refusal(
      HttpStatus status, String messageKey, List<FieldProblem> fieldProblems, Object... arguments) {
    super(messageKey);
    this.status = status;
    this.messageKey = messageKey;
    this.arguments = arguments;
    this.fieldProblems = List.copyOf(fieldProblems);
  }

  public static Refusal notFound(String messageKey, Object... arguments) {
    return new Refusal(HttpStatus.NOT_FOUND, messageKey, List.of(), arguments);
  }

  public static Refusal gone(String messageKey, Object... arguments) {
    return new Refusal(HttpStatus.GONE, messageKey, List.of(), arguments);
  }

  public static Refusal forbidden(String messageKey, Object... arguments) {
    return new Refusal(HttpStatus.FORBIDDEN, messageKey, List.of(), arguments);
  }

  public static Refusal conflict(String messageKey, Object... arguments) {
    return new Refusal(HttpStatus.CONFLICT, messageKey, List.of(), arguments);
  }

  /**
   * A conflict with the state of things that one field of the input is the cause of: a date that
   * falls in a year already reported, an outcome the history does not support.
   */
  public static Refusal conflictOn(String field, String messageKey, Object... arguments) {
    return new Refusal(
        HttpStatus.CONFLICT,
        messageKey,
        List.of(new FieldProblem(field, messageKey, arguments)),
        arguments);
  }

  public static Refusal unavailable(String messageKey, Object... arguments) {
    return new Refusal(HttpStatus.SERVICE_UNAVAILABLE, messageKey, List.of(), arguments);
  }

  public static Refusal tooManyRequests(String messageKey, Object... arguments) {
    return new Refusal(HttpStatus.TOO_MANY_REQUESTS, messageKey, List.of(), arguments);
  }

  public static Refusal invalid(List<FieldProblem> problems) {
    return new Refusal(HttpStatus.BAD_REQUEST, "error.invalid-input", problems);
  }

  public static Refusal invalidField(String field, String messageKey, Object... arguments) {
    return invalid(List.of(new FieldProblem(field, messageKey, arguments)));
  }

  public HttpStatus status() {
    return status;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments;
  }

  public List<FieldProblem> fieldProblems() {
    return fieldProblems;
  }

  /**
   * One more member of the API's problem detail, beside the message (a list the caller acts on).
   */
  public Refusal with(String property, Object value) {
    properties.put(property, value);
    return this;
  }

  public Map<String, Object> properties() {
    return Collections.unmodifiableMap(properties);
  }

  /** One field's problem, as a message key with its arguments. */
  public record FieldProblem(String field, String messageKey, Object... arguments) {}
}
