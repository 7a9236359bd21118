package org.gongkai.shared.web;

import java.net.InetAddress;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Credentials for a service the platform calls (OpenSearch, S3) sent over plain HTTP to another
 * machine can be read by anyone on the way: the platform says so loudly at start-up. Loopback is
 * exempt (a sidecar or a tunnel on the same machine).
 */
public final class PlainHttpCredentials {

  private static final Logger log = LoggerFactory.getLogger(PlainHttpCredentials.class);

  private PlainHttpCredentials() {}

  /** Whether sending credentials to {@code endpoint} exposes them; logs a warning when it does. */
  public static boolean warnIfExposed(String service, String endpoint, boolean credentials) {
    if (!credentials || endpoint == null || endpoint.isBlank()) {
      return false;
    }
    URI uri;
    try {
      uri = URI.create(endpoint.strip());
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || isLoopback(uri.getHost())) {
      return false;
    }
    log.warn(
        "{} credentials are sent over plain HTTP to {}: anyone on the network can read them; use"
            + " https",
        service,
        uri.getHost());
    return true;
  }

  private static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    // Only literals are checked: a name is not looked up here.
    if (!h.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (Exception e) {
      return false;
    }
  }
}
