package org.gongkai.screening;

/**
 * One thing found: its kind, where ({@code body}, or {@code attachment:NAME} with {@code #page=N}
 * for a PDF's page, {@code #sheet=NAME} for a workbook's sheet), and a masked excerpt that shows
 * enough to find it again without repeating it. {@code value} is the text found, for redaction; it
 * is never written to a log or an answer.
 */
public record Finding(FindingKind kind, String where, String excerpt, String value) {

  public boolean blocking() {
    return kind.blocking();
  }

  @Override
  public String toString() {
    return kind + " in " + where + ": " + excerpt;
  }
}
