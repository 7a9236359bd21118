package org.gongkai.intake.internal;

/**
 * One line of a document as laid out: its text, the font size, where it stands on the line, whether
 * it is drawn in red, and where it comes from (a PDF page; a DOCX body element).
 *
 * @param joinsPrevious the line carries on the paragraph of the line before (a PDF line wrapped at
 *     the margin); DOCX paragraphs never do
 */
record Line(
    String text,
    float size,
    Align align,
    boolean red,
    boolean indented,
    boolean joinsPrevious,
    int page,
    int source) {

  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  /** The text without any white space: Chinese documents space words out freely. */
  String tight() {
    return text.replaceAll("[\\s\u3000]+", "");
  }

  boolean centred() {
    return align == Align.CENTER;
  }
}
