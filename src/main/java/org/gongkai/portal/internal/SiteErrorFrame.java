package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongkai.shared.web.ErrorPageFrame;
import org.springframework.stereotype.Component;

/**
 * The frame of a public error page: the site the host names, with its navigation, as on every other
 * page of that site. A host no site answers gets the plain error page.
 */
@Component
class SiteErrorFrame implements ErrorPageFrame {

  private final ServingSite site;
  private final PortalModel model;

  SiteErrorFrame(ServingSite site, PortalModel model) {
    this.site = site;
    this.model = model;
  }

  @Override
  public Map<String, ?> attributes(HttpServletRequest request) {
    Map<String, Object> frame = new LinkedHashMap<>();
    if (site.of(request).isPresent()) {
      frame.put("site", site.require(request));
      frame.put("layout", model.layout(request));
      frame.put("logoHref", model.logoHref(request));
      frame.put("navLinks", model.navLinks(request));
      frame.put("allAgencies", model.allAgencies(request));
    }
    return frame;
  }
}
