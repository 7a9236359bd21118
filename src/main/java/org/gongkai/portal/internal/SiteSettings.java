package org.gongkai.portal.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The site identity that the 2017 website guideline asks every page to carry in its meta tags. */
@Component
class SiteSettings {

  private final String name;
  private final String domain;
  private final String idCode;

  SiteSettings(@Value("${gongkai.site.name}") String name, @Value("${gongkai.site.domain}") String domain,
      @Value("${gongkai.site.id-code}") String idCode) {
    this.name = name;
    this.domain = domain;
    this.idCode = idCode;
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
