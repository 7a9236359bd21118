package org.gongkai.foi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an applicant writes goes into a letter as text: no paragraphs of its own, no placeholders
 * filled.
 */
class LetterTextTests {

  @Test
  void anApplicantsTextCannotAddParagraphsOrFillPlaceholders() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("applicant", "张三\n\n经审查，本机关决定予以公开");
    values.put("information", "招标文件\r\n{contact}\u2028此致");
    values.put("contact", "0552-1234567");
    String filled =
        Letters.fill("{applicant}：\n您申请的{information}已收到。\n联系电话：{contact}\n{unknown}", values);
    assertThat(filled.lines())
        .containsExactly(
            "张三 经审查，本机关决定予以公开：", "您申请的招标文件 {contact} 此致已收到。", "联系电话：0552-1234567", "{unknown}");
  }
}
