package org.gongkai.shared.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The unit a per-address limit counts: an IPv4 address, or the /64 network of an IPv6 address. A
 * home or a server is handed a whole /64 and can send from any of its 2^64 addresses, so counting
 * each address alone would count nothing.
 */
public final class ClientAddresses {

  private ClientAddresses() {}

  public static String limitKey(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return String.valueOf(address);
    }
    try {
      // A literal (it has a colon), so no name is looked up.
      InetAddress parsed = InetAddress.getByName(address);
      if (parsed instanceof Inet6Address v6) {
        byte[] bytes = v6.getAddress();
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
          prefix.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF)));
          prefix.append(':');
        }
        return prefix.append(":/64").toString();
      }
      return parsed.getHostAddress();
    } catch (UnknownHostException | SecurityException e) {
      return address;
    }
  }
}
