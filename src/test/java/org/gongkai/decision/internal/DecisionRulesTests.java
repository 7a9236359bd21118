package org.gongkai.decision.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.decision.PartyCategory;
import org.gongkai.shared.ids.OrganizationCodes;
import org.gongkai.shared.ids.ResidentIds;
import org.gongkai.shared.web.Refusal;
import org.junit.jupiter.api.Test;

/** Every field of a decision checked, each problem named by its field. */
class DecisionRulesTests {

  private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
  private static final String CODE = OrganizationCodes.completeCreditCode("91341100123456789");
  private static final String ID =
      "34110219900101123" + ResidentIds.checkCharacter("34110219900101123");

  static DecisionForm penalty(DecisionForm.Party party, BigDecimal fine, LocalDate decidedOn) {
    return new DecisionForm(
        DecisionKind.PENALTY,
        "AGENCY",
        party,
        " 测罚〔2026〕1号 ",
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
        "违规",
        "事实",
        "依据",
        List.of("warning", "FINE"),
        null,
        "内容",
        fine,
        null,
        null,
        null,
        null,
        null);
  }

  static DecisionForm.Party company(String code) {
    return new DecisionForm.Party("某公司", PartyCategory.LEGAL_PERSON, code, null, null, "法人");
  }

  static List<String> fields(DecisionForm form) {
    return DecisionRules.check(form, TODAY).problems().stream()
        .map(Refusal.FieldProblem::field)
        .toList();
  }

  @Test
  void aCompleteLegalPersonsPenaltyPassesNormalised() {
    DecisionRules.Checked checked =
        DecisionRules.check(penalty(company(CODE.toLowerCase()), BigDecimal.ONE, TODAY), TODAY);
    assertThat(checked.problems()).isEmpty();
    assertThat(checked.form().decisionNumber()).isEqualTo("测罚〔2026〕1号");
    assertThat(checked.form().party().creditCode()).isEqualTo(CODE);
    assertThat(checked.form().penaltyKinds()).containsExactly("WARNING", "FINE");
  }

  @Test
  void theCreditCodesCheckCharacterIsChecked() {
    String wrong = CODE.substring(0, 17) + (CODE.charAt(17) == 'A' ? 'B' : 'A');
    assertThat(fields(penalty(company(wrong), BigDecimal.ONE, TODAY)))
        .containsExactly("party.creditCode");
    assertThat(fields(penalty(company(null), BigDecimal.ONE, TODAY)))
        .containsExactly("party.creditCode");
  }

  @Test
  void aNaturalPersonNeedsAValidIdentityNumberAndNoCreditCode() {
    DecisionForm.Party person =
        new DecisionForm.Party("张三", PartyCategory.NATURAL_PERSON, null, "RESIDENT_ID", ID, null);
    assertThat(fields(penalty(person, BigDecimal.ONE, TODAY))).isEmpty();
    String wrong = ID.substring(0, 17) + (ID.charAt(17) == '1' ? '2' : '1');
    assertThat(
            fields(
                penalty(
                    new DecisionForm.Party(
                        "张三", PartyCategory.NATURAL_PERSON, CODE, "RESIDENT_ID", wrong, null),
                    BigDecimal.ONE,
                    TODAY)))
        .containsExactlyInAnyOrder("party.idNumber", "party.creditCode");
  }

  @Test
  void amountsAreNotNegativeAndAFineNeedsItsAmount() {
    assertThat(fields(penalty(company(CODE), new BigDecimal("-0.01"), TODAY)))
        .containsExactly("fineWan");
    assertThat(fields(penalty(company(CODE), null, TODAY))).containsExactly("fineWan");
    assertThat(fields(penalty(company(CODE), new BigDecimal("0.0000001"), TODAY)))
        .containsExactly("fineWan");
  }

  @Test
  void datesAreInOrderAndNoneInTheFuture() {
    assertThat(fields(penalty(company(CODE), BigDecimal.ONE, TODAY.plusDays(1))))
        .containsExactly("decidedOn");
    DecisionForm licence =
        new DecisionForm(
            DecisionKind.LICENSING,
            "AGENCY",
            company(CODE),
            "测许1号",
            TODAY,
            null,
            null,
            null,
            null,
            null,
            null,
            "GENERAL",
            null,
            null,
            TODAY,
            TODAY.minusDays(1),
            null,
            null,
            null,
            null,
            null,
            "准予",
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(fields(licence)).containsExactly("validTo");
  }

  @Test
  void eachKindRequiresItsOwnFields() {
    DecisionForm empty =
        new DecisionForm(
            DecisionKind.COERCION,
            "AGENCY",
            company(CODE),
            "测强1号",
            TODAY,
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
            null,
            null,
            null,
            null,
            "SEIZE",
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(fields(empty)).containsExactlyInAnyOrder("measureKind", "facts", "basis", "content");
  }

  @Test
  void spreadsheetColumnsAreLettered() {
    assertThat(StandardColumns.letter(0)).isEqualTo("A");
    assertThat(StandardColumns.letter(25)).isEqualTo("Z");
    assertThat(StandardColumns.letter(26)).isEqualTo("AA");
    assertThat(StandardColumns.of(DecisionKind.PENALTY)).startsWith("party.name", "party.category");
  }
}
