package org.gongkai.syndication.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Where deliveries may go: http or https only, and not to this machine or a private network
 * (someone registering an endpoint must not reach the installation's own services through it)
 * unless {@code gongkai.syndication.allow-private-addresses} says so.
 */
@Component
class AddressPolicy {

  private final SyndicationProperties settings;

  AddressPolicy(SyndicationProperties settings) {
    this.settings = settings;
  }

  /** Null if the address may be used, else the message key of the reason. */
  String refusal(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      return "webhook.url.invalid";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      return "webhook.url.invalid";
    }
    if (settings.allowPrivateAddresses()) {
      return null;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
        if (address.isLoopbackAddress()
            || address.isSiteLocalAddress()
            || address.isLinkLocalAddress()
            || address.isAnyLocalAddress()
            || address.isMulticastAddress()
            || isUniqueLocal(address)) {
          return "webhook.url.private";
        }
      }
    } catch (UnknownHostException e) {
      return "webhook.url.unknown-host";
    }
    return null;
  }

  private static boolean isUniqueLocal(InetAddress address) {
    byte[] bytes = address.getAddress();
    return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
  }
}
