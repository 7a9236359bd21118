package org.gongkai.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The legal ground on which a part of a document is withheld, named on each box the way a reply
 * names it (第十五条, …): the Regulation's articles 14 (state secrets, what laws forbid, security and
 * stability), 15 (trade secrets and personal privacy) and 16 (internal affairs; process information
 * and enforcement files).
 */
public enum Ground {
  ARTICLE_14,
  ARTICLE_15,
  ARTICLE_16_1,
  ARTICLE_16_2;

  private static final Properties LABELS = labels();

  /** The words drawn on a box: the article (and paragraph) as a reply cites it. */
  public String label() {
    return LABELS.getProperty(name());
  }

  /** The ground a finding of this kind is withheld on when staff name none. */
  public static Ground forKind(FindingKind kind) {
    return kind == FindingKind.SECRECY_MARK ? ARTICLE_14 : ARTICLE_15;
  }

  private static Properties labels() {
    Properties labels = new Properties();
    try (InputStream in = Ground.class.getResourceAsStream("grounds.properties")) {
      labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return labels;
  }
}
