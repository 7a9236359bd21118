package org.gongkai.site;

import java.util.Optional;
import org.gongkai.account.Staff;

/**
 * The layout of each site: a draft its administrators edit and preview, and the published copy the
 * public pages show. A site's administrators are the platform administrators and the agency
 * administrators of the site's own agencies.
 */
public interface SiteLayouts {

  /** The published layout, or the platform's default for a site that has published none. */
  SiteLayout live(Site site);

  /**
   * The draft, for its administrators: the published layout (or the default) until they change it.
   */
  SiteLayout draft(Site site, Staff actor);

  /** Whether the member of staff administers the site's layout. */
  boolean mayEdit(Staff staff, Site site);

  /** Throws a 403 refusal unless the member of staff administers the site's layout. */
  void requireEditor(Staff staff, Site site);

  /** Replaces the draft, checked field by field; audited as {@code action}. */
  SiteLayout saveDraft(Site site, SiteLayout layout, Staff actor, String action);

  /** The draft becomes the published layout, and the site's pages follow. */
  void publish(Site site, Staff actor);

  /** The logo of the published layout ({@code draft} false) or of the draft. */
  Optional<SiteLogo> logo(Site site, boolean draft);

  /** Sets the draft's logo: a PNG or a JPEG within the size limit, else a 400 naming the file. */
  void uploadLogo(Site site, String fileName, byte[] content, Staff actor);

  void removeLogo(Site site, Staff actor);
}
