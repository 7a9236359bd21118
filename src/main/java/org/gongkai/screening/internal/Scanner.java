package org.gongkai.screening.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.gongkai.screening.Finding;
import org.gongkai.screening.FindingKind;
import org.gongkai.screening.PersonalDataScanner;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

@Component
class Scanner implements PersonalDataScanner {

  /** Block ends become line ends and cells tabs, so that two cells' digits never join. */
  private static final Pattern BLOCK_END =
      Pattern.compile("(?i)(</(?:p|div|li|tr|h[1-6]|blockquote|pre|table|caption)>|<br\\s*/?>)");

  private static final Pattern CELL_END = Pattern.compile("(?i)</t[dh]>");

  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  @Override
  public List<Finding> scanText(String where, String text, Collection<String> ownNumbers) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    String plain = text.indexOf('<') >= 0 ? plain(text) : text;
    return TextRules.scan(where, plain, ownNumbers);
  }

  @Override
  public List<Finding> scanFile(String fileName, byte[] content, Collection<String> ownNumbers) {
    List<Finding> findings = new ArrayList<>();
    try {
      for (FileText.Part part : FileText.of(fileName, content)) {
        if (part.text() == null) {
          findings.add(new Finding(FindingKind.NOT_SCANNED, part.where(), fileName, fileName));
        } else {
          findings.addAll(TextRules.scan(part.where(), part.text(), ownNumbers));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      findings.add(
          new Finding(FindingKind.NOT_SCANNED, "attachment:" + fileName, fileName, fileName));
    }
    return findings;
  }

  private static String plain(String html) {
    String marked = CELL_END.matcher(BLOCK_END.matcher(html).replaceAll("$1\n")).replaceAll("$0\t");
    // The body is the sanitizer's output: well-formed tags, entities for the rest.
    return HtmlUtils.htmlUnescape(TAG.matcher(marked).replaceAll(""));
  }
}
