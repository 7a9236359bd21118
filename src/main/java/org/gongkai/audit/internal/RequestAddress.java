package org.gongkai.audit.internal;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The address of the visitor whose request is being served on this thread: the socket's, or the one
 * a trusted proxy forwarded (the container resolves {@code X-Forwarded-For} only from the proxies
 * it is told to trust). Work done outside a request has none.
 */
final class RequestAddress {

  private RequestAddress() {}

  static String current() {
    if (RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes attributes) {
      String address = attributes.getRequest().getRemoteAddr();
      return address != null && address.length() > 64 ? address.substring(0, 64) : address;
    }
    return null;
  }
}
