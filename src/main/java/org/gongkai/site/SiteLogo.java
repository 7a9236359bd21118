package org.gongkai.site;

/** A site's logo: a PNG or JPEG image checked on upload, and its SHA-256. */
public record SiteLogo(String mediaType, byte[] content, String sha256) {}
