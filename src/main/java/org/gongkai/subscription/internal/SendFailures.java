package org.gongkai.subscription.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.util.HashSet;
import java.util.Set;

/**
 * What a failed hand-over to the mail server means: permanent when the server refused the address
 * or the message with a 5xx reply (RFC 5321), or the address cannot be written; temporary otherwise
 * (a 4xx reply, a connection that failed). Descriptions leave addresses out.
 */
final class SendFailures {

  private SendFailures() {}

  static boolean permanent(Throwable failure) {
    Set<Throwable> seen = new HashSet<>();
    Throwable at = failure;
    while (at != null && seen.add(at)) {
      if (at instanceof MessagingException && returnCode(at) >= 500) {
        return true;
      }
      if (at instanceof AddressException) {
        return true;
      }
      if (at instanceof SendFailedException f
          && f.getInvalidAddresses() != null
          && f.getInvalidAddresses().length > 0
          && f.getNextException() == null) {
        return true;
      }
      Throwable next = at instanceof MessagingException m ? m.getNextException() : null;
      at = next != null && !seen.contains(next) ? next : at.getCause();
    }
    return false;
  }

  /**
   * The SMTP reply code the provider's exception carries (its {@code getReturnCode()}: the
   * provider's classes are not part of the Jakarta Mail API), or -1.
   */
  static int returnCode(Throwable failure) {
    try {
      Object code = failure.getClass().getMethod("getReturnCode").invoke(failure);
      return code instanceof Integer i ? i : -1;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return -1;
    }
  }

  /** The failure in a line, at most 1,000 characters, with every address taken out. */
  static String describe(Throwable failure) {
    Throwable root = failure;
    Set<Throwable> seen = new HashSet<>();
    while (seen.add(root)) {
      Throwable next = root instanceof MessagingException m ? m.getNextException() : null;
      if (next == null) {
        next = root.getCause();
      }
      if (next == null || seen.contains(next)) {
        break;
      }
      root = next;
    }
    String text =
        root.getClass().getSimpleName()
            + (root.getMessage() == null ? "" : ": " + root.getMessage());
    text = withoutAddresses(text).replaceAll("\\s+", " ").strip();
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  static String withoutAddresses(String text) {
    return text.replaceAll("[^\\s<>\"'(),;:\\[\\]]+@[^\\s<>\"'(),;:\\[\\]]+", "<address>");
  }
}
