package org.gongkai.screening;

import java.util.Collection;
import java.util.List;

/** Finds personal data and secrecy marks in what is about to be published. */
public interface PersonalDataScanner {

  /**
   * The findings in a text (plain, or HTML whose tags are dropped first), in order; {@code
   * ownNumbers} are the publishing agency's published telephone numbers and addresses, which are
   * not findings.
   */
  List<Finding> scanText(String where, String text, Collection<String> ownNumbers);

  /**
   * The findings in a file's text: PDF (per page), DOCX, XLSX and XLS (per sheet). An image, a PDF
   * page without text (a scan), or a file that cannot be read is a finding of its own ({@link
   * FindingKind#NOT_SCANNED}): nobody should take it for clean.
   */
  List<Finding> scanFile(String fileName, byte[] content, Collection<String> ownNumbers);
}
