package org.gongkai.site;

import jakarta.servlet.http.HttpServletRequest;
import org.gongkai.shared.site.SiteProperties;
import org.springframework.stereotype.Component;

/** Where staff reach a site's public pages from the console they are looking at. */
@Component
public class SiteAddresses {

  private final String firstSiteAddress;

  public SiteAddresses(SiteProperties settings) {
    this.firstSiteAddress = settings.address();
  }

  /**
   * The site's address as staff reach it from here: the first site's configured address when set;
   * else its canonical host, on this console's scheme and port when the console is on a port of its
   * own (a platform tried out locally), else over https.
   */
  public String of(Site site, HttpServletRequest request) {
    if (site.fallback() && !firstSiteAddress.isBlank()) {
      return firstSiteAddress;
    }
    int port = request.getServerPort();
    boolean defaultPort = port == 80 || port == 443;
    return defaultPort
        ? "https://" + site.canonicalHost()
        : request.getScheme() + "://" + site.canonicalHost() + ":" + port;
  }
}
