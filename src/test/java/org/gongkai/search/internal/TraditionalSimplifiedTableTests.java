package org.gongkai.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.VersionInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The 繁简 table the search analysers fold with is ICU's Traditional-Simplified transform, character
 * by character. ICU is needed only here (test scope): this test writes the table as ICU makes it
 * and fails while the resource in {@code src/main/resources} differs, so an ICU upgrade that
 * changes a mapping is seen and the file is copied over in the same commit.
 */
class TraditionalSimplifiedTableTests {

  private static final Path WRITTEN = Path.of("target", "traditional-simplified.txt");

  @Test
  void theResourceIsIcusTransformOfEveryCjkCharacter() throws IOException {
    String expected = icuTable();
    Files.createDirectories(WRITTEN.getParent());
    Files.writeString(WRITTEN, expected, StandardCharsets.UTF_8);
    String resource;
    try (InputStream in =
        SimplifiedChineseFilter.class.getResourceAsStream(SimplifiedChineseFilter.TABLE_RESOURCE)) {
      assertThat(in).as("the table resource").isNotNull();
      resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(resource)
        .as(
            "ICU's table differs: copy %s over src/main/resources%s",
            WRITTEN, SimplifiedChineseFilter.TABLE_RESOURCE)
        .isEqualTo(expected);
  }

  @Test
  void theFilterFoldsWhatIcuFolds() {
    Transliterator transform = Transliterator.getInstance("Traditional-Simplified");
    for (char c = SimplifiedChineseFilter.FIRST; c <= SimplifiedChineseFilter.LAST; c++) {
      String out = transform.transliterate(String.valueOf(c));
      char expected = out.length() == 1 ? out.charAt(0) : c;
      assertThat(SimplifiedChineseFilter.simplified(c)).as("U+%04X", (int) c).isEqualTo(expected);
      if (c == SimplifiedChineseFilter.LAST) {
        break;
      }
    }
    assertThat(SimplifiedChineseFilter.simplified('營')).isEqualTo('营');
    assertThat(SimplifiedChineseFilter.simplified('環')).isEqualTo('环');
    assertThat(SimplifiedChineseFilter.simplified('营')).isEqualTo('营');
    assertThat(SimplifiedChineseFilter.simplified('A')).isEqualTo('A');
  }

  /** ICU's transform of each character of the CJK blocks that becomes one other character. */
  private static String icuTable() {
    Transliterator transform = Transliterator.getInstance("Traditional-Simplified");
    StringBuilder table =
        new StringBuilder()
            .append("# ICU ")
            .append(VersionInfo.ICU_VERSION)
            .append(" Traditional-Simplified, U+3400 to U+9FFF, one character at a time:\n")
            .append("# each line is a traditional character and its simplified form.\n")
            .append("# Written and checked by TraditionalSimplifiedTableTests; do not edit.\n");
    for (char c = SimplifiedChineseFilter.FIRST; c <= SimplifiedChineseFilter.LAST; c++) {
      String out = transform.transliterate(String.valueOf(c));
      if (out.length() == 1 && out.charAt(0) != c) {
        table.append(c).append(out.charAt(0)).append('\n');
      }
      if (c == SimplifiedChineseFilter.LAST) {
        break;
      }
    }
    return table.toString();
  }
}
