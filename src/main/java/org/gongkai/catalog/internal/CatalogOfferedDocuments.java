package org.gongkai.catalog.internal;

import java.util.Collection;
import java.util.Set;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.PublicDocument;
import org.gongkai.site.OfferedDocuments;
import org.springframework.stereotype.Component;

/** Published documents for offers to other sites (信息报送). */
@Component
class CatalogOfferedDocuments implements OfferedDocuments {

  private final Catalog catalog;

  CatalogOfferedDocuments(Catalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Live live(long documentId) {
    PublicDocument doc = catalog.publicDocument(documentId);
    return new Live(doc.id(), doc.agencyId(), doc.edition().title());
  }

  @Override
  public Set<Long> publishedAmong(Collection<Long> documentIds) {
    return catalog.publishedAmong(documentIds);
  }
}
