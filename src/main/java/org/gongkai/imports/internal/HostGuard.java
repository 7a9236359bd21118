package org.gongkai.imports.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Where an import may send a request: http(s) only, only to the hosts the import named, and not to
 * this machine or a private or link-local network (someone starting an import must not reach the
 * installation's own services or a cloud's metadata address through it) unless {@code
 * gongkai.imports.allow-private-addresses} says so. Checked before every request, redirects
 * included.
 */
@Component
class HostGuard {

  private final boolean allowPrivate;

  HostGuard(ImportsProperties settings) {
    this.allowPrivate = settings.allowPrivateAddresses();
  }

  /** The message key of the reason the address may not be visited, if it may not. */
  Optional<String> refusal(URI uri, Collection<String> hosts) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return Optional.of("import.url.invalid");
    }
    if (!hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
      return Optional.of("import.url.host-not-named");
    }
    return privateAddress(uri.getHost());
  }

  /** The reason a host may not be visited for its address, if it may not. */
  Optional<String> privateAddress(String host) {
    if (allowPrivate) {
      return Optional.empty();
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (address.isLoopbackAddress()
            || address.isSiteLocalAddress()
            || address.isLinkLocalAddress()
            || address.isAnyLocalAddress()
            || address.isMulticastAddress()
            || isUniqueLocal(address)) {
          return Optional.of("import.url.private");
        }
      }
    } catch (UnknownHostException e) {
      return Optional.of("import.url.unknown-host");
    }
    return Optional.empty();
  }

  private static boolean isUniqueLocal(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
  }
}
