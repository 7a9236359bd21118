package org.gongkai.site;

/**
 * PORTAL: a government's portal or disclosure platform, showing the agencies below it; DEPARTMENT:
 * one department's own site.
 */
public enum SiteType {
  PORTAL,
  DEPARTMENT
}
