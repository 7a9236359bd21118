package org.gongkai.search;

import java.util.List;

/** Search as the portal, the console and the open API use it. */
public interface Search {

  /** Refuses with 503 only while a fresh index is first being built. */
  SearchResult search(SearchQuery query);

  /** Titles and frequent queries that continue what the user has typed. */
  List<String> suggest(String prefix);

  IndexStatus status();

  /** Starts a full rebuild in the background; the current index answers until it is done. */
  boolean startRebuild(String actor);
}
