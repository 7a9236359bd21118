package org.gongkai.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.gongkai.audit.AuditEntry;
import org.gongkai.audit.AuditTrail;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Sites through the administration API, as a province's set-up script creates them. */
abstract class SiteAdminApiIntegrationTests extends PlatformIntegrationTests {

  static final String SITES = "/api/v1/admin/sites";

  @Autowired AuditTrail audit;

  @Test
  void theInstallationsOneSiteIsTheFirstSiteWithTheSettingsIdentity() {
    Api.Response list = api().get(SITES, "admin", ADMIN_PASSWORD);
    assertThat(list.status()).isEqualTo(200);
    List<Map<String, Object>> fallback = list.json("$[?(@.fallback == true)]");
    assertThat(fallback).hasSize(1);
    Map<String, Object> first = fallback.get(0);
    assertThat(first.get("name")).isEqualTo("临江市人民政府");
    assertThat(first.get("idCode")).isEqualTo("3399000001");
    assertThat(first.get("hosts")).isEqualTo(List.of("www.linjiang.gov.cn"));
    assertThat(first.get("canonicalHost")).isEqualTo("www.linjiang.gov.cn");
    assertThat(first.get("type")).isEqualTo("PORTAL");
    assertThat(first.get("agencies")).as("every agency of the platform").isEqualTo(List.of());
  }

  @Test
  void aPlatformAdministratorCreatesReadsAndChangesADepartmentSiteAudited() {
    Fixture f = newAgency();
    String host = "jyj" + f.agency().code().substring(10).toLowerCase() + ".linjiang.gov.cn";
    String json =
        "{\"name\":\"临江市教育局\",\"hosts\":[\""
            + host.toUpperCase()
            + "\",\"alias-"
            + host
            + "\"],\"agency\":\""
            + f.agency().code()
            + "\",\"idCode\":\"3399000101\",\"type\":\"DEPARTMENT\",\"icpFiling\":\"皖ICP备05001234号\","
            + "\"securityFiling\":\"皖公网安备 34030002000001号\",\"organizer\":\"临江市教育局\","
            + "\"operator\":\"临江市数据资源局\",\"contact\":\"0552-1234567\"}";

    Api.Response created = api().post(SITES, json, "admin", ADMIN_PASSWORD);
    assertThat(created.status()).isEqualTo(201);
    int id = created.json("$.id");
    assertThat(created.headers().getLocation()).hasToString(SITES + "/" + id);
    assertThat((List<String>) created.json("$.hosts"))
        .as("host names in lower case, the first canonical")
        .containsExactly(host, "alias-" + host);
    assertThat((String) created.json("$.canonicalHost")).isEqualTo(host);
    assertThat((String) created.json("$.agency")).isEqualTo(f.agency().code());
    assertThat((List<String>) created.json("$.languages")).containsExactly("zh-CN");
    assertThat((Boolean) created.json("$.fallback")).isFalse();

    Api.Response read = api().get(SITES + "/" + id, "admin", ADMIN_PASSWORD);
    assertThat(read.status()).isEqualTo(200);
    assertThat((String) read.json("$.name")).isEqualTo("临江市教育局");
    assertThat((String) read.json("$.icpFiling")).isEqualTo("皖ICP备05001234号");
    assertThat((String) read.json("$.securityFiling")).isEqualTo("皖公网安备 34030002000001号");
    assertThat((String) read.json("$.organizer")).isEqualTo("临江市教育局");
    assertThat((String) read.json("$.operator")).isEqualTo("临江市数据资源局");
    assertThat((List<Integer>) api().get(SITES, "admin", ADMIN_PASSWORD).json("$[*].id"))
        .contains(id);

    String changed =
        json.replace("临江市教育局\",\"hosts", "临江市教育体育局\",\"hosts")
            .replace("\"alias-" + host + "\"", "\"edu-" + host + "\"");
    Api.Response updated = api().put(SITES + "/" + id, changed, "admin", ADMIN_PASSWORD);
    assertThat(updated.status()).isEqualTo(200);
    assertThat((String) updated.json("$.name")).isEqualTo("临江市教育体育局");
    assertThat((List<String>) updated.json("$.hosts")).containsExactly(host, "edu-" + host);

    assertThat(audit.forSubject("site", id))
        .extracting(AuditEntry::action, AuditEntry::actor)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("site.created", "admin"),
            org.assertj.core.groups.Tuple.tuple("site.updated", "admin"));

    Api.Response freed =
        api()
            .post(
                SITES,
                json.replace(host.toUpperCase(), "alias-" + host)
                    .replace(",\"alias-" + host + "\"", "")
                    .replace("3399000101", "3399000102"),
                "admin",
                ADMIN_PASSWORD);
    assertThat(freed.status()).as("a host name the change gave up is free again").isEqualTo(201);
  }

  @Test
  void onlyPlatformAdministratorsReachSites() {
    Fixture f = newAgency();
    String json =
        "{\"name\":\"某局\",\"hosts\":[\"x"
            + f.agency().code().substring(10).toLowerCase()
            + ".example.cn\"],\"agency\":\""
            + f.agency().code()
            + "\",\"idCode\":\"3399000103\",\"type\":\"DEPARTMENT\"}";
    assertThat(api().post(SITES, json, f.agencyAdmin().username(), PASSWORD).status())
        .isEqualTo(403);
    assertThat(api().get(SITES, f.agencyAdmin().username(), PASSWORD).status()).isEqualTo(403);
    assertThat(api().get(SITES).status()).isEqualTo(401);
    assertThat(api().get(SITES + "/999999", "admin", ADMIN_PASSWORD).status()).isEqualTo(404);
  }

  @Test
  void refusesWhatIsNotASiteNamingTheField() {
    Fixture f = newAgency();
    String host = "bad" + f.agency().code().substring(10).toLowerCase() + ".example.cn";
    assertThat(
            refusedFields(
                "{\"hosts\":[],\"idCode\":\"12\",\"type\":\"DEPARTMENT\",\"agency\":\""
                    + f.agency().code()
                    + "\"}"))
        .containsExactlyInAnyOrder("name", "hosts", "idCode");
    assertThat(
            refusedFields(
                "{\"name\":\"某局\",\"hosts\":[\"https://"
                    + host
                    + "/\"],\"idCode\":\"3399000104\",\"type\":\"PORTAL\"}"))
        .containsExactly("hosts");
    assertThat(
            refusedFields(
                "{\"name\":\"某局\",\"hosts\":[\""
                    + host
                    + "\"],\"idCode\":\"3399000104\",\"type\":\"BLOG\"}"))
        .containsExactly("type");
    assertThat(
            refusedFields(
                "{\"name\":\"某局\",\"hosts\":[\""
                    + host
                    + "\"],\"idCode\":\"3399000104\",\"type\":\"DEPARTMENT\",\"agency\":\"NOPE\"}"))
        .containsExactly("agency");
    assertThat(
            refusedFields(
                "{\"name\":\"某局\",\"hosts\":[\""
                    + host
                    + "\"],\"idCode\":\"3399000104\",\"type\":\"DEPARTMENT\"}"))
        .as("a department's site without its agency")
        .containsExactly("agency");

    Api.Response taken =
        api()
            .post(
                SITES,
                "{\"name\":\"冒名\",\"hosts\":[\"www.linjiang.gov.cn\"],\"idCode\":\"3399000105\","
                    + "\"type\":\"PORTAL\"}",
                "admin",
                ADMIN_PASSWORD);
    assertThat(taken.status()).isEqualTo(409);
    assertThat((List<String>) taken.json("$.errors[*].field")).containsExactly("hosts");
    assertThat(audit.latest(50))
        .extracting(AuditEntry::detail)
        .as("nothing refused is recorded as made")
        .noneMatch(d -> d != null && d.startsWith("冒名"));
  }

  private List<String> refusedFields(String json) {
    Api.Response r = api().post(SITES, json, "admin", ADMIN_PASSWORD);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().getContentType()).hasToString("application/problem+json");
    return r.json("$.errors[*].field");
  }
}
