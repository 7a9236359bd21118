package org.gongkai.site;

import java.util.List;
import java.util.Optional;
import org.gongkai.account.Staff;

/** The websites of the installation; platform administrators create and change them. */
public interface Sites {

  List<Site> all();

  Optional<Site> find(long id);

  /** The site that answers a host no site names: the installation's first site. */
  Site fallback();

  Site create(SiteForm form, Staff actor);

  Site update(long id, SiteForm form, Staff actor);
}
