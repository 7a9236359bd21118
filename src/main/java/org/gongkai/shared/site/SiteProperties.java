package org.gongkai.shared.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first site's identity, which the 2017 website guideline asks every page to carry in its meta
 * tags: copied into the first site at the first start after the sites migration; from then on sites
 * are changed through the administration.
 *
 * @param name The first site's name (网站名称), also the issuer shown in staff's authenticator apps.
 * @param domain The first site's host name, without scheme.
 * @param idCode The first site's identification code (网站标识码).
 * @param address The first site's public address ('https://www.example.gov.cn') that its feeds,
 *     sitemap and robots.txt link to instead of the request's Host header; set it in production.
 */
@ConfigurationProperties("gongkai.site")
@Validated
public record SiteProperties(
    @NotBlank String name,
    @NotBlank String domain,
    @NotBlank String idCode,
    @Pattern(regexp = "(https?://\\S+)?", message = "must be an http or https address")
        String address) {

  public SiteProperties {
    address = address == null ? "" : address.strip();
    if (address.endsWith("/")) {
      address = address.substring(0, address.length() - 1);
    }
  }
}
