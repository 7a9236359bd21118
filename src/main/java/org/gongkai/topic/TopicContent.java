package org.gongkai.topic;

import java.time.LocalDate;
import java.util.List;

/**
 * What a topic says: its title, introduction (paragraphs separated by blank lines), the tags that
 * gather documents into it, its sections, and the dates it is open between ({@code closesOn} null:
 * open with no end). A section gathers the documents of its own tags and those put in it by hand.
 */
public record TopicContent(
    String title,
    String introduction,
    List<String> tags,
    List<Section> sections,
    LocalDate opensOn,
    LocalDate closesOn) {

  public TopicContent {
    title = title == null ? "" : title;
    introduction = introduction == null ? "" : introduction;
    tags = tags == null ? List.of() : List.copyOf(tags);
    sections = sections == null ? List.of() : List.copyOf(sections);
  }

  /** A part of the topic's page. */
  public record Section(String name, List<String> tags) {
    public Section {
      name = name == null ? "" : name;
      tags = tags == null ? List.of() : List.copyOf(tags);
    }
  }

  /** Whether the topic is open on {@code day}: on or after it opens and not after it closes. */
  public boolean openOn(LocalDate day) {
    return opensOn != null
        && !day.isBefore(opensOn)
        && (closesOn == null || !day.isAfter(closesOn));
  }

  /** The introduction's paragraphs, for the page. */
  public List<String> paragraphs() {
    return java.util.Arrays.stream(introduction.split("\\R\\s*\\R"))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
  }

  /** The section whose tags (or, failing those, the topic's own) name one of these words. */
  public String sectionFor(java.util.Collection<String> words) {
    for (Section s : sections) {
      if (s.tags().stream().anyMatch(t -> words.contains(t.toLowerCase(java.util.Locale.ROOT)))) {
        return s.name();
      }
    }
    return null;
  }

  /** Every tag of the topic and of its sections. */
  public List<String> allTags() {
    java.util.Set<String> all = new java.util.LinkedHashSet<>(tags);
    sections.forEach(s -> all.addAll(s.tags()));
    return List.copyOf(all);
  }
}
