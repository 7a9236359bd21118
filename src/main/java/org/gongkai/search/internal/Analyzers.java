package org.gongkai.search.internal;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Two analyses of the same Chinese text. The CJK bigram fields find documents: every two-character
 * sequence is a term, so a name the segmenter does not know is still found; traditional characters
 * are folded to simplified ones first. The smartcn field of the title only helps rank: smartcn
 * splits unknown names into single characters, and analysing whole bodies with it would cost most
 * of the indexing time for no gain in what is found.
 */
final class Analyzers {

  static final String ALL_BIGRAM = "all_bi";
  static final String TITLE_BIGRAM = "title_bi";
  static final String AGENCY_BIGRAM = "agency_bi";
  static final String TITLE_SMART = "title_smart";

  private Analyzers() {}

  static Analyzer bigram() {
    Analyzer cjk = new FoldingBigrams();
    // A gap between the values of a field, so that a phrase never spans the title and the body.
    return new AnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected Analyzer getWrappedAnalyzer(String fieldName) {
        return cjk;
      }

      @Override
      public int getPositionIncrementGap(String fieldName) {
        return 100;
      }
    };
  }

  /**
   * Lucene's CJK analysis (width, case, bigrams) with traditional characters folded to simplified
   * ones.
   */
  private static final class FoldingBigrams extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream result = new CJKWidthFilter(source);
      result = new LowerCaseFilter(result);
      result = new SimplifiedChineseFilter(result);
      return new TokenStreamComponents(source, new CJKBigramFilter(result));
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
      return new SimplifiedChineseFilter(new LowerCaseFilter(new CJKWidthFilter(in)));
    }
  }

  static Analyzer smart() {
    return new SmartChineseAnalyzer(true);
  }

  static Analyzer perField() {
    Analyzer bigram = bigram();
    Analyzer smart = smart();
    return new PerFieldAnalyzerWrapper(
        new KeywordAnalyzer(),
        Map.of(
            ALL_BIGRAM, bigram, TITLE_BIGRAM, bigram, AGENCY_BIGRAM, bigram, TITLE_SMART, smart));
  }
}
