package org.gongkai.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Where an address that nothing answers has moved to: an old website's page, brought in by an
 * import, now lives at a new address. Asked only when a request would otherwise answer 404, so it
 * costs the pages that exist nothing.
 */
public interface MovedAddresses {

  /** The path (or absolute address) to send the request to with a 301, if it has moved. */
  Optional<String> movedTo(HttpServletRequest request);
}
