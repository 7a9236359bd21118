/**
 * Full-text search over the catalog: the {@link org.gongkai.search.SearchIndex} port, its embedded
 * Lucene implementation, query parsing, facets, highlighting, suggestions, synonyms, and the
 * indexer that follows the catalog's events.
 */
package org.gongkai.search;
