package org.gongkai.catalog;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.gongkai.shared.web.PageResult;

/** The public side of the catalog: published documents only. */
public interface Catalog {

  PageResult<DocumentSummary> published(CatalogQuery query);

  /** The live document; refuses with 404 when never published, 410 when withdrawn. */
  PublicDocument publicDocument(long documentId);

  List<Integer> publicationYears(long agencyId);

  /** Every published document and when it last changed, for the sitemap. */
  List<SitemapEntry> sitemap();

  /** An attachment of a document's live edition, or empty. */
  Optional<AttachmentDownload> publicAttachment(long documentId, long attachmentId);

  record SitemapEntry(long documentId, Instant lastModified) {}

  record AttachmentDownload(Attachment attachment, InputStreamSource content) {}

  @FunctionalInterface
  interface InputStreamSource {
    InputStream open() throws java.io.IOException;
  }
}
