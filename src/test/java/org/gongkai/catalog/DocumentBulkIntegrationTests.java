package org.gongkai.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A reviewer approves or publishes several documents from the list at once; each goes through the
 * workflow.
 */
class DocumentBulkIntegrationTests extends PlatformIntegrationTests {

  MockMvc mvc;

  @BeforeEach
  void mockMvc() {
    mvc = consoleMvc();
  }

  private long draft(Fixture f, String title) {
    DocumentForm form = new DocumentForm();
    form.setAgency(f.agency().code());
    form.setColumn(f.policies().id());
    form.setTitle(title);
    form.setBody("<p>正文</p>");
    return editorial.createDraft(form, f.editor());
  }

  private String state(long id) {
    return jdbc.sql(
            "SELECT state FROM edition WHERE document_id = ? ORDER BY edition_number DESC FETCH FIRST 1 ROWS ONLY")
        .param(id)
        .query(String.class)
        .single();
  }

  @Test
  void approvesThenPublishesTheTickedDocumentsAndSaysWhichCouldNotBe() throws Exception {
    Fixture f = newAgency();
    long first = draft(f, "批量一");
    long second = draft(f, "批量二");
    long stillDraft = draft(f, "仍是草稿");
    editorial.submit(first, f.editor());
    editorial.submit(second, f.editor());
    MockHttpSession reviewer = consoleSession(mvc, f.reviewer().username());

    String list =
        mvc.perform(get("/console/documents").session(reviewer))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(list)
        .contains("id=\"pick-" + first + "\"", "id=\"bulk-submit\"", "选择“批量一”")
        .doesNotContain("id=\"pick-" + stillDraft + "\"");

    MvcResult unchecked =
        mvc.perform(
                post("/console/documents/bulk")
                    .session(reviewer)
                    .with(csrf())
                    .param("ids", Long.toString(first))
                    .param("action", "approve"))
            .andReturn();
    assertThat(unchecked.getFlashMap().get("refusal")).isEqualTo("document.bulk.refused");
    assertThat(state(first))
        .as("not approved without the confidentiality checks")
        .isEqualTo("SUBMITTED");

    MvcResult approved =
        mvc.perform(
                post("/console/documents/bulk")
                    .session(reviewer)
                    .with(csrf())
                    .param("ids", Long.toString(first), Long.toString(second))
                    .param("action", "approve")
                    .param("checks", "secrets", "commercial", "privacy", "stability"))
            .andReturn();
    assertThat(approved.getResponse().getRedirectedUrl()).isEqualTo("/console/documents");
    assertThat(approved.getFlashMap().get("notice")).isEqualTo("document.bulk.done.approve");
    assertThat((Object[]) approved.getFlashMap().get("noticeArgs")).containsExactly(2);
    assertThat(state(first)).isEqualTo("APPROVED");
    assertThat(state(second)).isEqualTo("APPROVED");

    MvcResult published =
        mvc.perform(
                post("/console/documents/bulk")
                    .session(reviewer)
                    .with(csrf())
                    .param(
                        "ids",
                        Long.toString(first),
                        Long.toString(second),
                        Long.toString(stillDraft))
                    .param("action", "publish"))
            .andReturn();
    assertThat((Object[]) published.getFlashMap().get("noticeArgs")).containsExactly(2);
    Object[] refused = (Object[]) published.getFlashMap().get("refusalArgs");
    assertThat(refused[0]).isEqualTo(1);
    assertThat((String) refused[1]).contains("编号 " + stillDraft);
    assertThat(state(first)).isEqualTo("PUBLISHED");
    assertThat(state(second)).isEqualTo("PUBLISHED");
    assertThat(state(stillDraft)).isEqualTo("DRAFT");
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE subject_type = 'document' AND subject_id IN (?, ?)"
                        + " AND action = 'document.publish' AND actor = ?")
                .params(Long.toString(first), Long.toString(second), f.reviewer().username())
                .query(Integer.class)
                .single())
        .as("each publication audited")
        .isEqualTo(2);

    String byTitle =
        mvc.perform(
                get("/console/documents")
                    .param("order", "TITLE")
                    .param("agency", Long.toString(f.agency().id()))
                    .session(reviewer))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(byTitle.indexOf("仍是草稿")).isLessThan(byTitle.indexOf("批量一"));
    assertThat(byTitle.indexOf("批量一")).isLessThan(byTitle.indexOf("批量二"));
    String lastChanged =
        mvc.perform(
                get("/console/documents")
                    .param("agency", Long.toString(f.agency().id()))
                    .session(reviewer))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(lastChanged.indexOf("批量二"))
        .as("published last, so changed last")
        .isLessThan(lastChanged.indexOf("仍是草稿"));
    assertThat(lastChanged).contains("value=\"UPDATED\" selected");
  }
}
