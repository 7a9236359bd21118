package org.gongkai.site.internal;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How a request finds its site.
 *
 * @param unknownHost What a host name no site names gets: DEFAULT_SITE (the first site answers it)
 *     or NOT_FOUND (public pages answer 404).
 */
@ConfigurationProperties("gongkai.sites")
@Validated
record SitesProperties(@DefaultValue("DEFAULT_SITE") @NotNull UnknownHost unknownHost) {

  enum UnknownHost {
    DEFAULT_SITE,
    NOT_FOUND
  }
}
