package org.gongkai.demo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.assessment.AssessmentDesk;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.Editorial;
import org.gongkai.consultation.ConsultationDesk;
import org.gongkai.consultation.ConsultationKind;
import org.gongkai.consultation.ConsultationScope;
import org.gongkai.foi.ApplicantType;
import org.gongkai.foi.Application;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IdType;
import org.gongkai.foi.InformationRequests;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.interaction.InteractionDesk;
import org.gongkai.interaction.InterviewKind;
import org.gongkai.interaction.LeaderRole;
import org.gongkai.interaction.MessageType;
import org.gongkai.monitor.Monitor;
import org.gongkai.monitor.WordList;
import org.gongkai.power.PowerCatalog;
import org.gongkai.shared.ids.OrganizationCodes;
import org.gongkai.shared.ids.ResidentIds;

/**
 * The demo's work on the desks beside publishing (requests, power catalog, participation,
 * assessment), so that each console page has something to show from the start.
 */
final class DemoActivity {

  private final AgencyDirectory agencies;
  private final Editorial editorial;
  private final Clock clock;
  private final InformationRequests requests;
  private final WorkingCalendar calendar;
  private final PowerCatalog powers;
  private final Monitor monitor;
  private final ConsultationDesk consultations;
  private final InteractionDesk interaction;
  private final AssessmentDesk assessments;

  DemoActivity(
      AgencyDirectory agencies,
      Editorial editorial,
      Clock clock,
      InformationRequests requests,
      WorkingCalendar calendar,
      PowerCatalog powers,
      Monitor monitor,
      ConsultationDesk consultations,
      InteractionDesk interaction,
      AssessmentDesk assessments) {
    this.agencies = agencies;
    this.editorial = editorial;
    this.clock = clock;
    this.requests = requests;
    this.calendar = calendar;
    this.powers = powers;
    this.monitor = monitor;
    this.consultations = consultations;
    this.interaction = interaction;
    this.assessments = assessments;
  }

  /**
   * A call for comments with comments, a closed notice, answered and open messages, and a hotline
   * session.
   */
  void participation(Agency commerce, Staff admin, Staff reviewer) {
    LocalDate today = LocalDate.now(clock);
    var days = calendar.current();
    long call =
        consultations.open(
            commerce.code(),
            ConsultationKind.CALL_FOR_COMMENTS,
            ConsultationScope.PUBLIC,
            "临江市商贸流通业发展专项资金管理办法（征求意见稿）",
            "第一条 为规范商贸流通业发展专项资金管理，提高资金使用效益，制定本办法。\n"
                + "第二条 专项资金用于支持县域商业体系建设、城市一刻钟便民生活圈建设和商贸企业数字化转型。\n"
                + "第三条 申报单位应当在本市依法登记注册，近三年无重大违法违规记录。\n"
                + "第四条 专项资金采取项目补助和以奖代补方式安排。\n"
                + "第五条 本办法自2027年1月1日起施行。",
            today.minusDays(5),
            days.addWorkingDays(today.minusDays(5), 22),
            admin,
            reviewer);
    long first = consultations.comment(call, 2, "王先生", "13900001111", "建议将农贸市场标准化改造列入支持范围。");
    consultations.comment(call, 3, null, "13900002222", "近三年无重大违法记录的认定标准请进一步明确。");
    consultations.publishComment(call, first, admin);
    consultations.open(
        commerce.code(),
        ConsultationKind.PUBLIC_NOTICE,
        ConsultationScope.PUBLIC,
        "2026年度临江市电子商务示范企业拟认定名单公示",
        "临江市某电子商务有限公司\n临江市某供应链管理有限公司\n临江市某跨境贸易有限公司",
        today.minusDays(40),
        days.addWorkingDays(today.minusDays(40), 5),
        admin,
        reviewer);
    String answered =
        interaction.write(
            commerce.code(),
            MessageType.QUESTION,
            false,
            "外贸企业出口信用保险保费补助如何申请",
            "我公司今年开展出口业务，想了解出口信用保险保费补助的申请条件和时间。",
            "李女士",
            "13800001234",
            true);
    interaction.answer(
        answered,
        "您好！出口信用保险保费补助每年集中申报一次，具体条件和时间以市商务局发布的申报通知为准，" + "可关注本网站“通知公告”栏目。",
        admin,
        reviewer);
    interaction.write(
        commerce.code(),
        MessageType.SUGGESTION,
        true,
        "建议延长夜市营业时间",
        "滨江路夜市人气很旺，建议周末延长营业时间至凌晨一点。",
        "赵先生",
        "13700005678",
        false);
    long head = interaction.addLeader(commerce.code(), "陈建国", "局长", LeaderRole.HEAD, admin);
    long deputy = interaction.addLeader(commerce.code(), "周立新", "副局长", LeaderRole.DEPUTY, admin);
    interaction.addLeader(commerce.code(), "王晓梅", "副局长", LeaderRole.DEPUTY, admin);
    interaction.recordSession(
        commerce.code(),
        InterviewKind.HOTLINE,
        today.minusDays(12),
        "临江人民广播电台《政风行风热线》",
        "优化消费环境 提振消费信心",
        List.of(head, deputy),
        18,
        16,
        "问：预付卡商家跑路怎么办？\n答：可向市商务局或市场监管部门投诉，我们将依法督促企业退款。\n"
            + "问：夜市什么时候开放？\n答：滨江路夜市每天18时至23时开放，节假日适当延长。",
        admin,
        reviewer);
  }

  /**
   * Last year's assessment of the city's departments, released with a few assessor's entries and
   * one objection.
   */
  void assessment(Agency city, List<Agency> all, Staff admin, Staff reviewer) {
    int year = LocalDate.now(clock).getYear() - 1;
    assessments.open(year, city.code(), admin);
    assessments.enter(
        year, all.get(1).code(), "1.3", new BigDecimal("8"), "财政专项资金分配结果未按季度公开，扣2分。", admin);
    assessments.enter(
        year, all.get(1).code(), "6.2", new BigDecimal("4"), "全年组织培训1次，参训人员未覆盖全部科室，扣1分。", admin);
    assessments.enter(
        year,
        all.get(2).code(),
        "B1",
        new BigDecimal("1"),
        "“政务公开进园区”做法被市政府办公室政务信息刊发推广，加1分。",
        admin);
    assessments.enter(
        year,
        all.get(3).code(),
        "D1",
        new BigDecimal("2.5"),
        "第三季度因政策文件未按时公开被市政府办公室通报，扣2.5分。",
        admin);
    assessments.release(year, LocalDate.now(clock).plusDays(10), admin);
    assessments.object(
        year,
        all.get(1).code(),
        "1.2",
        "本年度平台尚未运行网站监测，本项按0分计算与实际不符。我局网站全年经市政府办公室季度检查均为合格，请按季度检查结果评分。",
        reviewer);
  }

  /** The 市商务局's power catalog, and word lists whose findings the monitor shows on the first run. */
  void powerCatalog(Agency commerce, Staff admin, Staff reviewer) {
    for (var entry :
        DemoPowers.entries(commerce.code(), DemoAgencies.deptOf(commerce.name()).phone())) {
      powers.record(commerce.code(), entry, admin);
    }
    powers.approvePending(commerce.code(), reviewer);
    monitor.addWord(WordList.MISSPELLING, "按装", "安装", admin);
    monitor.addWord(WordList.MISSPELLING, "即然", "既然", admin);
    monitor.addWord(WordList.FORBIDDEN, "最高级", null, admin);
    monitor.addWord(WordList.LEADER, "陈建国", "局长", admin);
    monitor.addWord(WordList.LEADER, "周立新", "副局长", admin);
    Map<ColumnType, Column> columns = new HashMap<>();
    agencies.columns(commerce.id()).forEach(c -> columns.put(c.type(), c));
    DocumentForm news =
        DemoDocuments.notice(commerce, LocalDate.now(clock), "市商务局召开2026年第四季度安全生产工作会议");
    news.setColumn(columns.get(ColumnType.NEWS).id());
    news.setBody("<p>11月20日，市商务局召开第四季度安全生产工作会议，周立新局长出席会议并讲话。" + "会议要求各商贸企业按装必要的消防设施。</p>");
    editorial.importPublished(news, Instant.now(clock).minusSeconds(3600), List.of(), admin);
  }

  /** Requests at several stages, so that the console shows due dates, reminders and a reply. */
  void informationRequests(Agency commerce, Staff admin) {
    var days = calendar.current();
    LocalDate today = LocalDate.now(clock);
    record Demo(String name, String title, String description, int workingDaysAgo) {}
    List<Demo> demos =
        List.of(
            new Demo("陈明", "2025年度外贸发展专项资金分配结果", "申请公开2025年度外贸发展专项资金的分配结果及依据。", 30),
            new Demo("刘芳", "县域商业体系建设示范县评审材料", "申请公开县域商业体系建设示范县的评审标准和评审结果。", 17),
            new Demo("临江市某贸易有限公司", "成品油零售经营资格审批情况", "申请公开2025年成品油零售经营资格审批的企业名单。", 24),
            new Demo("王磊", "商贸流通领域安全生产检查记录", "申请公开2026年第三季度商贸流通领域安全生产检查记录。", 3));
    for (int i = 0; i < demos.size(); i++) {
      Demo d = demos.get(i);
      Application form = new Application();
      form.setAgency(commerce.code());
      boolean company = d.name().endsWith("公司");
      form.setApplicantType(
          company ? ApplicantType.COMMERCIAL_ENTERPRISE : ApplicantType.NATURAL_PERSON);
      form.setName(d.name());
      form.setIdType(company ? IdType.USCC : IdType.RESIDENT_ID);
      form.setIdNumber(
          company
              ? OrganizationCodes.completeCreditCode("91331000MA2A" + String.format("%05d", i))
              : DEMO_RESIDENT_IDS.get(i));
      form.setPhone("1380576" + String.format("%04d", 1200 + i));
      form.setAddress("临江市滨江路" + (100 + i) + "号");
      form.setTitle(d.title());
      form.setDescription(d.description());
      form.setDeliveryChannel(DeliveryChannel.POST);
      LocalDate received = today;
      for (int back = 0; back < d.workingDaysAgo(); back++) {
        received = received.minusDays(1);
        while (!days.isWorkingDay(received)) {
          received = received.minusDays(1);
        }
      }
      var ack = requests.enter(form, IntakeChannel.POST, received, admin);
      long id = requests.idOf(ack.trackingCode());
      requests.assign(id, admin.id(), admin);
      if (i == 0) {
        requests.reply(id, Outcome.DISCLOSED, "分配结果见本答复书附件。", admin);
      } else if (i == 3) {
        requests.startConsultation(id, "临江市某商贸集团有限公司", today, admin);
      }
    }
  }

  /** Valid resident ID numbers (check characters computed) for made-up applicants. */
  private static final List<String> DEMO_RESIDENT_IDS =
      List.of("330102198503150012", "330102199007210027", "", "330102197811090015").stream()
          .map(DemoActivity::completeResidentId)
          .toList();

  private static String completeResidentId(String id) {
    if (id.isEmpty()) {
      return id;
    }
    String body = id.substring(0, 17);
    return body + ResidentIds.checkCharacter(body);
  }
}
