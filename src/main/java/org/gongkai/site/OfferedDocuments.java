package org.gongkai.site;

import java.util.Collection;
import java.util.Set;

/**
 * The catalog as offers read it, implemented by the catalog module (which depends on sites, so
 * sites cannot depend on it).
 */
public interface OfferedDocuments {

  /** The live document; refuses with 404 when never published, 410 when withdrawn. */
  Live live(long documentId);

  /** Which of these documents are published now. */
  Set<Long> publishedAmong(Collection<Long> documentIds);

  record Live(long id, long agencyId, String title) {}
}
