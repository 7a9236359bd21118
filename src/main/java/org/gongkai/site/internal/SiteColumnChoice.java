package org.gongkai.site.internal;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;

/** A column a site's menu or home page may name, with its agency's name for the picker. */
record SiteColumnChoice(long id, String label) {

  /** The visible columns of the agencies the site shows, in the directory's order. */
  static List<SiteColumnChoice> of(Site site, Sites sites, AgencyDirectory agencies) {
    List<SiteColumnChoice> choices = new ArrayList<>();
    for (Agency agency : agencies.all()) {
      if (!sites.shows(site, agency.id())) {
        continue;
      }
      for (Column column : agencies.visibleColumns(agency.id())) {
        choices.add(new SiteColumnChoice(column.id(), agency.name() + " / " + column.name()));
      }
    }
    return choices;
  }
}
