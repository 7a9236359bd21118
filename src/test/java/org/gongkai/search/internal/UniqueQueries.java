package org.gongkai.search.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The search benchmark's stream of queries asked once each: the six kinds of the repeated mix,
 * drawn from a far larger set (every word and phrase of the generated texts, every company name in
 * three spellings, a document number of every thirteenth document), none of them in the mix and
 * none twice. What a public site mostly receives: a query nobody asked before, for which no cache
 * has an answer.
 */
final class UniqueQueries {

  static final List<String> KINDS =
      List.of("common", "rare", "and", "phrase", "docnumber", "filtered");

  private UniqueQueries() {}

  /**
   * {@code count} queries, the kinds taken in turn and shuffled, none in {@code asked}; fewer of a
   * kind when its set runs out (the common words do first, at about 700).
   */
  static List<SearchBenchmark.Query> stream(
      SearchBenchmark.Corpus corpus, List<SearchBenchmark.Query> asked, int count, Random r) {
    Set<SearchBenchmark.Query> seen = new LinkedHashSet<>(asked);
    List<String> words = words();
    Map<String, Supplier<SearchBenchmark.Query>> kinds = new LinkedHashMap<>();
    kinds.put("common", () -> query("common", words.get(r.nextInt(words.size()))));
    kinds.put("rare", () -> rare(corpus, r));
    kinds.put(
        "and",
        () ->
            query(
                "and",
                words.get(r.nextInt(words.size())) + " " + words.get(r.nextInt(words.size()))));
    kinds.put("phrase", () -> phrase(r));
    kinds.put(
        "docnumber",
        () -> {
          String dn = corpus.moreDocNumbers().get(r.nextInt(corpus.moreDocNumbers().size()));
          return query("docnumber", r.nextBoolean() ? dn : dn.replace('〔', '[').replace('〕', ']'));
        });
    kinds.put(
        "filtered",
        () ->
            new SearchBenchmark.Query(
                "filtered",
                words.get(r.nextInt(words.size())),
                corpus.agencyCodes().get(r.nextInt(corpus.agencyCodes().size())),
                corpus.firstYear() + r.nextInt(5)));
    List<SearchBenchmark.Query> stream = new ArrayList<>();
    Set<String> exhausted = new LinkedHashSet<>();
    while (stream.size() < count && exhausted.size() < kinds.size()) {
      for (var kind : kinds.entrySet()) {
        if (stream.size() >= count || exhausted.contains(kind.getKey())) {
          continue;
        }
        // a kind whose set is used up shows as a run of draws that were all asked before
        boolean added = false;
        for (int attempt = 0; attempt < 200 && !added; attempt++) {
          SearchBenchmark.Query q = kind.getValue().get();
          added = seen.add(q);
          if (added) {
            stream.add(q);
          }
        }
        if (!added) {
          exhausted.add(kind.getKey());
        }
      }
    }
    Collections.shuffle(stream, r);
    return stream;
  }

  private static SearchBenchmark.Query query(String kind, String text) {
    return new SearchBenchmark.Query(kind, text, null, null);
  }

  /** A company name whole, without the city, or its middle: each matches its one document. */
  private static SearchBenchmark.Query rare(SearchBenchmark.Corpus corpus, Random r) {
    String company = corpus.moreCompanies().get(r.nextInt(corpus.moreCompanies().size()));
    String text =
        switch (r.nextInt(3)) {
          case 0 -> company;
          case 1 -> company.substring(2);
          default -> company.substring(2, company.indexOf("有限"));
        };
    return query("rare", text);
  }

  /**
   * A quoted run of five to nine characters of two sentences as the texts put them side by side: in
   * nearly every document when it lies within one sentence, in about half when it spans two.
   */
  private static SearchBenchmark.Query phrase(Random r) {
    String text =
        SearchBenchmark.FILLER[r.nextInt(SearchBenchmark.FILLER.length)]
            + SearchBenchmark.FILLER[r.nextInt(SearchBenchmark.FILLER.length)];
    int length = 5 + r.nextInt(5);
    int start = r.nextInt(text.length() - length);
    String phrase = text.substring(start, start + length);
    return query("phrase", "\"" + phrase + "\"");
  }

  /**
   * The words of the generated texts: the topics and their parts, the runs of two to five
   * characters of every sentence, and the titles' words around a topic.
   */
  static List<String> words() {
    Set<String> words = new LinkedHashSet<>();
    for (String sentence : SearchBenchmark.FILLER) {
      for (String run : sentence.split("[，。、（）“”]")) {
        for (int length = 2; length <= 5; length++) {
          for (int i = 0; i + length <= run.length(); i++) {
            words.add(run.substring(i, i + length));
          }
        }
      }
    }
    for (String topic : SearchBenchmark.COMMON) {
      words.add(topic);
      for (int length = 2; length <= 3; length++) {
        for (int i = 0; i + length <= topic.length(); i++) {
          words.add(topic.substring(i, i + length));
        }
      }
      for (String around :
          List.of("加强%s", "%s工作", "关于加强%s", "%s工作的通知", "做好%s", "进一步做好%s", "为进一步做好%s工作")) {
        words.add(String.format(around, topic));
      }
    }
    return new ArrayList<>(words);
  }
}
