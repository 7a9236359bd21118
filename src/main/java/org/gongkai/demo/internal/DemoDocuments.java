package org.gongkai.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gongkai.agency.Agency;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.Validity;
import org.gongkai.demo.internal.DemoAgencies.Dept;

/** Seed data: the templates and word lists the demo city's documents are made of. */
final class DemoDocuments {

  private DemoDocuments() {}

  static final List<String> TABLE_HEADER = List.of("序号", "项目", "单位", "本期数", "同比增长（%）");

  enum Kind {
    POLICY(ColumnType.POLICY, 5),
    NOTICE(ColumnType.NOTICE, 5),
    NEWS(ColumnType.NEWS, 6),
    PLAN(ColumnType.PLAN, 1),
    STATISTICS(ColumnType.STATISTICS, 2),
    BUDGET(ColumnType.BUDGET, 1),
    PERSONNEL(ColumnType.PERSONNEL, 1);

    private final ColumnType columnType;
    private final int weight;

    Kind(ColumnType columnType, int weight) {
      this.columnType = columnType;
      this.weight = weight;
    }

    ColumnType columnType() {
      return columnType;
    }
  }

  static Kind pick(Random random) {
    int total = 0;
    for (Kind k : Kind.values()) {
      total += k.weight;
    }
    int r = random.nextInt(total);
    for (Kind k : Kind.values()) {
      r -= k.weight;
      if (r < 0) {
        return k;
      }
    }
    return Kind.NEWS;
  }

  private static final String[] POLICY_FORMS = {
    "关于印发《临江市%s管理办法》的通知", "关于进一步加强%s工作的实施意见", "关于印发《临江市%s实施细则》的通知", "临江市%s若干措施", "关于做好%s工作的指导意见"
  };
  private static final String[] NOTICE_FORMS = {
    "关于开展%s工作的通知", "关于%s项目申报的通知", "关于%s情况的通报", "关于%s有关事项的公告", "关于征集%s典型案例的通知"
  };
  private static final String[] NEWS_FORMS = {
    "%s召开%s工作推进会", "%s部署%s重点工作", "%s开展%s专题调研", "%s举办%s业务培训班", "%s督查%s落实情况"
  };
  private static final String[] GENRES = {"通知", "意见", "办法", "公告", "通报", "规划", "报告"};
  private static final String[] OPENINGS = {
    "为深入贯彻落实党中央、国务院和省委、省政府决策部署，", "为进一步规范管理、提升服务水平，", "根据有关法律法规和上级文件精神，结合我市实际，", "为切实保障人民群众合法权益，"
  };
  private static final String[] ARTICLES = {
    "明确工作目标。到%1$d年，基本建立%2$s工作体系，服务质量和群众满意度明显提升。",
    "压实工作责任。各县（市、区）人民政府负责本行政区域内%2$s工作，有关部门按照职责分工做好相关工作。",
    "强化要素保障。市财政统筹安排资金支持%2$s工作，资金使用情况依法向社会公开。",
    "加强监督检查。建立%2$s工作定期通报制度，对工作不力的单位予以督促整改。",
    "优化办理流程。推行%2$s事项“一网通办”，申请材料能减尽减，办理时限压减至5个工作日以内。",
    "做好政策宣传。通过政府网站、政务新媒体等渠道及时发布%2$s政策信息，回应社会关切。"
  };

  static DocumentForm document(
      Kind kind, Agency agency, Dept dept, LocalDate day, int seq, Random random) {
    String subject = dept.subjects().get(random.nextInt(dept.subjects().size()));
    DocumentForm f = base(agency, day);
    switch (kind) {
      case POLICY -> {
        boolean rule = dept == DemoAgencies.CITY && random.nextInt(4) == 0;
        f.setTitle(
            rule
                ? "临江市" + subject + "管理规定"
                : String.format(POLICY_FORMS[random.nextInt(POLICY_FORMS.length)], subject));
        f.setDocNumber(
            rule
                ? "临江市人民政府令第" + (seq + 1) + "号"
                : dept.abbr() + "规〔" + day.getYear() + "〕" + (seq % 9 + 1) + "号");
        f.setKind(rule ? DocumentKind.RULE : DocumentKind.NORMATIVE_DOCUMENT);
        f.setGenre(rule ? "规章" : "规范性文件");
        f.setEffectiveOn(day.plusDays(30));
        int age = LocalDate.now().getYear() - day.getYear();
        if (age >= 4 && random.nextBoolean()) {
          f.setValidity(Validity.REPEALED);
          f.setRepealedOn(day.plusYears(3));
        } else if (age >= 3 && random.nextInt(3) == 0) {
          f.setValidity(Validity.EXPIRED);
        }
      }
      case NOTICE -> {
        f.setTitle(String.format(NOTICE_FORMS[random.nextInt(NOTICE_FORMS.length)], subject));
        f.setDocNumber(dept.abbr() + "〔" + day.getYear() + "〕" + (seq * 3 % 97 + 1) + "号");
        f.setGenre(random.nextBoolean() ? "通知" : "公告");
      }
      case NEWS -> {
        f.setTitle(
            String.format(
                NEWS_FORMS[random.nextInt(NEWS_FORMS.length)], shortName(agency.name()), subject));
        f.setGenre("工作动态");
      }
      case PLAN -> {
        f.setTitle("临江市" + subject + "“十四五”发展规划");
        f.setDocNumber(dept.abbr() + "发〔" + day.getYear() + "〕" + (seq % 30 + 1) + "号");
        f.setGenre("规划");
      }
      case STATISTICS -> {
        f.setTitle(day.getYear() + "年" + day.getMonthValue() + "月" + subject + "统计数据");
        f.setGenre("统计信息");
      }
      case BUDGET -> {
        f.setTitle(
            agency.name() + day.getYear() + "年部门" + (random.nextBoolean() ? "预算" : "决算") + "公开");
        f.setGenre("预决算");
      }
      case PERSONNEL -> {
        f.setTitle(agency.name() + day.getYear() + "年公开招聘编外工作人员公告");
        f.setGenre("公告");
      }
      default -> throw new IllegalStateException();
    }
    f.setTopic(topicOf(agency.name()));
    f.setKeywords(subject + " " + f.getGenre());
    f.setSummary(f.getTitle() + "，自印发之日起施行。");
    f.setBody(body(f.getTitle(), subject, day, random));
    return f;
  }

  static DocumentForm interpretation(DocumentForm policy, Agency agency) {
    DocumentForm f = base(agency, policy.getIssuedOn());
    String inner = policy.getTitle().replaceAll("^关于印发《(.*)》的通知$", "$1");
    f.setTitle("《" + inner + "》政策解读");
    f.setKind(DocumentKind.INTERPRETATION);
    f.setGenre("政策解读");
    f.setTopic(policy.getTopic());
    f.setKeywords(policy.getKeywords() + " 解读");
    f.setBody(
        "<h2>一、起草背景</h2><p>"
            + policy.getSummary()
            + "为便于社会公众准确理解，现就有关内容解读如下。</p>"
            + "<h2>二、主要内容</h2><p>文件共分为总体要求、重点任务和保障措施三个部分，明确了工作目标、责任分工和办理流程。</p>"
            + "<h2>三、适用范围</h2><p>本文件适用于本市行政区域内的相关单位和个人。</p>"
            + "<h2>四、解读机关及联系方式</h2><p>解读机关："
            + agency.name()
            + "；联系电话："
            + agency.guide().phone()
            + "。</p>");
    return f;
  }

  static DocumentForm functions(String agencyName) {
    DocumentForm f = new DocumentForm();
    f.setTitle(agencyName + "主要职责、内设机构和负责人");
    f.setGenre("机构职能");
    f.setBody(
        "<h2>一、主要职责</h2><p>贯彻执行国家、省有关方针政策和法律法规，拟订本市相关领域发展规划和政策措施并组织实施。</p>"
            + "<h2>二、内设机构</h2><p>办公室、政策法规科、业务管理科、监督检查科。</p>"
            + "<h2>三、办公地址和时间</h2><p>"
            + DemoAgencies.OFFICE_HOURS
            + "</p>");
    return f;
  }

  static DocumentForm annualReport(String agencyName, int year) {
    DocumentForm f = new DocumentForm();
    f.setTitle(agencyName + year + "年政府信息公开工作年度报告");
    f.setGenre("报告");
    f.setBody(
        "<p>本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求编制，"
            + "报告中所列数据的统计期限自"
            + year
            + "年1月1日起至"
            + year
            + "年12月31日止。</p>"
            + "<h2>一、总体情况</h2><p>"
            + year
            + "年，"
            + agencyName
            + "认真贯彻落实政府信息公开工作要点，持续推进主动公开、依申请公开和平台建设。</p>"
            + "<h2>二、主动公开政府信息情况</h2><p>详见统计表。</p>"
            + "<h2>五、存在的主要问题及改进情况</h2><p>政策解读形式还不够丰富，下一步将加强图解、视频等多元化解读。</p>");
    return f;
  }

  static DocumentForm notice(Agency agency, LocalDate day, String title) {
    DocumentForm f = base(agency, day);
    f.setTitle(title);
    f.setGenre("通知");
    f.setBody(body(title, title, day, new Random(title.hashCode())));
    return f;
  }

  static List<List<Object>> tableRows(Random random) {
    List<List<Object>> rows = new ArrayList<>();
    String[] items = {"社会消费品零售总额", "外贸进出口总额", "实际利用外资", "网络零售额", "限上企业数"};
    String[] units = {"亿元", "亿元", "万美元", "亿元", "家"};
    for (int i = 0; i < items.length; i++) {
      rows.add(
          List.of(
              i + 1,
              items[i],
              units[i],
              Math.round(random.nextDouble() * 5000) / 10.0,
              Math.round((random.nextDouble() * 20 - 5) * 10) / 10.0));
    }
    return rows;
  }

  private static DocumentForm base(Agency agency, LocalDate day) {
    DocumentForm f = new DocumentForm();
    f.setAgency(agency.code());
    f.setIssuedOn(day);
    f.setValidity(Validity.VALID);
    f.setDisclosureMode(DisclosureMode.PROACTIVE);
    f.setKind(DocumentKind.GENERAL);
    f.setSource(agency.name());
    return f;
  }

  private static String body(String title, String subject, LocalDate day, Random random) {
    StringBuilder sb = new StringBuilder();
    sb.append("<p>各县（市、区）人民政府，市政府各部门、各直属单位：</p>");
    sb.append("<p>")
        .append(OPENINGS[random.nextInt(OPENINGS.length)])
        .append("现就")
        .append(subject)
        .append("有关事项通知如下。</p>");
    int n = 3 + random.nextInt(3);
    String[] numerals = {"一", "二", "三", "四", "五", "六"};
    for (int i = 0; i < n; i++) {
      sb.append("<p>")
          .append(numerals[i])
          .append("、")
          .append(
              String.format(
                  ARTICLES[(i + random.nextInt(ARTICLES.length)) % ARTICLES.length],
                  day.getYear() + 2,
                  subject))
          .append("</p>");
    }
    sb.append("<p>本文件自")
        .append(day.getYear())
        .append("年")
        .append(day.getMonthValue())
        .append("月")
        .append(day.getDayOfMonth())
        .append("日起施行。</p>");
    return sb.toString();
  }

  private static String shortName(String agencyName) {
    return agencyName.replace("临江", "");
  }

  private static String topicOf(String agencyName) {
    if (agencyName.contains("商务")) {
      return "商贸、海关、旅游\\国内贸易";
    }
    if (agencyName.contains("教育")) {
      return "科技、教育\\教育";
    }
    if (agencyName.contains("财政")) {
      return "财政、金融、审计\\财政";
    }
    if (agencyName.contains("生态")) {
      return "城乡建设、环境保护\\环境监测、保护与治理";
    }
    if (agencyName.contains("市场")) {
      return "工业、交通\\市场监管";
    }
    if (agencyName.contains("人力")) {
      return "劳动、人事、监察\\就业";
    }
    return "综合政务\\政务公开";
  }
}
