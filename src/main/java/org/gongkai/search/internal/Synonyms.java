package org.gongkai.search.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Synonym groups looked up at query time, so a change needs no reindex. Immutable; replaced whole.
 */
final class Synonyms {

  static final Synonyms NONE = new Synonyms(List.of());

  private final Map<String, List<String>> byTerm = new HashMap<>();

  Synonyms(List<List<String>> groups) {
    for (List<String> group : groups) {
      List<String> clean =
          group.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
      for (String term : clean) {
        byTerm.computeIfAbsent(term.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).addAll(clean);
      }
    }
  }

  /** The term itself first, then its synonyms. */
  List<String> alternatives(String term) {
    Set<String> result = new LinkedHashSet<>();
    result.add(term);
    result.addAll(byTerm.getOrDefault(term.toLowerCase(Locale.ROOT), List.of()));
    return new ArrayList<>(result);
  }
}
