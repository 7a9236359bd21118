package org.gongkai.imports.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Staff;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports from a file: its rows read whole first (a file that cannot be read, or a header the
 * mapping names and the file lacks, keeps nothing), then each row an item of the import, processed
 * by the same pipeline as a crawled page: dry run, skips, refusals and the report alike.
 */
@Service
class FileImports {

  /** How a file is read: the import's settings and which header holds which field. */
  record FileMapping(
      String agency,
      boolean dryRun,
      Map<String, Long> columnMapping,
      Map<String, String> fields,
      Double rateLimitPerSecond,
      Integer maxDocuments) {}

  private final Imports imports;
  private final ImportFiles files;
  private final JsonMapper json;

  FileImports(Imports imports, JsonMapper json) {
    this.imports = imports;
    this.json = json;
    this.files = new ImportFiles(PageLabels.load(), json);
  }

  long start(String fileName, byte[] content, FileMapping mapping, Staff actor) {
    Imports.Start start =
        new Imports.Start(
            List.of(),
            mapping.agency(),
            mapping.dryRun(),
            mapping.columnMapping(),
            mapping.rateLimitPerSecond(),
            mapping.maxDocuments());
    imports.agencyId(mapping.agency(), actor);
    List<ImportFiles.Read> read =
        files.read(fileName, content, mapping.fields() == null ? Map.of() : mapping.fields());
    List<Imports.Row> rows = new ArrayList<>();
    Set<String> hosts = new LinkedHashSet<>();
    for (ImportFiles.Read r : read) {
      Candidate c = r.candidate();
      Optional<URI> source = c.sourceUrl() == null ? Optional.empty() : Urls.parse(c.sourceUrl());
      Candidate kept = source.isPresent() || c.sourceUrl() == null ? c : withoutSource(c);
      for (String attachment : c.attachments()) {
        Urls.parse(attachment).ifPresent(u -> hosts.add(u.getHost()));
      }
      rows.add(
          new Imports.Row(
              source.map(URI::toString).orElse(r.where()),
              source.map(Urls::key).orElse(r.where()),
              json.writeValueAsString(
                  source.isPresent() ? withSource(kept, source.get().toString()) : kept)));
    }
    return imports.startFile(start, fileName, rows, hosts, actor);
  }

  private static Candidate withoutSource(Candidate c) {
    return withSource(c, null);
  }

  private static Candidate withSource(Candidate c, String url) {
    return new Candidate(
        url,
        c.title(),
        c.indexNumber(),
        c.column(),
        c.publishedOn(),
        c.issuedOn(),
        c.docNumber(),
        c.topic(),
        c.keywords(),
        c.source(),
        c.validity(),
        c.summary(),
        c.bodyHtml(),
        c.attachments());
  }
}
