package org.gongkai.assessment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.decision.DecisionRegister;
import org.gongkai.decision.PartyCategory;
import org.gongkai.shared.ids.OrganizationCodes;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The assessment's DECISIONS_ON_TIME rule reads the register's deadlines (双公示). */
class DecisionsOnTimeH2IntegrationTests extends PlatformIntegrationTests {

  @Autowired AutoIndicators indicators;

  @Autowired DecisionRegister register;

  @Autowired WorkingCalendar calendar;

  private static DecisionForm penalty(
      String agency, String number, LocalDate decidedOn, String body) {
    return new DecisionForm(
        DecisionKind.PENALTY,
        agency,
        new DecisionForm.Party(
            "考核的公司",
            PartyCategory.LEGAL_PERSON,
            OrganizationCodes.completeCreditCode(body),
            null,
            null,
            "赵六"),
        number,
        decidedOn,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "未备案",
        "事实",
        "依据",
        List.of("WARNING"),
        null,
        "警告",
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void aDecisionPublishedAfterItsSeventhWorkingDayCountsLate() {
    Fixture f = newAgency();
    WorkingDays days = calendar.current();
    LocalDate today = clock.today();
    int year = today.getYear();
    LocalDate early = LocalDate.of(year, 1, 5);
    String code = f.agency().code();
    register.importPublished(
        penalty(code, "考核罚1-" + code, early, "91341100000000001"),
        days.addWorkingDays(early, 3),
        f.editor(),
        f.reviewer());
    register.importPublished(
        penalty(code, "考核罚2-" + code, early, "91341100000000002"),
        days.addWorkingDays(early, 9),
        f.editor(),
        f.reviewer());
    AutoIndicators.Measure measure =
        indicators.measure(AutoRule.DECISIONS_ON_TIME, f.agency(), year);
    assertThat(measure.share()).isEqualTo(0.5);
    assertThat(measure.evidence().links()).hasSize(1);
    assertThat(measure.evidence().links().get(0).href()).startsWith("/console/decisions/");
  }
}
