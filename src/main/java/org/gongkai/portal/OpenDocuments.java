package org.gongkai.portal;

/**
 * The open API's view of a published document ({@code GET /api/v1/documents/{id}}), for modules
 * that hand it to other platforms in the same shape.
 */
public interface OpenDocuments {

  /** The document as the open API answers it, ready to be written as JSON. */
  Object documentView(long documentId);
}
