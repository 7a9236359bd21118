package org.gongkai.webarchive.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogQuery;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.portal.PublicSiteWalk;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.PageResult;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * Writes one archive: walks the site as its visitors see it (the portal's {@link PublicSiteWalk}),
 * each address asked of this node and recorded as it came back; for a year, the document pages (and
 * their attachments) of documents published in that year only, every other page as it is at the
 * time of archiving. The files go to the file store as each is finished.
 */
@Component
class ArchiveRun {

  static final String AREA = "web-archives";

  private static final Pattern DOCUMENT = Pattern.compile("^/documents/(\\d+)(/[^?]*)?(\\?.*)?$");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
  private static final int MAX_ERRORS = 30;

  /** What came of a run. */
  record Outcome(WebArchiveRepository.Counts counts, List<String> errors) {}

  /** Where a run reports its progress and its finished files. */
  interface Progress {
    void counts(WebArchiveRepository.Counts counts);

    void file(WebArchiveRepository.File file);
  }

  private final PublicSiteWalk walk;
  private final Sites sites;
  private final Catalog catalog;
  private final StoredFiles files;
  private final WebArchiveProperties settings;
  private final Clock clock;

  ArchiveRun(
      PublicSiteWalk walk,
      Sites sites,
      Catalog catalog,
      StoredFiles files,
      WebArchiveProperties settings,
      Clock clock) {
    this.walk = walk;
    this.sites = sites;
    this.catalog = catalog;
    this.files = files;
    this.settings = settings;
    this.clock = clock;
  }

  /** The name every file of an archive begins with. */
  static String prefix(long siteId, Integer year, Instant startedAt) {
    return "gongkai-site"
        + siteId
        + "-"
        + (year == null ? "all" : year.toString())
        + "-"
        + STAMP.format(startedAt);
  }

  Outcome write(WebArchiveRepository.Archive archive, Instant startedAt, Progress progress)
      throws IOException {
    Site site = sites.find(archive.siteId()).orElseThrow();
    PublicSiteWalk.Entry entry = walk.entry(site.id());
    Integer year = archive.year();
    Set<Long> ofYear = year == null ? null : documentsOf(site, year);
    Predicate<String> include = address -> ofYear == null || inYear(address, ofYear);
    List<String> seeds = new ArrayList<>();
    if (ofYear != null) {
      ofYear.stream().sorted().forEach(id -> seeds.add("/documents/" + id));
    }
    HttpCapture capture =
        new HttpCapture(
            entry.port(),
            entry.headers(),
            settings.timeout(),
            settings.maxResponseSize().toBytes());
    String prefix = prefix(site.id(), year, startedAt);
    Tally tally = new Tally();
    List<String> errors = new ArrayList<>();
    try (WarcFiles warc =
        new WarcFiles(
            prefix,
            settings.maxFileSize().toBytes(),
            info(site, entry, year),
            () -> files.newStagingFile(AREA),
            (name, type, path) -> {
              StoredFiles.StoredFile kept = files.storeWritten(AREA, name, type, path);
              progress.file(new WebArchiveRepository.File(name, type, kept.sha256(), kept.size()));
              return new WarcFiles.Kept(name, type, kept.sha256(), kept.size());
            })) {
      walk.walk(
          site.id(),
          seeds,
          settings.maxPages(),
          include,
          address -> {
            HttpCapture.Exchange exchange;
            URI target;
            try {
              exchange = capture.fetch(address, Instant.now(clock));
              target = WarcFiles.target(entry.origin(), address);
            } catch (IOException e) {
              tally.failures++;
              note(errors, address + ": " + e.getMessage());
              throw e;
            }
            // A file that cannot be written ends the run: an archive with a hole is no archive.
            try {
              warc.write(exchange, target);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            tally.add(address, exchange.status(), warc.bytes());
            if (exchange.status() != 200) {
              note(errors, address + ": HTTP " + exchange.status());
            }
            if (tally.captures % 50 == 0) {
              progress.counts(tally.counts());
            }
            return new PublicSiteWalk.Visited(
                exchange.status(), exchange.contentType(), exchange.payload());
          });
      warc.finish(
          kept ->
              new ArchiveManifest(
                      ArchiveManifest.FORMAT,
                      site.id(),
                      site.name(),
                      entry.origin(),
                      year,
                      startedAt,
                      tally.captures,
                      ArchiveManifest.files(kept))
                  .json());
    }
    return new Outcome(tally.counts(), errors);
  }

  private static void note(List<String> errors, String error) {
    if (errors.size() < MAX_ERRORS) {
      errors.add(error);
    }
  }

  private static boolean inYear(String address, Set<Long> ofYear) {
    Matcher m = DOCUMENT.matcher(address);
    return !m.matches() || ofYear.contains(Long.parseLong(m.group(1)));
  }

  /** The site's documents published in the year, as its catalog lists them. */
  private Set<Long> documentsOf(Site site, int year) {
    Set<Long> scope = sites.agencyScope(site).orElse(null);
    Set<Long> ids = new HashSet<>();
    for (int page = 1; ; page++) {
      PageResult<DocumentSummary> result =
          catalog.published(new CatalogQuery(scope, null, year, null, null, page, 500));
      result.items().forEach(d -> ids.add(d.id()));
      if (!result.hasNext()) {
        return ids;
      }
    }
  }

  private static Map<String, List<String>> info(
      Site site, PublicSiteWalk.Entry entry, Integer year) {
    Map<String, List<String>> info = new LinkedHashMap<>();
    info.put("software", List.of("Gongkai web archive (jwarc)"));
    info.put("format", List.of("WARC File Format 1.1"));
    info.put(
        "conformsTo",
        List.of("https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"));
    info.put("isPartOf", List.of(site.name() + (year == null ? "" : " " + year)));
    info.put(
        "description",
        List.of(
            entry.origin()
                + (year == null
                    ? ": every page of the site"
                    : ": the documents published in "
                        + year
                        + " and every other page as served on the day of archiving")));
    info.put("http-header-user-agent", List.of(HttpCapture.USER_AGENT));
    info.put("robots", List.of("ignore: the platform archives its own site"));
    if (site.idCode() != null && !site.idCode().isBlank()) {
      info.put("siteIdCode", List.of(site.idCode()));
    }
    return info;
  }

  /** Counts as the walk goes. */
  private static final class Tally {
    int captures;
    int documents;
    int attachments;
    int failures;
    long bytes;

    void add(String address, int status, long httpBytes) {
      captures++;
      bytes = httpBytes;
      if (status != 200) {
        failures++;
        return;
      }
      Matcher m = DOCUMENT.matcher(address);
      if (m.matches() && m.group(2) == null) {
        documents++;
      } else if (address.contains("/attachments/")) {
        attachments++;
      }
    }

    WebArchiveRepository.Counts counts() {
      return new WebArchiveRepository.Counts(captures, documents, attachments, failures, bytes);
    }
  }
}
