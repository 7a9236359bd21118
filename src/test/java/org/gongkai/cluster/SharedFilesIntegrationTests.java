package org.gongkai.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.gongkai.support.Api;
import org.gongkai.support.SecondNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.ResponseEntity;

/**
 * Two nodes that keep their files in one place: a file uploaded through one node is served by the
 * other.
 */
abstract class SharedFilesIntegrationTests extends TwoNodesIntegrationTests {

  private static final String DOCS = "/api/v1/admin/documents";

  /** The settings that give node B the same file store as node A. */
  abstract String[] sameFilesAsNodeA() throws Exception;

  @Test
  void aFileUploadedOnOneNodeIsServedByTheOther() throws Exception {
    Fixture f = newAgency();
    try (ConfigurableApplicationContext other = secondNode(sameFilesAsNodeA())) {
      Api nodeA = api();
      Api nodeB = SecondNode.api(other);
      int id = nodeA.post(DOCS, f.draftJson("共享附件"), f.editor().username(), PASSWORD).json("$.id");
      byte[] first = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();
      byte[] second =
          "%PDF-1.4\n% second\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes();
      int onA =
          nodeA
              .upload(
                  DOCS + "/" + id + "/attachments", "甲.pdf", first, f.editor().username(), PASSWORD)
              .json("$.id");
      int onB =
          nodeB
              .upload(
                  DOCS + "/" + id + "/attachments",
                  "乙.pdf",
                  second,
                  f.editor().username(),
                  PASSWORD)
              .json("$.id");
      nodeA.post(DOCS + "/" + id + "/submit", null, f.editor().username(), PASSWORD);
      nodeB.post(
          DOCS + "/" + id + "/approve",
          "{\"confidentialityChecked\":true}",
          f.reviewer().username(),
          PASSWORD);
      assertThat(
              nodeA
                  .post(DOCS + "/" + id + "/publish", null, f.reviewer().username(), PASSWORD)
                  .status())
          .isEqualTo(200);

      ResponseEntity<byte[]> fromB = nodeB.download("/documents/" + id + "/attachments/" + onA);
      ResponseEntity<byte[]> fromA = nodeA.download("/documents/" + id + "/attachments/" + onB);
      assertThat(fromB.getStatusCode().value()).isEqualTo(200);
      assertThat(fromB.getBody()).isEqualTo(first);
      assertThat(fromA.getStatusCode().value()).isEqualTo(200);
      assertThat(fromA.getBody()).isEqualTo(second);
    }
  }
}
