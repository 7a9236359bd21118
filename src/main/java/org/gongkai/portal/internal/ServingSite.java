package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import org.gongkai.shared.site.SiteProperties;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Offers;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * The site a public request is for, chosen by its host name: the {@code Host} header, or behind a
 * trusted proxy ({@code server.tomcat.remoteip.internal-proxies}) its {@code X-Forwarded-Host},
 * which the container has already put in its place. Looked up once per request.
 */
@Component
class ServingSite {

  private static final String ATTRIBUTE = ServingSite.class.getName();

  private final Sites sites;
  private final Offers offers;
  private final String firstSiteAddress;

  ServingSite(Sites sites, Offers offers, SiteProperties settings) {
    this.sites = sites;
    this.offers = offers;
    this.firstSiteAddress = settings.address();
  }

  /** The site answering this request; empty when no site names its host and none stands in. */
  Optional<Site> of(HttpServletRequest request) {
    Object kept = request.getAttribute(ATTRIBUTE);
    if (kept instanceof Site site) {
      return Optional.of(site);
    }
    Optional<Site> site = sites.serving(request.getServerName());
    site.ifPresent(s -> request.setAttribute(ATTRIBUTE, s));
    return site;
  }

  /** The site answering this request; a 404 refusal when there is none. */
  SiteView require(HttpServletRequest request) {
    Site site = of(request).orElseThrow(() -> Refusal.notFound("error.not-found"));
    return new SiteView(site, address(site, request));
  }

  /**
   * Serves the rest of this request as the site's, whichever host it came on: a preview in the
   * console renders the site's pages with the public pages' own code.
   */
  void serveAs(HttpServletRequest request, Site site) {
    request.setAttribute(ATTRIBUTE, site);
  }

  /** What a page says of a site it previews, whichever host the console is on. */
  SiteView preview(Site site) {
    return new SiteView(site, "https://" + site.canonicalHost());
  }

  /**
   * Refuses with 404 unless the site serving the request shows the agency's catalog: a document or
   * an agency page of another site's agencies is not on this one.
   */
  void requireShown(HttpServletRequest request, long agencyId) {
    if (!shows(request, agencyId)) {
      throw Refusal.notFound("error.not-found");
    }
  }

  /** Whether the site serving the request shows the agency's catalog. */
  boolean shows(HttpServletRequest request, long agencyId) {
    return sites.shows(require(request).site(), agencyId);
  }

  /**
   * Refuses with 404 unless the serving site shows the document: it shows its agency's catalog, or
   * its editors accepted the document when it was offered to them.
   */
  void requireShown(HttpServletRequest request, long agencyId, long documentId) {
    Site site = require(request).site();
    if (!sites.shows(site, agencyId) && !offers.acceptedOn(site.id()).contains(documentId)) {
      throw Refusal.notFound("error.not-found");
    }
  }

  /** The documents the serving site's editors accepted into these columns. */
  java.util.Set<Long> accepted(HttpServletRequest request, java.util.Collection<Long> columnIds) {
    return offers.acceptedIn(require(request).site().id(), columnIds);
  }

  /**
   * The documents the site serving the request, if any, accepted into these columns: for the API,
   * which answers on any host.
   */
  java.util.Set<Long> acceptedIfServed(
      HttpServletRequest request, java.util.Collection<Long> columnIds) {
    return of(request).map(s -> offers.acceptedIn(s.id(), columnIds)).orElse(java.util.Set.of());
  }

  /** The column of the serving site the document was accepted into. */
  Optional<Long> acceptedColumn(HttpServletRequest request, long documentId) {
    return offers.acceptedColumn(require(request).site().id(), documentId);
  }

  /** Every document the serving site's editors accepted. */
  java.util.Set<Long> accepted(HttpServletRequest request) {
    return offers.acceptedOn(require(request).site().id());
  }

  /** The agencies the serving site shows (subtrees included); empty when it shows every agency. */
  Optional<java.util.Set<Long>> scope(HttpServletRequest request) {
    return sites.agencyScope(require(request).site());
  }

  /** Whether the site serving the request is the agency's own. */
  boolean isHome(HttpServletRequest request, long agencyId) {
    return sites.home(agencyId).id() == require(request).site().id();
  }

  /**
   * The address of the agency's own site, as the visitor of this request reaches it: where a
   * document's canonical link points from whichever site shows it.
   */
  String homeAddress(HttpServletRequest request, long agencyId) {
    SiteView serving = require(request);
    Site home = sites.home(agencyId);
    if (home.fallback() && !firstSiteAddress.isBlank()) {
      return firstSiteAddress;
    }
    // Scheme and port follow the visitor only on one of the serving site's own names (a site tried
    // out on a port); this machine's address (the static export's fetches) and anything else get
    // the canonical https address a search engine keeps, the same whichever way the page was
    // fetched.
    return serving.site().hosts().contains(request.getServerName().toLowerCase(Locale.ROOT))
        ? origin(request, home.canonicalHost())
        : "https://" + home.canonicalHost();
  }

  /**
   * The public address that feeds, the sitemap and robots.txt link to. For the first site {@code
   * gongkai.site.address} when set. Else the address the visitor used when it is one of the site's
   * host names or this machine, keeping its port; else the site's canonical host: a forged Host
   * header never gets into a link that a feed reader or a search engine keeps.
   */
  private String address(Site site, HttpServletRequest request) {
    if (site.fallback() && !firstSiteAddress.isBlank()) {
      return firstSiteAddress;
    }
    return trusted(site, request)
        ? origin(request, request.getServerName().toLowerCase(Locale.ROOT))
        : "https://" + site.canonicalHost();
  }

  /** Whether the request named one of the site's host names or this machine, not a forged one. */
  private static boolean trusted(Site site, HttpServletRequest request) {
    String host = request.getServerName().toLowerCase(Locale.ROOT);
    return site.hosts().contains(host)
        || host.equals("localhost")
        || host.equals("127.0.0.1")
        || host.equals("[::1]")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  /** {@code host} with the request's scheme, port and context path. */
  private static String origin(HttpServletRequest request, String host) {
    boolean defaultPort =
        request.getServerPort() == ("https".equals(request.getScheme()) ? 443 : 80);
    return request.getScheme()
        + "://"
        + host
        + (defaultPort ? "" : ":" + request.getServerPort())
        + request.getContextPath();
  }

  /**
   * What a page says of the site serving it (the 2017 guideline's meta tags, the header and the
   * footer), with getters for the templates.
   */
  static final class SiteView {

    private final Site site;
    private final String address;

    SiteView(Site site, String address) {
      this.site = site;
      this.address = address;
    }

    Site site() {
      return site;
    }

    String address() {
      return address;
    }

    public long getId() {
      return site.id();
    }

    public String getName() {
      return site.name();
    }

    /** The canonical host name: the guideline's SiteDomain. */
    public String getDomain() {
      return site.canonicalHost();
    }

    public String getIdCode() {
      return site.idCode();
    }

    public String getIcpFiling() {
      return site.icpFiling();
    }

    public String getSecurityFiling() {
      return site.securityFiling();
    }

    public String getOrganizer() {
      return site.organizer();
    }

    public String getOperator() {
      return site.operator();
    }

    public String getContact() {
      return site.contact();
    }
  }
}
