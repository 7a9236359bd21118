package org.gongkai.intake.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The patterns of a GB/T 9704-2012 document, built from the Chinese words in words.properties so
 * that the code holds none of them.
 */
final class Words {

  private static final Properties WORDS = load();

  static final String FILE_SUFFIX = word("file-suffix");
  static final String YEAR = word("year");
  static final String MONTH = word("month");
  static final String DAY = word("day");
  static final String NUMBER_SUFFIX = word("number-suffix");
  static final String ATTACHMENT = word("attachment");
  static final String DIGITS = word("digits");
  static final String TEN = word("ten");
  static final String ZEROS = word("zeros");

  private static final String COLON = "(?:" + word("colon") + ")";
  private static final String OPEN = "[" + Pattern.quote(word("open-brackets")) + "]";
  private static final String CLOSE = "[" + Pattern.quote(word("close-brackets")) + "]";

  /** A document number: organ's short name, the year in any bracket, the sequence, 号. */
  static final Pattern NUMBER =
      Pattern.compile(
          "(\\p{IsHan}{1,16}?)\\s*"
              + OPEN
              + "\\s*((?:19|20)\\d{2})\\s*"
              + CLOSE
              + "\\s*(\\d{1,5})\\s*"
              + NUMBER_SUFFIX);

  static final Pattern SIGNER = Pattern.compile(word("signer") + "\\s*" + COLON + "\\s*(.+)$");

  private static final String CN_DIGIT = "[" + DIGITS + TEN + "]|" + ZEROS;

  /** A date in Arabic figures or written out; the groups are year, month, day. */
  static final String DATE =
      "((?:\\d\\s*){4}|(?:(?:"
          + CN_DIGIT
          + ")\\s*){4})\\s*"
          + YEAR
          + "\\s*((?:\\d\\s*){1,2}|(?:(?:"
          + CN_DIGIT
          + ")\\s*){1,3})\\s*"
          + MONTH
          + "\\s*((?:\\d\\s*){1,2}|(?:(?:"
          + CN_DIGIT
          + ")\\s*){1,3})\\s*"
          + DAY;

  static final Pattern DATE_LINE = Pattern.compile("^\\s*" + DATE + "\\s*$");

  /** The colophon's last line: the printing office, the date, 印发. */
  static final Pattern PRINTED_LINE =
      Pattern.compile("^\\s*(.*?)\\s*" + DATE + "\\s*" + word("printed") + "\\s*$");

  static final Pattern COPIES =
      Pattern.compile("^\\s*" + word("copies") + "\\s*" + COLON + "(.*)$");

  /** The notes under the body: 附件：1. name, or 附件：name. */
  static final Pattern ATTACHMENT_NOTE =
      Pattern.compile("^\\s*" + ATTACHMENT + "\\s*" + COLON + "\\s*(.*)$");

  /** The first line of an attachment's content appended to the document: 附件, 附件1, 附件 2. */
  static final Pattern ATTACHMENT_HEAD =
      Pattern.compile("^\\s*" + ATTACHMENT + "\\s*(\\d{0,2})\\s*" + COLON + "?\\s*$");

  /** A numbered item of the attachment notes: 1. 1． 1、 (1) */
  static final Pattern ITEM = Pattern.compile("^\\s*[(（]?(\\d{1,2})\\s*[.．、)）]\\s*(.*)$");

  static final Pattern GENRE_END = Pattern.compile("(?:" + word("genres") + ")$");

  static final Pattern PRELUDE =
      Pattern.compile(
          "^\\s*(?:\\d{1,8}|.*(?:" + word("urgency") + "|" + word("secrecy") + ").*)\\s*$");

  static final Pattern BODY_OPENER = Pattern.compile(word("body-openers"));

  static final Pattern SENTENCE_END =
      Pattern.compile("[" + Pattern.quote(word("sentence-end")) + "]$");

  static final Pattern ENDS_WITH_COLON = Pattern.compile(COLON + "\\s*$");

  /** Notes (附注) stand in round brackets of their own. */
  static final Pattern NOTES = Pattern.compile("^\\s*[(（].+[)）]\\s*$");

  /** A page number in the footer: — 1 — or - 1 -. */
  static final Pattern PAGE_NUMBER =
      Pattern.compile("^\\s*[-\u2014\u2013\u2500]+\\s*\\d{1,4}\\s*[-\u2014\u2013\u2500]+\\s*$");

  private Words() {}

  private static String word(String key) {
    String value = WORDS.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("words.properties has no " + key);
    }
    return value;
  }

  private static Properties load() {
    Properties words = new Properties();
    try (var in = Words.class.getResourceAsStream("words.properties");
        var reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      words.load(reader);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("The intake's words.properties cannot be read", e);
    }
    return words;
  }
}
