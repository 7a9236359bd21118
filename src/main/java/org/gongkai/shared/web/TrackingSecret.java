package org.gongkai.shared.web;

/**
 * The secret that goes with a tracking code. Clients send it in the {@value #HEADER} header, which
 * no proxy or server writes to its access log; the {@code secret} query parameter of earlier
 * clients still works, and the access log pattern leaves query strings out.
 */
public final class TrackingSecret {

  public static final String HEADER = "X-Tracking-Secret";

  private TrackingSecret() {}

  /** The header when sent, else the query parameter. */
  public static String pick(String header, String queryParameter) {
    return header != null && !header.isBlank() ? header.strip() : queryParameter;
  }
}
