package org.gongkai.backup.internal;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON of archives: ISO-8601 dates, unknown fields of newer archives ignored. */
final class ArchiveJson {

  private ArchiveJson() {}

  static JsonMapper mapper() {
    return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  }
}
