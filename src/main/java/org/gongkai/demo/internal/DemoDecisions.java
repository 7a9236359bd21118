package org.gongkai.demo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.decision.DecisionRegister;
import org.gongkai.decision.PartyCategory;
import org.gongkai.shared.ids.OrganizationCodes;
import org.gongkai.shared.ids.ResidentIds;

/**
 * A year of the commerce bureau's licensing and penalty decisions (双公示): most published within the
 * 7 working days, a few late, and this week's still in the workflow, one of them past its date.
 */
final class DemoDecisions {

  private static final List<String> COMPANIES =
      List.of(
          "临江市恒通石油销售有限公司",
          "临江市江南加油站有限公司",
          "临江市顺达报废汽车回收拆解有限公司",
          "临江市华联超市有限公司",
          "临江市金鼎拍卖有限公司",
          "临江市盛元典当有限责任公司",
          "临江市福满楼餐饮管理有限公司",
          "临江市新世纪商贸有限公司",
          "临江市万家乐购物广场有限公司",
          "临江市绿源再生资源回收有限公司",
          "临江市东方商业预付卡服务有限公司",
          "临江市长江酒业有限公司");

  private static final List<String> PEOPLE = List.of("陈志强", "李秀英", "王建军", "赵丽华", "刘海涛");

  /** A licence and the administrative fee (万元) charged with it, if any. */
  private record Licence(String name, String category, String content, String feeWan) {}

  private static final List<Licence> LICENCES =
      List.of(
          new Licence("成品油零售经营批准证书", "GENERAL", "准予从事成品油零售经营", null),
          new Licence("报废机动车回收拆解企业资质认定证书", "RECOGNITION", "准予从事报废机动车回收拆解", "0.002"),
          new Licence("拍卖经营批准证书", "GENERAL", "准予从事拍卖业务", null),
          new Licence("典当经营许可证", "APPROVAL", "准予变更典当行注册资本", "0.001"));

  private record Penalty(
      String violation, String facts, String basis, List<String> kinds, String fine) {}

  private static final List<Penalty> PENALTIES =
      List.of(
          new Penalty(
              "单用途商业预付卡未按规定备案",
              "当事人发行单用途商业预付卡，未在开展业务之日起30日内向商务主管部门备案。",
              "《单用途商业预付卡管理办法（试行）》第七条、第三十六条",
              List.of("WARNING", "FINE"),
              "1"),
          new Penalty(
              "成品油零售未按规定建立购销台账",
              "当事人未按规定建立成品油购销台账，未如实记录购销情况。",
              "《成品油市场管理办法》第三十一条",
              List.of("FINE"),
              "0.5"),
          new Penalty(
              "报废机动车回收未如实记录", "当事人回收报废机动车未如实记录车辆信息。", "《报废机动车回收管理办法》第二十二条", List.of("FINE"), "2"),
          new Penalty(
              "零售商促销未明码标价",
              "当事人开展促销活动时未明示促销内容和限制条件。",
              "《零售商促销行为管理办法》第六条、第二十三条",
              List.of("WARNING"),
              null));

  private final DecisionRegister register;
  private final WorkingCalendar calendar;
  private final Clock clock;

  DemoDecisions(DecisionRegister register, WorkingCalendar calendar, Clock clock) {
    this.register = register;
    this.calendar = calendar;
    this.clock = clock;
  }

  void year(Agency commerce, Staff admin, Staff reviewer) {
    Random random = new Random(20261205L);
    WorkingDays days = calendar.current();
    LocalDate today = LocalDate.now(clock);
    int licensing = 0;
    int penalties = 0;
    for (LocalDate day = today.minusYears(1).plusDays(1);
        day.isBefore(today.minusDays(14));
        day = day.plusDays(1)) {
      if (!days.isWorkingDay(day)) {
        continue;
      }
      int many = random.nextInt(3);
      for (int i = 0; i < many; i++) {
        boolean penalty = random.nextInt(5) == 0;
        DecisionForm form =
            penalty
                ? penalty(commerce, day, ++penalties, random)
                : licence(commerce, day, ++licensing, random);
        // Most within the 7 working days; one in twenty published a few days late.
        int after = random.nextInt(20) == 0 ? 8 + random.nextInt(4) : 1 + random.nextInt(6);
        LocalDate published = days.addWorkingDays(day, after);
        register.importPublished(
            form, published.isAfter(today) ? today : published, admin, reviewer);
      }
    }
    // This week's work: one approved and waiting, one submitted, one entered after its date.
    long approved =
        register.create(
            licence(commerce, days.addWorkingDays(today.minusDays(7), 1), ++licensing, random),
            admin);
    register.submit(approved, admin);
    register.approve(approved, reviewer);
    long submitted =
        register.create(penalty(commerce, today.minusDays(2), ++penalties, random), admin);
    register.submit(submitted, admin);
    register.create(penalty(commerce, today.minusDays(16), ++penalties, random), admin);
  }

  private static DecisionForm licence(Agency commerce, LocalDate day, int n, Random random) {
    Licence l = LICENCES.get(random.nextInt(LICENCES.size()));
    String company = COMPANIES.get(random.nextInt(COMPANIES.size()));
    return new DecisionForm(
        DecisionKind.LICENSING,
        commerce.code(),
        new DecisionForm.Party(
            company,
            PartyCategory.LEGAL_PERSON,
            creditCode(random),
            null,
            null,
            "张" + "伟明华国庆".charAt(random.nextInt(5)) + "平"),
        "临商许〔" + day.getYear() + "〕" + n + "号",
        day,
        null,
        null,
        null,
        null,
        null,
        "准予行政许可决定书",
        l.category(),
        l.name(),
        "LJ" + day.getYear() + String.format("%04d", n),
        day,
        day.plusYears(5),
        null,
        null,
        null,
        null,
        null,
        l.content(),
        null,
        null,
        null,
        null,
        null,
        l.feeWan() == null ? null : new BigDecimal(l.feeWan()));
  }

  private static DecisionForm penalty(Agency commerce, LocalDate day, int n, Random random) {
    Penalty p = PENALTIES.get(random.nextInt(PENALTIES.size()));
    boolean person = random.nextInt(4) == 0;
    DecisionForm.Party party =
        person
            ? new DecisionForm.Party(
                PEOPLE.get(random.nextInt(PEOPLE.size())),
                PartyCategory.NATURAL_PERSON,
                null,
                "RESIDENT_ID",
                residentId(random),
                null)
            : new DecisionForm.Party(
                COMPANIES.get(random.nextInt(COMPANIES.size())),
                PartyCategory.LEGAL_PERSON,
                creditCode(random),
                null,
                null,
                "王" + "志刚建华海涛".charAt(random.nextInt(6)) + "明");
    BigDecimal fine = p.fine() == null ? null : new BigDecimal(p.fine());
    return new DecisionForm(
        DecisionKind.PENALTY,
        commerce.code(),
        party,
        "临商罚〔" + day.getYear() + "〕" + n + "号",
        day,
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
        p.violation(),
        p.facts(),
        p.basis(),
        p.kinds(),
        null,
        fine == null
            ? "警告。"
            : "警告，并处罚款人民币" + fine.multiply(BigDecimal.valueOf(10000)).intValue() + "元。",
        fine,
        null,
        null,
        null,
        null,
        null);
  }

  private static String creditCode(Random random) {
    StringBuilder body = new StringBuilder("91341100");
    for (int i = 0; i < 9; i++) {
      body.append(random.nextInt(10));
    }
    return OrganizationCodes.completeCreditCode(body.toString());
  }

  private static String residentId(Random random) {
    String body =
        String.format(
            "34110219%02d%02d%02d%03d",
            60 + random.nextInt(40),
            1 + random.nextInt(12),
            1 + random.nextInt(28),
            random.nextInt(1000));
    return body + ResidentIds.checkCharacter(body);
  }
}
