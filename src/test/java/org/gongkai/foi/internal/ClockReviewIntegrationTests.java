package org.gongkai.foi.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.gongkai.foi.FoiStatistics;
import org.gongkai.foi.RequestTable;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.gongkai.support.PublicSubmissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The second review of the statutory clock, one test per point it found, each with its dates
 * written out and counted by hand on the shipped 2026 calendar (中秋 25–27 September, National Day
 * 1–7 October, Sunday 20 September and Saturday 10 October worked). The request of the examples is
 * received on 1 September 2026 and falls due on 29 September.
 */
abstract class ClockReviewIntegrationTests extends PlatformIntegrationTests {

  private static final LocalDate RECEIVED = LocalDate.of(2026, 9, 1);

  @Autowired private FoiStatistics statistics;

  @Autowired private FoiReminders reminders;

  @Autowired private FoiMeters meters;

  private Fixture f;

  @BeforeEach
  void anAgency() {
    f = newAgency();
  }

  /**
   * Point 1. On 30 November a reply dated 28 September, a consultation entered on 12 October as
   * sent on 2 September and a per-page fee notice dated 2 September entered on 9 October would each
   * clear a request overdue since 29 September. Each is refused without a reason and a proof; kept
   * with them, the reply shows both dates and counts as late. A reply dated more than three working
   * days before the day it is recorded needs the same, and a consultation dated after the deadline
   * is refused outright.
   */
  @Test
  void backdatedStepsDoNotClearALateRequest() throws IOException {
    clock.travelTo(LocalDate.of(2026, 11, 30));
    long replied = entered("ONLINE");
    Api.Response bare = post(replied, "reply", "{\"outcome\":\"DISCLOSED\",\"on\":\"2026-09-28\"}");
    assertThat(bare.status()).as(bare.body()).isEqualTo(400);
    assertThat(bare.<List<String>>json("$.errors[*].field")).contains("lateReason");
    Api.Response noProof =
        post(
            replied,
            "reply",
            "{\"outcome\":\"DISCLOSED\",\"on\":\"2026-09-28\",\"lateReason\":\"答复书9月28日已邮寄，漏录\"}");
    assertThat(noProof.status()).isEqualTo(400);
    assertThat(noProof.<List<String>>json("$.errors[*].field")).containsExactly("proof");
    assertThat(events(replied)).as("refused steps leave nothing").isEqualTo(2);

    String proof = proof(replied);
    Api.Response kept =
        post(
            replied,
            "reply",
            "{\"outcome\":\"DISCLOSED\",\"on\":\"2026-09-28\",\"lateReason\":\"答复书9月28日已邮寄，漏录\","
                + "\"proof\":\""
                + proof
                + "\"}");
    assertThat(kept.status()).as(kept.body()).isEqualTo(200);
    assertThat(kept.<String>json("$.history[2].kind")).isEqualTo("REPLIED");
    assertThat(kept.<String>json("$.history[2].effectiveOn")).isEqualTo("2026-09-28");
    assertThat(kept.<String>json("$.history[2].recordedOn")).isEqualTo("2026-11-30");
    assertThat(kept.<String>json("$.history[2].lateReason")).isEqualTo("答复书9月28日已邮寄，漏录");
    assertThat(kept.<Boolean>json("$.history[2].proof")).isTrue();
    assertThat(kept.<Boolean>json("$.recordedLate")).isTrue();
    LocalDate year = LocalDate.of(2026, 1, 1);
    assertThat(statistics.concluded(Set.of(f.agency().id()), year, LocalDate.of(2026, 12, 31)))
        .singleElement()
        .satisfies(c -> assertThat(c.onTime()).as("kept, but late").isFalse());
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit_record WHERE subject_type = 'foi-request' AND subject_id = ?"
                        + " AND action = 'foi.recorded-late'")
                .param(String.valueOf(replied))
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    clock.travelTo(RECEIVED);
    long consulted = entered("ONLINE");
    long feeNoticed = entered("ONLINE");
    clock.travelTo(LocalDate.of(2026, 10, 12));
    Api.Response consultation =
        post(consulted, "consultation", "{\"party\":\"临江市某建设有限公司\",\"sentOn\":\"2026-09-02\"}");
    assertThat(consultation.status()).as(consultation.body()).isEqualTo(400);
    assertThat(consultation.<List<String>>json("$.errors[*].field")).contains("lateReason");
    assertThat(overdueCodes()).contains(view(consulted).<String>json("$.trackingCode"));
    assertThat(
            post(consulted, "extension", "{\"days\":20,\"approver\":\"主任\",\"reason\":\"复杂\"}")
                .status())
        .isEqualTo(409);
    Api.Response afterTheDeadline =
        post(consulted, "consultation", "{\"party\":\"某公司\",\"sentOn\":\"2026-10-09\"}");
    assertThat(afterTheDeadline.status()).as(afterTheDeadline.body()).isEqualTo(409);
    assertThat(afterTheDeadline.<List<String>>json("$.errors[*].field")).containsExactly("sentOn");
    clock.travelTo(LocalDate.of(2026, 10, 9));
    Api.Response fee =
        post(
            feeNoticed,
            "fee-notice",
            "{\"method\":\"PER_PAGE\",\"pages\":200,\"on\":\"2026-09-02\"}");
    assertThat(fee.status()).as(fee.body()).isEqualTo(400);
    assertThat(fee.<List<String>>json("$.errors[*].field")).contains("lateReason");
    assertThat(view(feeNoticed).<String>json("$.dueOn")).isEqualTo("2026-09-29");

    // Not overdue, but dated 14 September and recorded on the 20th: 15–18 and 20 September are
    // five working days in between, more than the three allowed without a reason.
    clock.travelTo(RECEIVED);
    long early = entered("ONLINE");
    clock.travelTo(LocalDate.of(2026, 9, 20));
    Api.Response backdated =
        post(early, "reply", "{\"outcome\":\"DISCLOSED\",\"on\":\"2026-09-14\"}");
    assertThat(backdated.status()).as(backdated.body()).isEqualTo(400);
    assertThat(backdated.<List<String>>json("$.errors[*].field")).contains("lateReason");
    assertThat(post(early, "reply", "{\"outcome\":\"DISCLOSED\",\"on\":\"2026-09-17\"}").status())
        .isEqualTo(200);
  }

  /**
   * Point 2. A fee notice sent by post on 3 September whose delivery nobody records is deemed
   * delivered 15 days after it was sent, on 18 September; the 20 working days to pay run from then
   * (20, 21–24, 28–30 September, 8–10, 12–16, 19–22 October) and end on 22 October; on the 23rd the
   * request lapses as （六）2.
   */
  @Test
  void aFeeNoticeWithoutARecordedDeliveryDoesNotStopTheClockForGood() {
    clock.travelTo(LocalDate.of(2026, 9, 3));
    long id = entered("POST");
    Api.Response noticed = post(id, "fee-notice", "{\"method\":\"PER_PAGE\",\"pages\":200}");
    assertThat(noticed.status()).as(noticed.body()).isEqualTo(200);
    assertThat(noticed.<String>json("$.fee.deliveredOn")).isEqualTo("2026-09-18");
    assertThat(noticed.<Boolean>json("$.fee.deliveryDeemed")).isTrue();
    assertThat(noticed.<String>json("$.fee.payBy")).isEqualTo("2026-10-22");
    clock.travelTo(LocalDate.of(2026, 10, 22));
    reminders.run();
    assertThat(view(id).<String>json("$.state")).isEqualTo("AWAITING_FEE");
    clock.travelTo(LocalDate.of(2026, 10, 23));
    reminders.run();
    Api.Response lapsed = view(id);
    assertThat(lapsed.<String>json("$.state")).isEqualTo("CLOSED");
    assertThat(lapsed.<String>json("$.outcome")).isEqualTo("OTHER_FEE_UNPAID");
  }

  /**
   * Point 3. Reasons asked for on 2 September (Art. 35) are due within 15 working days of the
   * letter's delivery, online the same day: by 22 September. Unanswered, the request is back with
   * the agency, overdue since 29 September on its page, in the overdue list, in the statistics and
   * in the gauge alike. While the reasons are awaited the agency may answer （五）4.
   */
  @Test
  void article35ReasonsLapseCanBeAnsweredAndOverdueHasOneDefinition() {
    clock.travelTo(LocalDate.of(2026, 9, 2));
    long lapsing = entered("ONLINE");
    long answered = entered("ONLINE");
    assertThat(post(lapsing, "reasons-request", "{\"text\":\"请说明申请的理由\"}").status()).isEqualTo(200);
    assertThat(post(answered, "reasons-request", "{\"text\":\"请说明申请的理由\"}").status())
        .isEqualTo(200);
    assertThat(view(lapsing).<String>json("$.reasons.answerBy")).isEqualTo("2026-09-22");
    clock.travelTo(LocalDate.of(2026, 9, 10));
    Api.Response notProcessed =
        post(
            answered,
            "reply",
            "{\"outcome\":\"NOT_PROCESSED_EXCESSIVE\",\"explanation\":\"未说明理由\"}");
    assertThat(notProcessed.status()).as(notProcessed.body()).isEqualTo(200);

    clock.travelTo(LocalDate.of(2026, 11, 30));
    reminders.run();
    Api.Response page = view(lapsing);
    assertThat(page.<String>json("$.state")).isEqualTo("OPEN");
    assertThat(page.<Boolean>json("$.reasons.lapsed")).isTrue();
    assertThat(page.<Integer>json("$.workingDaysLeft")).isNegative();
    assertThat(page.<List<String>>json("$.allowedSteps")).contains("reply");
    assertThat(overdueCodes()).containsExactly(page.<String>json("$.trackingCode"));
    assertThat(
            statistics
                .handling(
                    Set.of(f.agency().id()), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 30))
                .overdue())
        .isEqualTo(1);
    long gauge = meters.overdue();
    assertThat(post(lapsing, "reply", "{\"outcome\":\"DISCLOSED\"}").status()).isEqualTo(200);
    assertThat(meters.overdue()).as("the gauge counted it").isEqualTo(gauge - 1);
  }

  /**
   * Point 4. A letter sent by post on 10 September and received on the 14th gives the third party
   * 15 working days from its receipt (15–18, 20, 21–24, 28–30 September, 8–10 October): until 10
   * October, not 8 October. Another agency that stays silent is deemed to consent (Art. 34).
   */
  @Test
  void article32CountsFromTheThirdPartysReceiptAndArticle34SilenceIsConsent() {
    clock.travelTo(LocalDate.of(2026, 9, 10));
    long thirdParty = entered("ONLINE");
    long agency = entered("ONLINE");
    assertThat(
            post(
                    thirdParty,
                    "consultation",
                    "{\"party\":\"临江市某建设有限公司\",\"channel\":\"POST\",\"sentOn\":\"2026-09-10\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            post(
                    agency,
                    "consultation",
                    "{\"party\":\"临江市财政局\",\"partyKind\":\"AGENCY\",\"channel\":\"POST\"}")
                .status())
        .isEqualTo(200);
    clock.travelTo(LocalDate.of(2026, 9, 14));
    long letter = ((Number) view(thirdParty).json("$.letters[0].id")).longValue();
    assertThat(
            post(
                    thirdParty,
                    "delivery",
                    "{\"letter\":"
                        + letter
                        + ",\"method\":\"POST\",\"deliveredOn\":\"2026-09-14\"}")
                .status())
        .isEqualTo(200);
    Api.Response consulting = view(thirdParty);
    assertThat(consulting.<String>json("$.consultation.receivedOn")).isEqualTo("2026-09-14");
    assertThat(consulting.<String>json("$.consultation.answerBy")).isEqualTo("2026-10-10");

    clock.travelTo(LocalDate.of(2026, 11, 30));
    Api.Response silent = view(agency);
    assertThat(silent.<String>json("$.consultation.partyKind")).isEqualTo("AGENCY");
    assertThat(silent.<Boolean>json("$.consultation.deemedConsent")).isTrue();
    assertThat(view(thirdParty).<Boolean>json("$.consultation.deemedConsent")).isFalse();
  }

  /**
   * Point 5. The 2025 report was published with one request carried into 2026. A reply dated 31
   * December 2025 and entered on 10 February 2026 is refused (it would count in neither year);
   * dated the day it is entered, it counts in 2026. When the published carry-over differs from what
   * the requests give, table 三 shows the difference as a violation and 本年新收 keeps its count.
   */
  @Test
  void table3CarryOverCheckCanFailAndAReplyCannotFallBetweenYears() {
    clock.travelTo(LocalDate.of(2025, 12, 1));
    long id = entered("ONLINE");
    clock.travelTo(LocalDate.of(2026, 2, 10));
    freeze(2025, "table3.CARRIED_FORWARD.NATURAL_PERSON", 1);
    freeze(2025, "table3.CARRIED_FORWARD.TOTAL", 1);
    Api.Response between = post(id, "reply", "{\"outcome\":\"DISCLOSED\",\"on\":\"2025-12-31\"}");
    assertThat(between.status()).as(between.body()).isEqualTo(409);
    assertThat(between.<List<String>>json("$.errors[*].field")).containsExactly("on");
    assertThat(post(id, "reply", "{\"outcome\":\"DISCLOSED\",\"on\":\"2026-02-10\"}").status())
        .isEqualTo(200);
    Api.Response balanced = annual(2026);
    assertThat(balanced.<Integer>json("$.cells['table3.CARRIED_OVER.TOTAL']")).isEqualTo(1);
    assertThat(balanced.<Integer>json("$.cells['table3.DISCLOSED.TOTAL']")).isEqualTo(1);
    assertThat(balanced.<List<String>>json("$.violations[*].rule")).doesNotContain("T3_CARRY_OVER");

    jdbc.sql(
            "UPDATE report_frozen_cell SET amount = 2 WHERE agency_id = ? AND report_year = 2025"
                + " AND cell_key LIKE 'table3.CARRIED_FORWARD.%'")
        .param(f.agency().id())
        .update();
    Api.Response differs = annual(2026);
    assertThat(differs.<List<String>>json("$.violations[*].rule")).contains("T3_CARRY_OVER");
    assertThat(differs.<Integer>json("$.cells['table3.RECEIVED.TOTAL']")).isZero();
    assertThat(differs.<Integer>json("$.cells['table3.CARRIED_OVER.TOTAL']")).isEqualTo(1);
  }

  /**
   * Point 6. Once the 2025 report is drafted for publication its figures are fixed: table 四 keeps
   * the cases it counted, and no case, section text or request step that would change 2025 is
   * accepted.
   */
  @Test
  void aFrozenYearDoesNotChange() {
    clock.travelTo(LocalDate.of(2025, 12, 1));
    long id = entered("ONLINE");
    clock.travelTo(LocalDate.of(2026, 2, 10));
    freeze(2025, "table4.RECONSIDERATION.TOTAL", 0);
    freeze(2025, "table3.CARRIED_FORWARD.TOTAL", 1);
    freeze(2025, "table3.CARRIED_FORWARD.NATURAL_PERSON", 1);
    Api.Response filed =
        api()
            .post(
                "/api/v1/admin/reports/cases?agency=" + f.agency().code(),
                "{\"kind\":\"RECONSIDERATION\",\"reference\":\"临复〔2025〕3号\",\"filedOn\":\"2025-06-01\"}",
                f.reviewer().username(),
                PASSWORD);
    assertThat(filed.status()).as(filed.body()).isEqualTo(409);
    assertThat(filed.<List<String>>json("$.errors[*].field")).containsExactly("filedOn");
    jdbc.sql(
            "INSERT INTO report_case (agency_id, kind, reference, filed_on, result, recorded_by, recorded_at)"
                + " VALUES (?, 'RECONSIDERATION', 'x', ?, 'PENDING', 'x', ?)")
        .params(f.agency().id(), LocalDate.of(2025, 6, 1), OffsetDateTime.now(ZoneOffset.UTC))
        .update();
    assertThat(annual(2025).<Integer>json("$.cells['table4.RECONSIDERATION.TOTAL']"))
        .as("table 四 as published")
        .isZero();
    Api.Response text =
        api()
            .put(
                "/api/v1/admin/reports/annual/sections/FIVE?agency="
                    + f.agency().code()
                    + "&year=2025",
                "{\"text\":\"改写\"}",
                f.reviewer().username(),
                PASSWORD);
    assertThat(text.status()).as(text.body()).isEqualTo(409);
    assertThat(text.<List<String>>json("$.errors[*].field")).containsExactly("year");
    Api.Response step = post(id, "consultation", "{\"party\":\"某公司\",\"sentOn\":\"2025-12-02\"}");
    assertThat(step.status()).as(step.body()).isEqualTo(409);
    assertThat(step.<List<String>>json("$.errors[*].field")).containsExactly("sentOn");
  }

  /**
   * Point 7. Answered on 20 September, the request is reopened on 30 November on a reconsideration
   * decision that orders a new answer within 15 working days (1–4, 7–11, 14–18, 21 December): due
   * 21 December, not overdue since 29 September.
   */
  @Test
  void aReopeningFollowsThePeriodTheDecisionOrders() {
    clock.travelTo(RECEIVED);
    long id = entered("ONLINE");
    clock.travelTo(LocalDate.of(2026, 9, 20));
    assertThat(post(id, "reply", "{\"outcome\":\"DISCLOSED\"}").status()).isEqualTo(200);
    clock.travelTo(LocalDate.of(2026, 11, 30));
    Api.Response reopened =
        post(
            id, "reopen", "{\"reason\":\"复议决定责令重新答复\",\"decision\":\"临复决字〔2026〕12号\",\"days\":15}");
    assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
    assertThat(reopened.<String>json("$.dueOn")).isEqualTo("2026-12-21");
    assertThat(reopened.<Integer>json("$.workingDaysLeft")).isNotNegative();
    assertThat(overdueCodes()).isEmpty();
  }

  /**
   * Point 8. A supplement notice of 2 September giving 10 working days, by post: received on 7
   * September it is due on 20 September (8–11, 14–18, 20); with no receipt recorded it is deemed
   * delivered on the 17th and due on 8 October (18, 20–24, 28–30 September, 8 October), so the
   * daily run of 18 September does not close it.
   */
  @Test
  void theSupplementPeriodRunsFromTheNoticesDelivery() {
    clock.travelTo(LocalDate.of(2026, 9, 2));
    long received = entered("POST");
    long deemed = entered("POST");
    for (long id : List.of(received, deemed)) {
      assertThat(post(id, "supplement-request", "{\"items\":\"请写明文号\",\"days\":10}").status())
          .isEqualTo(200);
    }
    clock.travelTo(LocalDate.of(2026, 9, 7));
    long letter = ((Number) view(received).json("$.letters[0].id")).longValue();
    assertThat(
            post(
                    received,
                    "delivery",
                    "{\"letter\":"
                        + letter
                        + ",\"method\":\"POST\",\"deliveredOn\":\"2026-09-07\"}")
                .status())
        .isEqualTo(200);
    assertThat(view(received).<String>json("$.supplementDueOn")).isEqualTo("2026-09-20");
    assertThat(view(deemed).<String>json("$.supplementDueOn")).isEqualTo("2026-10-08");
    assertThat(post(deemed, "assign", "{\"assignee\":" + f.editor().id() + "}").status())
        .isEqualTo(200);
    clock.travelTo(LocalDate.of(2026, 9, 18));
    reminders.run();
    assertThat(view(deemed).<String>json("$.state")).isEqualTo("AWAITING_SUPPLEMENT");
    assertThat(
            jdbc.sql(
                    "SELECT due_on FROM foi_notification WHERE request_id = ? AND kind = 'DELIVERY_UNRECORDED'")
                .param(deemed)
                .query(LocalDate.class)
                .list())
        .as("the assignee is reminded that the notice's delivery is not recorded")
        .containsExactly(LocalDate.of(2026, 9, 17));
    clock.travelTo(LocalDate.of(2026, 10, 9));
    reminders.run();
    assertThat(view(deemed).<String>json("$.outcome")).isEqualTo("OTHER_NO_SUPPLEMENT");
  }

  /**
   * Point 9, online requests. One submitted online on 1 September and registered by nobody: the
   * agency's staff are reminded on the next working day, and table 三 counts it as received on the
   * day the platform acknowledged it and carried forward.
   */
  @Test
  void anOnlineRequestNobodyRegistersIsRemindedAndCountedInTable3() {
    clock.travelTo(RECEIVED);
    Api.Response submitted =
        api()
            .post(
                "/api/v1/foi/requests",
                api().answered(PublicSubmissions.request(f.agency().code(), "unregistered")),
                null,
                null);
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
    clock.travelTo(LocalDate.of(2026, 9, 2));
    reminders.run();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM foi_notification n JOIN foi_request r ON r.id = n.request_id"
                        + " WHERE r.tracking_code = ? AND n.kind = 'UNREGISTERED'")
                .param(submitted.<String>json("$.trackingCode"))
                .query(Integer.class)
                .single())
        .isPositive();
    RequestTable september =
        statistics.table(
            Set.of(f.agency().id()), LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30));
    assertThat(september.row("RECEIVED").total()).isEqualTo(1);
    assertThat(september.row("CARRIED_FORWARD").total()).isEqualTo(1);
  }

  /**
   * Point 9, outcomes. （四）3 says the application was still unclear after a supplement, （五）4 that
   * the applicant did not justify a clearly excessive number of requests (Art. 35): neither stands
   * without the step it refers to.
   */
  @Test
  void outcomesFourThreeAndFiveFourNeedTheHistoryTheyStandFor() {
    clock.travelTo(RECEIVED);
    long id = entered("ONLINE");
    Api.Response unclear =
        post(id, "reply", "{\"outcome\":\"UNAVAILABLE_STILL_UNCLEAR\",\"explanation\":\"仍不明确\"}");
    assertThat(unclear.status()).as(unclear.body()).isEqualTo(409);
    assertThat(unclear.<List<String>>json("$.errors[*].field")).containsExactly("outcome");
    Api.Response excessive =
        post(id, "reply", "{\"outcome\":\"NOT_PROCESSED_EXCESSIVE\",\"explanation\":\"过多\"}");
    assertThat(excessive.status()).isEqualTo(409);
    assertThat(excessive.<List<String>>json("$.errors[*].field")).containsExactly("outcome");
    assertThat(post(id, "supplement-request", "{\"items\":\"请写明文号\"}").status()).isEqualTo(200);
    assertThat(post(id, "supplement-received", "{}").status()).isEqualTo(200);
    assertThat(
            post(
                    id,
                    "reply",
                    "{\"outcome\":\"UNAVAILABLE_STILL_UNCLEAR\",\"explanation\":\"仍不明确\"}")
                .status())
        .isEqualTo(200);
  }

  /**
   * Point 1 in the console: on 30 November the reply form of a request due on 29 September asks for
   * the reason and the proof; without them the page says why, with them the request's story shows
   * the reply dated 28 September, recorded on 30 November, and the reason.
   */
  @Test
  void theConsoleAsksForTheReasonAndProofAndShowsBothDates() throws Exception {
    clock.travelTo(LocalDate.of(2026, 11, 30));
    long id = entered("ONLINE");
    MockMvc mvc = consoleMvc();
    MockHttpSession session = consoleSession(mvc, f.editor().username());
    String form =
        mvc.perform(get("/console/foi/" + id).session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(form).contains("name=\"lateReason\"", "name=\"proofFile\"", "multipart/form-data");
    MvcResult refused =
        mvc.perform(
                multipart("/console/foi/" + id + "/reply")
                    .param("outcome", "DISCLOSED")
                    .param("on", "2026-09-28")
                    .session(session)
                    .with(csrf()))
            .andReturn();
    assertThat(refused.getFlashMap().get("refusal")).isEqualTo("foi.late.after-deadline");
    assertThat(events(id)).isEqualTo(2);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
    MvcResult kept =
        mvc.perform(
                multipart("/console/foi/" + id + "/reply")
                    .file(
                        new MockMultipartFile(
                            "proofFile", "回执.png", "image/png", png.toByteArray()))
                    .param("outcome", "DISCLOSED")
                    .param("on", "2026-09-28")
                    .param("lateReason", "答复书已于9月28日邮寄，漏录")
                    .session(session)
                    .with(csrf()))
            .andReturn();
    assertThat(kept.getFlashMap().get("notice")).isEqualTo("foi.step.done");
    String story =
        mvc.perform(get("/console/foi/" + id).session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(story).contains("日期：2026-09-28", "登记于：2026-11-30", "补录理由：答复书已于9月28日邮寄，漏录", "计为逾期办理");
  }

  // ---- helpers ----

  /** An application entered by staff as received on 1 September or today, whichever is earlier. */
  private long entered(String delivery) {
    LocalDate today = clock.today();
    LocalDate received = today.isBefore(RECEIVED) ? today : RECEIVED;
    String application =
        PublicSubmissions.request(f.agency().code(), "review " + System.nanoTime())
            .replace(
                "\"deliveryChannel\":\"ONLINE\"",
                "\"deliveryChannel\":\"" + delivery + "\",\"address\":\"临江市滨江路100号\"");
    String entry =
        "{\"application\":"
            + application
            + ",\"channel\":\"POST\",\"receivedOn\":\""
            + received
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

  private List<String> overdueCodes() {
    return api()
        .get(
            "/api/v1/admin/foi/requests?due=overdue&agency=" + f.agency().code(),
            f.editor().username(),
            PASSWORD)
        .json("$.items[*].trackingCode");
  }

  private int events(long id) {
    return jdbc.sql("SELECT COUNT(*) FROM foi_event WHERE request_id = ?")
        .param(id)
        .query(Integer.class)
        .single();
  }

  /** A scanned postal receipt, uploaded as the proof of a late step. */
  private String proof(long id) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", png);
    Api.Response uploaded =
        api()
            .upload(
                "/api/v1/admin/foi/requests/" + id + "/proofs",
                "回执.png",
                png.toByteArray(),
                f.editor().username(),
                PASSWORD);
    assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
    return uploaded.json("$.proof");
  }

  /** The year's report as drafted for publication: its figures fixed. */
  private void freeze(int year, String cell, int amount) {
    jdbc.sql(
            "INSERT INTO report_frozen_cell (agency_id, report_year, cell_key, amount, frozen_by, frozen_at)"
                + " VALUES (?, ?, ?, ?, 'test', ?)")
        .params(f.agency().id(), year, cell, amount, OffsetDateTime.now(ZoneOffset.UTC))
        .update();
  }

  private Api.Response annual(int year) {
    Api.Response report =
        api()
            .get(
                "/api/v1/admin/reports/annual?agency=" + f.agency().code() + "&year=" + year,
                f.reviewer().username(),
                PASSWORD);
    assertThat(report.status()).as(report.body()).isEqualTo(200);
    return report;
  }
}
