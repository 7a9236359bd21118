package org.gongkai.shared.web;

import java.util.List;

/**
 * Links other modules add to a catalog document's public page (a call for comments to its final
 * document, and back), so that the portal shows them without knowing those modules.
 */
public interface RelatedLinks {

  List<Link> forDocument(long documentId);

  /**
   * {@code labelKey} names the relation in the message bundle; {@code text} is the linked item's
   * title.
   */
  record Link(String labelKey, String href, String text) {}
}
