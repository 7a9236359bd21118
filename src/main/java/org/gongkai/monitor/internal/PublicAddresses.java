package org.gongkai.monitor.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Which addresses the link checker may connect to: the public internet only. Loopback, private (RFC
 * 1918, IPv6 unique-local), link-local (which holds the cloud metadata service at 169.254.169.254),
 * carrier-grade NAT, multicast, reserved and translation ranges are refused, so that a link in a
 * document cannot make the server reach into its own network. An operator may name networks to
 * allow besides (an e-government extranet, say).
 */
final class PublicAddresses implements Predicate<InetAddress> {

  private static final List<IpAddressMatcher> NOT_PUBLIC =
      List.of(
              "0.0.0.0/8",
              "100.64.0.0/10",
              "192.0.0.0/24",
              "192.0.2.0/24",
              "198.18.0.0/15",
              "198.51.100.0/24",
              "203.0.113.0/24",
              "240.0.0.0/4",
              "255.255.255.255/32",
              "fc00::/7",
              "64:ff9b::/96",
              "64:ff9b:1::/48",
              "2001::/32",
              "2001:db8::/32",
              "2002::/16",
              "100::/64")
          .stream()
          .map(IpAddressMatcher::new)
          .toList();

  private final List<IpAddressMatcher> allowed;

  PublicAddresses(List<String> allowedNetworks) {
    this.allowed =
        allowedNetworks.stream()
            .filter(n -> !n.isBlank())
            .map(String::trim)
            .map(IpAddressMatcher::new)
            .toList();
  }

  @Override
  public boolean test(InetAddress address) {
    String text = address.getHostAddress();
    if (allowed.stream().anyMatch(m -> m.matches(text))) {
      return true;
    }
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    return NOT_PUBLIC.stream().noneMatch(m -> m.matches(text));
  }
}
