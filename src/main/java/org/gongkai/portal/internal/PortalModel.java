package org.gongkai.portal.internal;

import java.util.List;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.PublicPage;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every portal page shows around its content: the site's identity and the agency list. */
@ControllerAdvice(annotations = PublicPage.class)
class PortalModel {

  private final SiteSettings site;
  private final AgencyDirectory agencies;

  PortalModel(SiteSettings site, AgencyDirectory agencies) {
    this.site = site;
    this.agencies = agencies;
  }

  @ModelAttribute("site")
  SiteSettings site() {
    return site;
  }

  @ModelAttribute("allAgencies")
  List<Agency> allAgencies() {
    return agencies.all();
  }
}
