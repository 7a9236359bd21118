package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.SiteLayouts;
import org.gongkai.site.SiteLogo;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The published logo of the site serving the request. Pages link it with its hash ({@code ?v=…}),
 * so a new logo is a new address and downstream caches may keep each one.
 */
@Controller
class SiteLogoController {

  private final ServingSite serving;
  private final SiteLayouts layouts;

  SiteLogoController(ServingSite serving, SiteLayouts layouts) {
    this.serving = serving;
    this.layouts = layouts;
  }

  @GetMapping("/site-logo")
  ResponseEntity<byte[]> logo(HttpServletRequest request) {
    SiteLogo logo =
        layouts
            .logo(serving.require(request).site(), false)
            .orElseThrow(() -> Refusal.notFound("error.not-found"));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(logo.mediaType()))
        .header("X-Content-Type-Options", "nosniff")
        .eTag("\"" + logo.sha256().substring(0, 32) + "\"")
        .body(logo.content());
  }
}
