package org.gongkai.search;

/**
 * Where a public search looks: SITE, the agencies of the site answering the request (the default);
 * PLATFORM, every agency of the installation.
 */
public enum SearchScope {
  SITE,
  PLATFORM
}
