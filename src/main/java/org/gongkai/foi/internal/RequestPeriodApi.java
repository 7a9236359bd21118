package org.gongkai.foi.internal;

import java.time.LocalDate;
import org.gongkai.account.StaffAccess;
import org.gongkai.foi.ConsultedParty;
import org.gongkai.foi.DeliveryChannel;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The steps that stop or lengthen a request's answer period through the admin API: a consultation
 * and its answer, an extension, a fee notice and its payment. Each answers with the request as
 * {@code GET /requests/{id}} does.
 */
@RestController
@RequestMapping("/api/v1/admin/foi")
class RequestPeriodApi {

  private final PeriodSteps periods;
  private final RequestQueries queries;
  private final StaffAccess access;

  RequestPeriodApi(PeriodSteps periods, RequestQueries queries, StaffAccess access) {
    this.periods = periods;
    this.queries = queries;
    this.access = access;
  }

  record Consultation(
      String party,
      ConsultedParty partyKind,
      DeliveryChannel channel,
      LocalDate sentOn,
      String lateReason,
      String proof) {}

  record ConsultationAnswer(
      String summary, LocalDate answeredOn, String lateReason, String proof) {}

  record Extension(
      Integer days,
      String approver,
      String reason,
      LocalDate on,
      String lateReason,
      String proof) {}

  record FeeNotice(
      FeeCalculator.Method method,
      Integer pages,
      String payment,
      LocalDate on,
      String lateReason,
      String proof) {}

  @PostMapping("/requests/{id}/consultation")
  Views.RequestView consult(@PathVariable long id, @RequestBody Consultation body) {
    periods.consult(
        id,
        body.party(),
        body.partyKind(),
        body.channel(),
        RequestAdminApi.date(body.sentOn(), body.lateReason(), body.proof()),
        access.current());
    return queries.view(id, access.current());
  }

  @PostMapping("/requests/{id}/consultation-answered")
  Views.RequestView consulted(
      @PathVariable long id, @RequestBody(required = false) ConsultationAnswer body) {
    periods.recordConsultationAnswer(
        id,
        body == null ? null : body.summary(),
        body == null
            ? StepDates.StepDate.on(null)
            : RequestAdminApi.date(body.answeredOn(), body.lateReason(), body.proof()),
        access.current());
    return queries.view(id, access.current());
  }

  @PostMapping("/requests/{id}/extension")
  Views.RequestView extend(@PathVariable long id, @RequestBody Extension body) {
    periods.extend(
        id,
        body.days() == null ? 0 : body.days(),
        body.approver(),
        body.reason(),
        RequestAdminApi.date(body.on(), body.lateReason(), body.proof()),
        access.current());
    return queries.view(id, access.current());
  }

  @PostMapping("/requests/{id}/fee-notice")
  Views.RequestView feeNotice(@PathVariable long id, @RequestBody FeeNotice body) {
    periods.notifyFee(
        id,
        body.method(),
        body.pages(),
        body.payment(),
        RequestAdminApi.date(body.on(), body.lateReason(), body.proof()),
        access.current());
    return queries.view(id, access.current());
  }

  @PostMapping("/requests/{id}/fee-paid")
  Views.RequestView feePaid(
      @PathVariable long id, @RequestBody(required = false) RequestAdminApi.DateStep body) {
    periods.recordPayment(id, RequestAdminApi.date(body), access.current());
    return queries.view(id, access.current());
  }
}
