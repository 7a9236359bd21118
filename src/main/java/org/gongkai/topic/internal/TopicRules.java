package org.gongkai.topic.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusal.FieldProblem;
import org.gongkai.topic.TopicContent;
import org.gongkai.topic.TopicContent.Section;

/** What a topic's slug and content must be; a refusal names every field that is not. */
final class TopicRules {

  static final int MAX_TITLE = 100;
  static final int MAX_INTRODUCTION = 4000;
  static final int MAX_TAGS = 20;
  static final int MAX_TAG = 30;
  static final int MAX_SECTIONS = 12;
  static final int MAX_SECTION_NAME = 50;

  private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,58}[a-z0-9])?");
  private static final Pattern SEPARATORS = Pattern.compile("[,;\\s\\u3001\\uff0c\\uff1b]+");

  private TopicRules() {}

  static String slug(String slug) {
    String s = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
    if (s.length() < 2 || !SLUG.matcher(s).matches()) {
      throw Refusal.invalidField("slug", "topic.slug.invalid");
    }
    return s;
  }

  /** The content trimmed, its tags split and without repeats; a 400 naming each bad field. */
  static TopicContent check(TopicContent content) {
    List<FieldProblem> problems = new ArrayList<>();
    String title = content.title().strip();
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      problems.add(new FieldProblem("title", "topic.title.invalid", MAX_TITLE));
    }
    String introduction = content.introduction().strip();
    if (introduction.length() > MAX_INTRODUCTION) {
      problems.add(new FieldProblem("introduction", "topic.introduction.long", MAX_INTRODUCTION));
    }
    List<String> tags = tags(content.tags(), "tags", problems);
    if (content.sections().size() > MAX_SECTIONS) {
      problems.add(new FieldProblem("sections", "topic.sections.many", MAX_SECTIONS));
    }
    List<Section> sections = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Section section : content.sections()) {
      String name = section.name().strip();
      if (name.isEmpty() || name.length() > MAX_SECTION_NAME || !names.add(name)) {
        problems.add(new FieldProblem("sections", "topic.section.invalid", MAX_SECTION_NAME));
      }
      sections.add(new Section(name, tags(section.tags(), "sections", problems)));
    }
    if (content.opensOn() == null) {
      problems.add(new FieldProblem("opensOn", "error.required", "opensOn"));
    } else if (content.closesOn() != null && content.closesOn().isBefore(content.opensOn())) {
      problems.add(new FieldProblem("closesOn", "topic.closes-on.before"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    return new TopicContent(
        title, introduction, tags, sections, content.opensOn(), content.closesOn());
  }

  /** Tags as typed, one an entry or several separated by commas, spaces or 、. */
  static List<String> split(String typed) {
    List<String> words = new ArrayList<>();
    if (typed != null) {
      for (String w : SEPARATORS.split(typed.strip())) {
        if (!w.isBlank()) {
          words.add(w.strip());
        }
      }
    }
    return words;
  }

  /** The lower-cased words of a document's keywords and its subject, as tags are matched. */
  static Set<String> words(String keywords, String subject) {
    Set<String> words = new LinkedHashSet<>();
    for (String w : split(keywords)) {
      words.add(w.toLowerCase(Locale.ROOT));
    }
    if (subject != null && !subject.isBlank()) {
      words.add(subject.strip().toLowerCase(Locale.ROOT));
    }
    return words;
  }

  private static List<String> tags(List<String> typed, String field, List<FieldProblem> problems) {
    Set<String> tags = new LinkedHashSet<>();
    for (String entry : typed) {
      for (String tag : split(entry)) {
        if (tag.length() > MAX_TAG) {
          problems.add(new FieldProblem(field, "topic.tag.long", MAX_TAG));
        }
        tags.add(tag);
      }
    }
    if (tags.size() > MAX_TAGS) {
      problems.add(new FieldProblem(field, "topic.tags.many", MAX_TAGS));
    }
    return List.copyOf(tags);
  }
}
