package org.gongkai.foi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.shared.storage.DataDirectory;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * An applicant's ID number, contacts and identity copy are unreadable at rest, and gone when their
 * time is up.
 */
abstract class PersonalDataAtRestTests extends PlatformIntegrationTests {

  static final byte[] PNG = {
    (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3, 4
  };

  @Autowired PersonalDataUpkeep upkeep;

  @Autowired RequestQueries queries;

  @Autowired RequestFiles files;

  @Autowired DataDirectory data;

  @Test
  void theDatabaseAndTheDataFolderHoldNothingReadable() throws Exception {
    Fixture f = newAgency();
    long id = submitWithCopy(f);
    var row =
        jdbc.sql(
                "SELECT id_number, phone, email, address, id_number_hash, id_copy_sha256 FROM foi_request"
                    + " WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    String everything = row.values().toString();
    assertThat(everything)
        .doesNotContain(FoiIntegrationTests.RESIDENT_ID, "13812345678", "zhang@example.cn", "滨江路");
    assertThat(String.valueOf(value(row, "id_number"))).startsWith("enr:");
    String sha = String.valueOf(value(row, "id_copy_sha256"));
    byte[] onDisk;
    try (var files = Files.walk(data.folder(IdCopies.FOLDER))) {
      Path copy =
          files.filter(p -> p.getFileName().toString().equals(sha)).findFirst().orElseThrow();
      onDisk = Files.readAllBytes(copy);
    }
    assertThat(onDisk).startsWith("GKE1".getBytes());
    assertThat(new String(onDisk, StandardCharsets.ISO_8859_1))
        .doesNotContain(new String(PNG, StandardCharsets.ISO_8859_1));

    Staff permitted = grantPersonalData(f.reviewer());
    assertThat(files.idCopy(id, permitted).content()).isEqualTo(PNG);
    assertThat(queries.revealed(id, permitted).applicant().idNumber())
        .isEqualTo(FoiIntegrationTests.RESIDENT_ID);
  }

  @Test
  void aSealedValueCopiedIntoAnotherRequestDoesNotOpenThere() {
    Fixture f = newAgency();
    long mine = submitWithCopy(f);
    long theirs = submitWithCopy(f);
    String own =
        jdbc.sql("SELECT id_number FROM foi_request WHERE id = ?")
            .param(theirs)
            .query(String.class)
            .single();
    // Whoever can write the table moves one applicant's sealed ID number into another's request.
    jdbc.sql(
            "UPDATE foi_request SET id_number = (SELECT id_number FROM foi_request WHERE id = ?)"
                + " WHERE id = ?")
        .params(mine, theirs)
        .update();
    try {
      Staff permitted = grantPersonalData(f.reviewer());
      assertThat(queries.revealed(mine, permitted).applicant().idNumber())
          .isEqualTo(FoiIntegrationTests.RESIDENT_ID);
      assertThatThrownBy(() -> queries.revealed(theirs, permitted))
          .hasRootCauseInstanceOf(javax.crypto.AEADBadTagException.class);
    } finally {
      // The database is shared with the other tests of this run, whose jobs read every request.
      jdbc.sql("UPDATE foi_request SET id_number = ? WHERE id = ?").params(own, theirs).update();
    }
  }

  @Test
  void valuesFromBeforeEncryptionAreSealedAtStartUp() {
    Fixture f = newAgency();
    long id = submitWithCopy(f);
    jdbc.sql("UPDATE foi_request SET phone = '13900000000', id_number_hash = NULL WHERE id = ?")
        .param(id)
        .update();
    assertThat(upkeep.reseal()).isGreaterThanOrEqualTo(1);
    String phone =
        jdbc.sql("SELECT phone FROM foi_request WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(phone).startsWith("enr:");
    assertThat(
            jdbc.sql("SELECT id_number_hash FROM foi_request WHERE id = ?")
                .param(id)
                .query(String.class)
                .single())
        .hasSize(64);
    assertThat(queries.revealed(id, grantPersonalData(f.reviewer())).applicant().phone())
        .isEqualTo("13900000000");
  }

  @Test
  void personalDataIsRemovedWhenTheRetentionPeriodEnds() {
    // The purge is platform-wide: requests other classes concluded under a clock set years ahead
    // are purged first, so that the counts below are this test's.
    upkeep.purge();
    Fixture f = newAgency();
    long id = submitWithCopy(f);
    String base = "/api/v1/admin/foi/requests/" + id;
    assertThat(api().post(base + "/register", "{}", f.editor().username(), PASSWORD).status())
        .isEqualTo(200);
    assertThat(
            api()
                .post(
                    base + "/reply",
                    "{\"outcome\":\"DISCLOSED\",\"explanation\":\"见附件\"}",
                    f.editor().username(),
                    PASSWORD)
                .status())
        .isEqualTo(200);
    assertThat(upkeep.purge()).as("concluded today: kept").isZero();

    jdbc.sql("UPDATE foi_request SET concluded_on = ? WHERE id = ?")
        .params(LocalDate.now().minusYears(6), id)
        .update();
    assertThat(upkeep.purge()).isEqualTo(1);
    var row =
        jdbc.sql(
                "SELECT applicant_name, id_number, phone, email, address, id_copy_sha256 FROM foi_request"
                    + " WHERE id = ?")
            .param(id)
            .query()
            .singleRow();
    assertThat(value(row, "applicant_name")).isEqualTo("张*");
    assertThat(value(row, "id_number")).isNull();
    assertThat(value(row, "phone")).isNull();
    assertThat(value(row, "id_copy_sha256")).isNull();
    assertThat(
            jdbc.sql("SELECT body FROM foi_letter WHERE request_id = ?")
                .param(id)
                .query(String.class)
                .list())
        .isNotEmpty()
        .allSatisfy(body -> assertThat(body).doesNotContain("张三").contains("张*"));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE action = 'foi.personal-data.purged' AND subject_id = ?")
                .param(String.valueOf(id))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(upkeep.purge()).as("once only").isZero();
  }

  private long submitWithCopy(Fixture f) {
    var parts = new LinkedMultiValueMap<String, Object>();
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    parts.add(
        "application",
        new HttpEntity<>(
            new Api(port).answered(FoiIntegrationTests.applicationJson(f.agency().code(), "张三")),
            json));
    HttpHeaders png = new HttpHeaders();
    png.setContentType(MediaType.IMAGE_PNG);
    parts.add(
        "idCopy",
        new HttpEntity<>(
            new ByteArrayResource(PNG) {
              @Override
              public String getFilename() {
                return "身份证.png";
              }
            },
            png));
    String body =
        RestClient.create()
            .post()
            .uri("http://localhost:" + port + "/api/v1/foi/requests")
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(parts)
            .retrieve()
            .body(String.class);
    String code = JsonPath.read(body, "$.trackingCode");
    return jdbc.sql("SELECT id FROM foi_request WHERE tracking_code = ?")
        .param(code)
        .query(Long.class)
        .single();
  }

  private static Object value(Map<String, Object> row, String column) {
    return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase(Locale.ROOT));
  }
}
