package org.gongkai.assessment.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.gongkai.account.StaffAccess;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A year's results for other systems: the office gets every agency, an agency's staff their own
 * once released.
 */
@RestController
@RequestMapping("/api/v1/admin/assessments")
class AssessmentApi {

  private final Assessments assessments;
  private final StaffAccess access;
  private final MessageSource messages;

  AssessmentApi(Assessments assessments, StaffAccess access, MessageSource messages) {
    this.assessments = assessments;
    this.access = access;
    this.messages = messages;
  }

  record Year(
      int year,
      String scheme,
      @JsonProperty("final") boolean isFinal,
      String state,
      String objectionsUntil,
      List<AgencyView> agencies) {}

  record AgencyView(
      String agency,
      String name,
      BigDecimal total,
      BigDecimal max,
      int rank,
      boolean vetoed,
      List<ItemView> items) {}

  record ItemView(
      String indicator,
      String name,
      String kind,
      BigDecimal points,
      BigDecimal max,
      String source,
      String evidence,
      List<Evidence.Link> records) {}

  @GetMapping("/{year:\\d+}")
  Year year(@PathVariable int year, Locale locale) {
    Assessments.Standing standing = assessments.standing(year, access.current());
    var a = standing.assessment();
    return new Year(
        year,
        standing.scheme().name(),
        standing.isFinal(),
        a.state().name(),
        a.objectionsUntil() == null ? null : a.objectionsUntil().toString(),
        standing.results().stream()
            .map(
                r ->
                    new AgencyView(
                        r.agency(),
                        r.name(),
                        r.total(),
                        r.max(),
                        r.rank(),
                        r.vetoed(),
                        r.items().stream()
                            .filter(i -> i.source() != null)
                            .map(
                                i ->
                                    new ItemView(
                                        i.code(),
                                        i.name(),
                                        i.kind().name(),
                                        i.points(),
                                        i.max(),
                                        i.source().name(),
                                        i.evidence().render(messages, locale),
                                        i.evidence().links()))
                            .toList()))
            .toList());
  }
}
