package org.gongkai.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvFileTests {

  @Test
  void textThatASpreadsheetWouldRunIsWrittenAsText() {
    String csv =
        new CsvFile(List.of("名称", "数量"))
            .row(List.of("=HYPERLINK(\"http://evil.example\",\"点此\")", 3))
            .row(List.of("+1+cmd|' /C calc'!A0", -2))
            .row(List.of("@SUM(A1)", 0))
            .row(Arrays.asList("-负号开头", null))
            .row(List.of("\t制表符", 1.5))
            .row(List.of("普通文字，带逗号", 7))
            .toString();
    assertThat(csv).startsWith("\uFEFF名称,数量\r\n");
    assertThat(csv)
        .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点此\"\")\",3\r\n")
        .contains("'+1+cmd|' /C calc'!A0,-2\r\n")
        .contains("'@SUM(A1),0\r\n")
        .contains("'-负号开头,\r\n")
        .contains("'\t制表符,1.5\r\n")
        .contains("普通文字，带逗号,7\r\n");
  }
}
