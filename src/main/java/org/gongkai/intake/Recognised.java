package org.gongkai.intake;

/**
 * A field as recognised: its value (null when the document has none), how sure the recognition is,
 * and why it is not sure, as a message key ({@code intake.note.*}), null when it is.
 */
public record Recognised<T>(T value, Confidence confidence, String note) {

  public static <T> Recognised<T> high(T value) {
    return new Recognised<>(value, Confidence.HIGH, null);
  }

  public static <T> Recognised<T> medium(T value, String note) {
    return new Recognised<>(value, Confidence.MEDIUM, note);
  }

  public static <T> Recognised<T> low(T value, String note) {
    return new Recognised<>(value, Confidence.LOW, note);
  }
}
