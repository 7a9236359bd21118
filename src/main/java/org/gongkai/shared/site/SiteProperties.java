package org.gongkai.shared.site;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The public site's identity, which the 2017 website guideline asks every page to carry in its meta
 * tags.
 *
 * @param name The site's name (网站名称), also the issuer shown in staff's authenticator apps.
 * @param domain The site's domain name, without scheme.
 * @param idCode The site identification code (网站标识码).
 * @param address The public address ('https://www.example.gov.cn') that feeds, the sitemap and
 *     robots.txt link to instead of the request's Host header; set it in production.
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
