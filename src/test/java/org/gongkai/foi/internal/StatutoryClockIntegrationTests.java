package org.gongkai.foi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongkai.foi.FoiStatistics;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.PublicSubmissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two cases that showed the clock wrong, end to end through the staff API, seen on 30 November
 * 2026 for an application received on 1 September 2026; and the rules around them. Each step is
 * recorded on the day it is dated: a step recorded after the deadline though dated before it is the
 * subject of ClockReviewIntegrationTests.
 */
abstract class StatutoryClockIntegrationTests extends PlatformIntegrationTests {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 9, 1);
  private static final LocalDate SEEN = LocalDate.of(2026, 11, 30);

  @Autowired private FoiStatistics statistics;

  @Autowired private RequestLedger ledger;

  @Autowired private RequestRepository requests;

  @Autowired private FoiReminders reminders;

  private Fixture f;

  @BeforeEach
  void seenOnThe30thOfNovember() {
    clock.travelTo(SEEN);
    f = newAgency();
  }

  private long enteredOnPaper() {
    String entry =
        "{\"application\":"
            + PublicSubmissions.request(f.agency().code(), "paper")
            + ",\"channel\":\"POST\","
            + "\"receivedOn\":\""
            + RECEIVED
            + "\"}";
    Api.Response created =
        api().post("/api/v1/admin/foi/requests", entry, f.editor().username(), PASSWORD);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return jdbc.sql("SELECT id FROM foi_request WHERE tracking_code = ?")
        .param(created.<String>json("$.trackingCode"))
        .query(Long.class)
        .single();
  }

  private Api.Response post(long id, String step, String json) {
    return api()
        .post(
            "/api/v1/admin/foi/requests/" + id + "/" + step, json, f.editor().username(), PASSWORD);
  }

  private Api.Response view(long id) {
    return api().get("/api/v1/admin/foi/requests/" + id, f.editor().username(), PASSWORD);
  }

  /**
   * A third party consulted on 10 September never answers. Its 15 working days end on 8 October;
   * the clock runs again after them, and the request fell due on 26 October (counted in
   * StatutoryRulesTests): on 30 November it is overdue, with 15 working days not counted, not 53.
   */
  @Test
  void anUnansweredConsultationStopsTheClockForFifteenWorkingDaysAndTheRequestGoesOverdue() {
    clock.travelTo(LocalDate.of(2026, 9, 10));
    long id = enteredOnPaper();
    Api.Response consulted =
        post(
            id,
            "consultation",
            "{\"party\":\"临江市某建设有限公司\",\"channel\":\"ONLINE\",\"sentOn\":\"2026-09-10\"}");
    assertThat(consulted.status()).as(consulted.body()).isEqualTo(200);

    clock.travelTo(SEEN);
    reminders.run();
    Api.Response seen = view(id);
    assertThat(seen.<String>json("$.state")).isEqualTo("OPEN");
    assertThat(seen.<String>json("$.dueOn")).isEqualTo("2026-10-26");
    assertThat(seen.<Integer>json("$.workingDaysLeft")).isNegative();
    assertThat(seen.<Integer>json("$.deadline.pauses[0].workingDaysNotCounted")).isEqualTo(15);
    assertThat(seen.<Boolean>json("$.deadline.pauses[0].open")).isFalse();
    assertThat(seen.<String>json("$.consultation.answerBy")).isEqualTo("2026-10-08");
    assertThat(seen.<List<String>>json("$.allowedSteps"))
        .contains("reply", "record-consultation-answer")
        .doesNotContain("extend");
    assertThat(seen.<List<String>>json("$.letters[*].kind")).containsExactly("CONSULTATION_LETTER");
    assertThat(
            api()
                .get(
                    "/api/v1/admin/foi/requests?due=overdue&agency=" + f.agency().code(),
                    f.editor().username(),
                    PASSWORD)
                .body())
        .contains(seen.<String>json("$.trackingCode"));
    assertThat(statistics.handling(Set.of(f.agency().id()), SEEN.withDayOfYear(1), SEEN).overdue())
        .isEqualTo(1);
    assertReplayGivesWhatIsShown(id);
  }

  /**
   * Received 1 September, the request was due on 29 September. An extension recorded on 30 November
   * is refused, the due date stays, and the request counts as overdue, then as late.
   */
  @Test
  void anExtensionAfterTheDeadlineIsRefusedAndAnOverdueRequestStaysOverdue() {
    long id = enteredOnPaper();
    Api.Response refused =
        post(id, "extension", "{\"days\":20,\"approver\":\"公开办主任\",\"reason\":\"涉及多个部门\"}");
    assertThat(refused.status()).as(refused.body()).isEqualTo(409);
    assertThat(refused.body()).contains("2026-09-29");
    Api.Response seen = view(id);
    assertThat(seen.<String>json("$.dueOn")).isEqualTo("2026-09-29");
    assertThat(seen.<Object>json("$.extension")).isNull();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM foi_event WHERE request_id = ? AND kind = 'EXTENDED'")
                .param(id)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(statistics.handling(Set.of(f.agency().id()), SEEN.withDayOfYear(1), SEEN).overdue())
        .isEqualTo(1);

    assertThat(post(id, "reply", "{\"outcome\":\"DISCLOSED\"}").status()).isEqualTo(200);
    FoiStatistics.Handling handled =
        statistics.handling(Set.of(f.agency().id()), SEEN.withDayOfYear(1), SEEN);
    assertThat(handled.concluded()).isEqualTo(1);
    assertThat(handled.onTime()).as("answered after its due date").isZero();
    assertReplayGivesWhatIsShown(id);
  }

  @Test
  void aStepTakesEffectNeitherBeforeThePreviousStepNorAfterToday() {
    clock.travelTo(LocalDate.of(2026, 9, 10));
    long id = enteredOnPaper();
    Api.Response early = post(id, "consultation", "{\"party\":\"某公司\",\"sentOn\":\"2026-08-31\"}");
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.<List<String>>json("$.errors[*].field")).containsExactly("sentOn");
    Api.Response future = post(id, "consultation", "{\"party\":\"某公司\",\"sentOn\":\"2026-09-11\"}");
    assertThat(future.status()).isEqualTo(400);
    assertThat(post(id, "consultation", "{\"party\":\"某公司\",\"sentOn\":\"2026-09-10\"}").status())
        .isEqualTo(200);
    assertThat(post(id, "consultation-answered", "{\"answeredOn\":\"2026-09-09\"}").status())
        .as("before the letter it answers")
        .isEqualTo(400);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM foi_event WHERE request_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .as("refused steps leave nothing")
        .isEqualTo(3);
  }

  @Test
  void interimLettersAreRecordedWithTheirDelivery() {
    clock.travelTo(LocalDate.of(2026, 9, 3));
    long id = enteredOnPaper();
    assertThat(post(id, "supplement-request", "{\"items\":\"请写明所需信息的文号\",\"days\":10}").status())
        .isEqualTo(200);
    Api.Response asked = view(id);
    long letter = ((Number) asked.json("$.letters[0].id")).longValue();
    assertThat(asked.<String>json("$.letters[0].kind")).isEqualTo("SUPPLEMENT_NOTICE");
    assertThat(
            api()
                .get(
                    "/api/v1/admin/foi/requests/" + id + "/letters/" + letter,
                    f.editor().username(),
                    PASSWORD)
                .body())
        .contains("补正告知书", "请写明所需信息的文号", "10个工作日");
    clock.travelTo(LocalDate.of(2026, 9, 4));
    assertThat(
            post(
                    id,
                    "delivery",
                    "{\"letter\":"
                        + letter
                        + ",\"method\":\"POST\",\"deliveredOn\":\"2026-09-04\"}")
                .status())
        .isEqualTo(200);
    assertThat(view(id).<String>json("$.letters[0].deliveredOn")).isEqualTo("2026-09-04");
    assertThat(post(id, "delivery", "{\"letter\":" + letter + ",\"method\":\"POST\"}").status())
        .isEqualTo(409);
    assertReplayGivesWhatIsShown(id);
  }

  /** The request's row and its API view are what replaying its events gives. */
  private void assertReplayGivesWhatIsShown(long id) {
    RequestHistory replayed = ledger.replay(requests.events(id));
    RequestRow row = requests.find(id).orElseThrow();
    Api.Response shown = view(id);
    assertThat(row.state()).isEqualTo(replayed.state());
    assertThat(row.dueOn()).isEqualTo(replayed.dueOn());
    assertThat(row.outcome()).isEqualTo(replayed.outcome());
    assertThat(shown.<String>json("$.state")).isEqualTo(replayed.state().name());
    assertThat(shown.<String>json("$.dueOn"))
        .isEqualTo(replayed.dueOn() == null ? null : replayed.dueOn().toString());
  }
}
