package org.gongkai.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.gongkai.shared.web.PageResult;

/** The public side of the catalog: published documents only. */
public interface Catalog {

  PageResult<DocumentSummary> published(CatalogQuery query);

  /** The live document; refuses with 404 when never published, 410 when withdrawn. */
  PublicDocument publicDocument(long documentId);

  List<Integer> publicationYears(long agencyId);

  /**
   * The published documents with ids in [{@code fromId}, {@code toId}) and when each last changed,
   * in id order.
   */
  void sitemap(long fromId, long toId, Consumer<SitemapEntry> entry);

  /** The highest id of a published document, 0 when there is none. */
  long lastPublishedDocumentId();

  /** An attachment of a document's live edition, or empty. */
  Optional<AttachmentDownload> publicAttachment(long documentId, long attachmentId);

  /** The live edition of a document for the search index, or empty when it is not public. */
  Optional<IndexableDocument> indexable(long documentId);

  /**
   * The live editions of those of these documents that are public, for the search index, in edition
   * id order; read in one go, so the caller passes a batch of a few hundred.
   */
  List<IndexableDocument> indexable(Collection<Long> documentIds);

  /**
   * Those of these editions that are live and public, for the search index, in id order; read by
   * their primary key in one go, so the caller passes a batch of a few hundred.
   */
  List<IndexableDocument> indexableEditions(Collection<Long> editionIds);

  /**
   * The next {@code limit} editions after {@code afterEditionId}, in id order, and of those the
   * live, proactively disclosed ones, for a full rebuild. {@code lastEditionId} continues the walk;
   * an empty walk has ended.
   */
  IndexableBatch indexableAfter(long afterEditionId, int limit);

  record IndexableBatch(List<IndexableDocument> documents, long lastEditionId, boolean ended) {}

  /** Document id to live edition id, for checking the index against the database. */
  Map<Long, Long> liveEditions();

  long liveCount();

  /** The live, proactively disclosed documents of an agency, to follow its new name. */
  List<Long> liveDocumentsOf(long agencyId);

  /** The live, proactively disclosed documents in a column, to follow its new name. */
  List<Long> liveDocumentsIn(long columnId);

  /** Which of these documents are published now. */
  Set<Long> publishedAmong(Collection<Long> documentIds);

  /**
   * The newest published documents (at most {@code limit}, newest first) whose live edition has one
   * of these words among its keywords (关键词, separated by commas, semicolons, spaces or 、) or as its
   * subject (主题分类): what a topic (专题) gathers by tag.
   */
  List<Long> publishedTagged(Collection<String> tags, int limit);

  /**
   * The published interpretations (解读) of these policies, newest first, each once: what a page
   * listing the policies shows beside them.
   */
  List<LinkedDocument> interpretationsOf(Collection<Long> policyIds);

  /** The stored content of an attachment. */
  InputStream openAttachment(Attachment attachment) throws IOException;

  record SitemapEntry(long documentId, long agencyId, Instant lastModified) {}

  record AttachmentDownload(Attachment attachment, InputStreamSource content) {}

  @FunctionalInterface
  interface InputStreamSource {
    InputStream open() throws IOException;
  }
}
