package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.gongkai.shared.site.SiteProperties;
import org.springframework.stereotype.Component;

/** The site identity that the 2017 website guideline asks every page to carry in its meta tags. */
@Component
class SiteSettings {

  private final String name;
  private final String domain;
  private final String idCode;
  private final String address;

  SiteSettings(SiteProperties site) {
    this.name = site.name();
    this.domain = site.domain();
    this.idCode = site.idCode();
    this.address = site.address();
  }

  /**
   * The public address that feeds, the sitemap and robots.txt link to: {@code gongkai.site.address}
   * when set, as it should be in production. Without it, the address the visitor used when that is
   * the site's domain or this machine, else the site's domain: a forged Host header never gets into
   * a link that a feed reader or a search engine keeps.
   */
  String address(HttpServletRequest request) {
    if (!address.isBlank()) {
      return address;
    }
    String host = request.getServerName();
    boolean trusted =
        host.equalsIgnoreCase(domain)
            || host.equals("localhost")
            || host.equals("127.0.0.1")
            || host.equals("[::1]")
            || host.equals("0:0:0:0:0:0:0:1");
    if (!trusted) {
      return "https://" + domain;
    }
    boolean defaultPort =
        request.getServerPort() == ("https".equals(request.getScheme()) ? 443 : 80);
    return request.getScheme()
        + "://"
        + host
        + (defaultPort ? "" : ":" + request.getServerPort())
        + request.getContextPath();
  }

  public String getName() {
    return name;
  }

  public String getDomain() {
    return domain;
  }

  public String getIdCode() {
    return idCode;
  }
}
