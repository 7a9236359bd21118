package org.gongkai.catalog;

import java.time.Instant;

/** One line of a document's public change history. */
public record ChangeRecord(int editionNumber, Instant publishedAt, String note) {}
