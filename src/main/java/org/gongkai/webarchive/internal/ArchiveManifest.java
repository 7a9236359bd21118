package org.gongkai.webarchive.internal;

import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * The manifest beside an archive's files (DA/T 80-2019 asks for fixity): what was archived, when,
 * and each file's name, size and SHA-256, so that the archive can be checked anywhere with {@code
 * sha256sum}.
 */
record ArchiveManifest(
    String format,
    long site,
    String siteName,
    String origin,
    Integer year,
    Instant archivedAt,
    int captures,
    List<File> files) {

  record File(String name, long size, String sha256, String mediaType) {}

  static final String FORMAT = "gongkai-web-archive-manifest/1";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static List<File> files(List<WarcFiles.Kept> kept) {
    return kept.stream().map(k -> new File(k.name(), k.size(), k.sha256(), k.kind())).toList();
  }

  String json() {
    return JSON.writeValueAsString(this);
  }
}
