package org.gongkai.imports.internal;

/**
 * One address of a crawl's frontier or one row of a file, and, once processed, what became of it:
 * {@code pageKind} LIST, DOCUMENT, ROW or BROKEN; the outcome of a document, a row or a page that
 * could not be read, with the reason's message key and its detail.
 */
record ImportItem(
    long id,
    long jobId,
    String url,
    int depth,
    String payload,
    boolean done,
    String pageKind,
    Outcome outcome,
    String reason,
    String detail,
    String title,
    String indexNumber,
    Long documentId) {}
