package org.gongkai.site.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.SiteForm;
import org.gongkai.site.SiteType;
import org.gongkai.site.Sites;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sites for platform administrators and the scripts that set up a consolidated platform. A site
 * reads back in the shape it is written in, so that a script can GET, change and PUT it.
 */
@RestController
@RequestMapping("/api/v1/admin/sites")
class SiteAdminApi {

  private final Sites sites;
  private final StaffAccess access;
  private final AgencyDirectory agencies;

  SiteAdminApi(Sites sites, StaffAccess access, AgencyDirectory agencies) {
    this.sites = sites;
    this.access = access;
    this.agencies = agencies;
  }

  /**
   * A site as a script sends it: agencies by code, as everywhere in the API; {@code agency} is the
   * one agency of a department's site, {@code agencies} a list, both may be given.
   */
  record SiteRequest(
      String name,
      List<String> hosts,
      String agency,
      List<String> agencies,
      String idCode,
      SiteType type,
      String icpFiling,
      String securityFiling,
      String organizer,
      String operator,
      String contact,
      List<String> languages) {

    SiteForm form(AgencyDirectory directory) {
      List<String> codes = new ArrayList<>();
      if (agency != null && !agency.isBlank()) {
        codes.add(agency.strip());
      }
      if (agencies != null) {
        agencies.stream()
            .filter(c -> c != null && !c.isBlank())
            .map(String::strip)
            .forEach(codes::add);
      }
      List<Long> ids = new ArrayList<>();
      for (String code : codes) {
        ids.add(
            directory
                .findByCode(code)
                .orElseThrow(() -> Refusal.invalidField("agency", "agency.not-found"))
                .id());
      }
      return new SiteForm(
          name,
          hosts,
          ids,
          idCode,
          type,
          icpFiling,
          securityFiling,
          organizer,
          operator,
          contact,
          languages);
    }
  }

  /**
   * What the API answers: the request's fields, the id, the canonical host and the default flag.
   */
  record SiteView(
      long id,
      String name,
      List<String> hosts,
      String canonicalHost,
      String agency,
      List<String> agencies,
      String idCode,
      SiteType type,
      String icpFiling,
      String securityFiling,
      String organizer,
      String operator,
      String contact,
      List<String> languages,
      boolean fallback) {

    static SiteView of(Site site, AgencyDirectory directory) {
      List<String> codes = site.agencyIds().stream().map(id -> directory.get(id).code()).toList();
      return new SiteView(
          site.id(),
          site.name(),
          site.hosts(),
          site.canonicalHost(),
          codes.isEmpty() ? null : codes.get(0),
          codes,
          site.idCode(),
          site.type(),
          site.icpFiling(),
          site.securityFiling(),
          site.organizer(),
          site.operator(),
          site.contact(),
          site.languages(),
          site.fallback());
    }
  }

  @GetMapping
  List<SiteView> list() {
    platformAdmin();
    return sites.all().stream().map(s -> SiteView.of(s, agencies)).toList();
  }

  @GetMapping("/{id}")
  SiteView get(@PathVariable long id) {
    platformAdmin();
    return SiteView.of(
        sites.find(id).orElseThrow(() -> Refusal.notFound("site.not-found")), agencies);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<SiteView> create(@RequestBody SiteRequest request) {
    Staff me = platformAdmin();
    Site created = sites.create(request.form(agencies), me);
    return ResponseEntity.created(URI.create("/api/v1/admin/sites/" + created.id()))
        .body(SiteView.of(created, agencies));
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  SiteView update(@PathVariable long id, @RequestBody SiteRequest request) {
    Staff me = platformAdmin();
    return SiteView.of(sites.update(id, request.form(agencies), me), agencies);
  }

  private Staff platformAdmin() {
    Staff me = access.current();
    access.requirePlatformAdmin(me);
    return me;
  }
}
