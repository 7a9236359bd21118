package org.gongkai.search.internal;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;

/**
 * Two analyses of the same Chinese text. The CJK bigram fields find documents: every two-character
 * sequence is a term, so a name the segmenter does not know is still found. The smartcn fields
 * only help rank, since smartcn splits unknown names into single characters.
 */
final class Analyzers {

  static final String TITLE_BIGRAM = "title_bi";
  static final String SUMMARY_BIGRAM = "summary_bi";
  static final String BODY_BIGRAM = "body_bi";
  static final String KEYWORDS_BIGRAM = "keywords_bi";
  static final String DOC_NUMBER_BIGRAM = "docnum_bi";
  static final String ATTACHMENT_BIGRAM = "attach_bi";
  static final String AGENCY_BIGRAM = "agency_bi";
  static final String TITLE_SMART = "title_smart";
  static final String BODY_SMART = "body_smart";

  private Analyzers() {}

  static Analyzer bigram() {
    return new CJKAnalyzer(CharArraySet.EMPTY_SET);
  }

  static Analyzer smart() {
    return new SmartChineseAnalyzer(true);
  }

  static Analyzer perField() {
    Analyzer bigram = bigram();
    Analyzer smart = smart();
    return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
        TITLE_BIGRAM, bigram, SUMMARY_BIGRAM, bigram, BODY_BIGRAM, bigram, KEYWORDS_BIGRAM, bigram,
        DOC_NUMBER_BIGRAM, bigram, ATTACHMENT_BIGRAM, bigram, AGENCY_BIGRAM, bigram,
        TITLE_SMART, smart, BODY_SMART, smart));
  }
}
