package org.gongkai.imports.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.gongkai.catalog.Editorial;
import org.gongkai.shared.storage.FileTypes;
import org.springframework.stereotype.Component;

/**
 * A document's attachments fetched from the old site: only from the import's hosts, each within the
 * size limit and of a type the catalog takes (by its bytes, not its name). One that fails refuses
 * the document: a document is not brought in without the files it refers to.
 */
@Component
class Attachments {

  private final Fetcher fetcher;
  private final long maxBytes;

  Attachments(Fetcher fetcher, ImportsProperties settings) {
    this.fetcher = fetcher;
    this.maxBytes = settings.maxAttachmentBytes().toBytes();
  }

  /** The files, or the reason (message key and detail) one of them could not be had. */
  record Fetched(List<Editorial.Upload> uploads, String reason, String detail) {}

  Fetched fetch(List<String> urls, Collection<String> hosts, Pacer pacer) {
    List<Editorial.Upload> uploads = new ArrayList<>();
    for (String url : urls) {
      Optional<URI> uri = Urls.parse(url);
      if (uri.isEmpty()) {
        return new Fetched(List.of(), "import.refused.attachment", url);
      }
      byte[] content;
      try {
        content = fetcher.get(uri.get(), maxBytes, hosts, pacer).body();
      } catch (Fetcher.FetchFailed e) {
        return new Fetched(List.of(), "import.refused.attachment", url + " " + e.reason());
      }
      String name = fileName(uri.get());
      if (!typed(content, name)) {
        return new Fetched(List.of(), "import.refused.attachment-type", name);
      }
      uploads.add(new Editorial.Upload(name, content));
    }
    return new Fetched(uploads, null, null);
  }

  static String fileName(URI uri) {
    String path = uri.getRawPath();
    String last = path.substring(path.lastIndexOf('/') + 1);
    String name = URLDecoder.decode(last, StandardCharsets.UTF_8);
    return name.isBlank() ? "attachment" : name;
  }

  private static boolean typed(byte[] content, String name) {
    Path file = null;
    try {
      file = Files.createTempFile("gongkai-import", ".bin");
      Files.write(file, content);
      return FileTypes.detect(file, name).isPresent();
    } catch (IOException e) {
      return false;
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file the system cleans up
        }
      }
    }
  }
}
