package org.gongkai.shared.storage;

/**
 * Tells the daily sweep which files of an area a record still names. A module that keeps files
 * provides one per area; an area nobody answers for is never swept.
 */
public interface FileReferences {

  String area();

  boolean isReferenced(String sha256);
}
