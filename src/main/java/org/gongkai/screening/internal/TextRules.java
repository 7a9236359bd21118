package org.gongkai.screening.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongkai.screening.Finding;
import org.gongkai.screening.FindingKind;
import org.gongkai.shared.ids.ResidentIds;

/**
 * The patterns, each with the check that keeps look-alikes out: a check character or digit, a date,
 * the words before a number. A span taken by one finding is not taken again by another (an identity
 * number is not also a bank card).
 */
final class TextRules {

  private static final String NOT_ALNUM_BEFORE = "(?<![0-9A-Za-z])";
  private static final String NOT_ALNUM_AFTER = "(?![0-9A-Za-z])";

  private static final Pattern IDENTITY =
      Pattern.compile(NOT_ALNUM_BEFORE + "(\\d{17}[0-9Xx])" + NOT_ALNUM_AFTER);
  private static final Pattern CARD =
      Pattern.compile(NOT_ALNUM_BEFORE + "([3-6](?:[ -]?\\d){15,18})" + NOT_ALNUM_AFTER);
  private static final Pattern MOBILE =
      Pattern.compile(
          NOT_ALNUM_BEFORE + "(?:\\+?86[- ]?)?(1[3-9]\\d(?:[- ]?\\d{4}){2})" + NOT_ALNUM_AFTER);
  private static final Pattern LANDLINE =
      Pattern.compile(
          NOT_ALNUM_BEFORE
              + "((?:[(（]0\\d{2,3}[)）] ?|0\\d{2,3}[- ])[2-9]\\d{6,7}(?:-\\d{1,5})?)"
              + NOT_ALNUM_AFTER);
  private static final Pattern PASSPORT =
      Pattern.compile(NOT_ALNUM_BEFORE + "([A-Za-z]{1,2}\\d{7,8})" + NOT_ALNUM_AFTER);
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})");
  private static final Properties WORDS = words();
  private static final Pattern SECRECY = Pattern.compile(WORDS.getProperty("secrecy"));
  private static final Pattern HOME_ADDRESS = Pattern.compile(WORDS.getProperty("home-address"));

  /** Office lines a landline that follows them belongs to: published on purpose. */
  private static final Pattern OFFICE_LINE = Pattern.compile(WORDS.getProperty("office-line"));

  /** A passport or permit number is one only where the words say so. */
  private static final Pattern TRAVEL_DOCUMENT =
      Pattern.compile(WORDS.getProperty("travel-document"));

  /** The Chinese words of the rules, kept as data beside the class (rules.properties). */
  private static Properties words() {
    Properties words = new Properties();
    try (var in = TextRules.class.getResourceAsStream("rules.properties");
        var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      words.load(reader);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("The scanner's rules.properties cannot be read", e);
    }
    return words;
  }

  private TextRules() {}

  record Hit(FindingKind kind, int start, int end, String value) {}

  static List<Finding> scan(String where, String text, Collection<String> ownNumbers) {
    List<String> own =
        ownNumbers.stream().map(TextRules::digits).filter(d -> d.length() >= 7).toList();
    List<Hit> hits = new ArrayList<>();
    find(
        text,
        IDENTITY,
        hits,
        m -> ResidentIds.isValid(m.group(1)) ? FindingKind.IDENTITY_NUMBER : null);
    find(
        text,
        CARD,
        hits,
        m -> {
          String d = digits(m.group(1));
          return d.length() >= 16 && d.length() <= 19 && Luhn.valid(d)
              ? FindingKind.BANK_CARD_NUMBER
              : null;
        });
    find(text, MOBILE, hits, m -> own(own, m.group(1)) ? null : FindingKind.MOBILE_NUMBER);
    find(
        text,
        LANDLINE,
        hits,
        m ->
            own(own, m.group(1)) || before(text, m.start(), 16, OFFICE_LINE)
                ? null
                : FindingKind.LANDLINE_NUMBER);
    find(
        text,
        PASSPORT,
        hits,
        m -> before(text, m.start(), 20, TRAVEL_DOCUMENT) ? FindingKind.PASSPORT_NUMBER : null);
    find(
        text,
        EMAIL,
        hits,
        m -> {
          String domain = m.group(1).toLowerCase();
          boolean official = domain.endsWith(".gov.cn") || domain.equals("gov.cn");
          return official || ownNumbers.contains(m.group()) ? null : FindingKind.EMAIL_ADDRESS;
        });
    find(text, SECRECY, hits, m -> FindingKind.SECRECY_MARK);
    find(text, HOME_ADDRESS, hits, m -> FindingKind.HOME_ADDRESS);
    hits.sort((a, b) -> Integer.compare(a.start(), b.start()));
    return hits.stream()
        .map(h -> new Finding(h.kind(), where, Masks.excerpt(text, h), h.value()))
        .toList();
  }

  private interface Check {
    FindingKind kindOf(Matcher m);
  }

  private static void find(String text, Pattern pattern, List<Hit> hits, Check check) {
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      int group = m.groupCount() > 0 && m.group(1) != null && pattern != EMAIL ? 1 : 0;
      int start = m.start(group);
      int end = m.end(group);
      if (taken(hits, start, end)) {
        continue;
      }
      FindingKind kind = check.kindOf(m);
      if (kind != null) {
        hits.add(new Hit(kind, start, end, text.substring(start, end)));
      }
    }
  }

  private static boolean taken(List<Hit> hits, int start, int end) {
    for (Hit h : hits) {
      if (start < h.end() && h.start() < end) {
        return true;
      }
    }
    return false;
  }

  private static boolean before(String text, int at, int reach, Pattern words) {
    return words.matcher(text.substring(Math.max(0, at - reach), at)).find();
  }

  private static boolean own(List<String> own, String found) {
    String d = digits(found);
    return own.stream().anyMatch(o -> o.endsWith(d) || d.endsWith(o));
  }

  static String digits(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      }
    }
    return b.toString();
  }
}
