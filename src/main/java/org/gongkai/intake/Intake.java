package org.gongkai.intake;

import java.util.Collection;
import org.gongkai.agency.Agency;

/** Reads a signed official document (DOCX or PDF, GB/T 9704-2012) into the fields of a draft. */
public interface Intake {

  /**
   * Recognises the document; {@code agencies} are those the editor may use, against which the
   * issuing organ's name is matched.
   *
   * @throws Unreadable when the file is not a DOCX or PDF, cannot be read, or has no text layer
   */
  RecognisedDocument recognise(String fileName, byte[] content, Collection<Agency> agencies);

  /** Why a file cannot be recognised, as a message key ({@code intake.unsupported} and so on). */
  final class Unreadable extends RuntimeException {

    private final String messageKey;

    public Unreadable(String messageKey, Throwable cause) {
      super(messageKey, cause);
      this.messageKey = messageKey;
    }

    public String messageKey() {
      return messageKey;
    }
  }
}
