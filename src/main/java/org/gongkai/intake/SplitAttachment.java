package org.gongkai.intake;

/**
 * An attachment whose content was appended to the signed document, split out as a file of its own:
 * the pages of a PDF, or the paragraphs of a DOCX in a new DOCX.
 */
public record SplitAttachment(String fileName, String mediaType, byte[] content)
    implements java.io.Serializable {

  public long size() {
    return content.length;
  }
}
