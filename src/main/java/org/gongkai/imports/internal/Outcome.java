package org.gongkai.imports.internal;

/**
 * What became of one address or row: a document created (in a dry run: would be), skipped as
 * imported already, or refused with its reason.
 */
enum Outcome {
  CREATED,
  SKIPPED,
  REFUSED
}
