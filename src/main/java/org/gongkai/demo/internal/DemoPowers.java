package org.gongkai.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.gongkai.power.PowerCatalog;
import org.gongkai.power.PowerType;

/** The power catalog of the demo's 市商务局: powers of several types, each with its process. */
final class DemoPowers {

  private DemoPowers() {}

  private static final String LICENSING_FLOW =
      """
      1|申请人提交申请材料|2
      2|窗口受理|3:材料齐全,6:材料不全
      3|业务科室审查|4:符合条件,5:不符合条件
      4|作出准予许可决定|7
      5|作出不予许可决定并说明理由|7
      6|一次性告知补正材料|2
      7|送达决定并公开结果|
      """;

  private static final String PENALTY_FLOW =
      """
      1|立案|2
      2|调查取证|3
      3|案件审核|4
      4|告知拟处罚决定及陈述申辩权利|5:申请听证,6:未申请听证
      5|组织听证|6
      6|作出行政处罚决定|7
      7|送达并执行|8
      8|结案归档|
      """;

  private static final String INSPECTION_FLOW =
      """
      1|制定检查计划|2
      2|随机抽取检查对象和执法人员|3
      3|实施现场检查|4:发现问题,5:未发现问题
      4|责令整改或移交处理|5
      5|公示检查结果|
      """;

  private static final String SIMPLE_FLOW =
      """
      1|受理|2
      2|审核|3:符合条件,4:不符合条件
      3|办理并告知结果|
      4|说明理由并告知|
      """;

  record Item(String name, PowerType type, String basis, String flow, String unit, String limit) {}

  static List<PowerCatalog.Entry> entries(String agencyCode, String phone) {
    List<Item> items =
        List.of(
            new Item(
                "对外贸易经营者备案登记",
                PowerType.LICENSING,
                "《中华人民共和国对外贸易法》第九条\n《对外贸易经营者备案登记办法》第二条",
                LICENSING_FLOW,
                "对外贸易科",
                "5个工作日"),
            new Item(
                "成品油零售经营资格审批",
                PowerType.LICENSING,
                "《国务院对确需保留的行政审批项目设定行政许可的决定》第一百八十三项",
                LICENSING_FLOW,
                "市场运行科",
                "20个工作日"),
            new Item(
                "拍卖企业设立审批",
                PowerType.LICENSING,
                "《中华人民共和国拍卖法》第十一条、第十二条",
                LICENSING_FLOW,
                "商贸服务科",
                "20个工作日"),
            new Item(
                "直销企业服务网点设立审核",
                PowerType.LICENSING,
                "《直销管理条例》第十条",
                LICENSING_FLOW,
                "市场秩序科",
                "20个工作日"),
            new Item(
                "酒类经营许可", PowerType.LICENSING, "《酒类流通管理办法》第六条", LICENSING_FLOW, "市场运行科", "10个工作日"),
            new Item(
                "对违反单用途商业预付卡管理规定的处罚",
                PowerType.PENALTY,
                "《单用途商业预付卡管理办法（试行）》第三十六条",
                PENALTY_FLOW,
                "市场秩序科",
                "90日"),
            new Item(
                "对拍卖企业违规经营的处罚", PowerType.PENALTY, "《拍卖管理办法》第六十二条", PENALTY_FLOW, "商贸服务科", "90日"),
            new Item(
                "对成品油经营企业违规行为的处罚",
                PowerType.PENALTY,
                "《成品油市场管理办法》第四十二条",
                PENALTY_FLOW,
                "市场运行科",
                "90日"),
            new Item(
                "对零售商违规促销行为的处罚",
                PowerType.PENALTY,
                "《零售商促销行为管理办法》第二十三条",
                PENALTY_FLOW,
                "市场秩序科",
                "90日"),
            new Item(
                "对报废机动车回收企业违规行为的处罚",
                PowerType.PENALTY,
                "《报废机动车回收管理办法》第二十一条",
                PENALTY_FLOW,
                "流通发展科",
                "90日"),
            new Item(
                "对生猪屠宰企业违法行为的查封扣押",
                PowerType.COERCION,
                "《中华人民共和国行政强制法》第九条",
                PENALTY_FLOW,
                "市场运行科",
                "30日"),
            new Item(
                "成品油经营企业监督检查",
                PowerType.INSPECTION,
                "《成品油市场管理办法》第三十五条",
                INSPECTION_FLOW,
                "市场运行科",
                "按计划"),
            new Item(
                "单用途商业预付卡发卡企业监督检查",
                PowerType.INSPECTION,
                "《单用途商业预付卡管理办法（试行）》第三十一条",
                INSPECTION_FLOW,
                "市场秩序科",
                "按计划"),
            new Item(
                "拍卖企业年度核查", PowerType.INSPECTION, "《拍卖管理办法》第四十四条", INSPECTION_FLOW, "商贸服务科", "每年"),
            new Item(
                "二手车交易市场监督检查",
                PowerType.INSPECTION,
                "《二手车流通管理办法》第三十条",
                INSPECTION_FLOW,
                "流通发展科",
                "按计划"),
            new Item(
                "外商投资企业投资信息报告核验",
                PowerType.CONFIRMATION,
                "《外商投资信息报告办法》第六条",
                SIMPLE_FLOW,
                "外资科",
                "10个工作日"),
            new Item(
                "加工贸易企业经营状况核查",
                PowerType.CONFIRMATION,
                "《加工贸易企业经营状况及生产能力核查办法》第三条",
                SIMPLE_FLOW,
                "对外贸易科",
                "10个工作日"),
            new Item(
                "商贸流通领域先进单位评选",
                PowerType.AWARD,
                "《临江市商贸流通业发展专项资金管理办法》第十条",
                SIMPLE_FLOW,
                "办公室",
                "按通知"),
            new Item(
                "外贸发展专项资金拨付",
                PowerType.BENEFIT,
                "《临江市外贸发展专项资金管理办法》第八条",
                SIMPLE_FLOW,
                "对外贸易科",
                "30个工作日"),
            new Item(
                "商业特许经营备案初审", PowerType.OTHER, "《商业特许经营管理条例》第八条", SIMPLE_FLOW, "商贸服务科", "10个工作日"),
            new Item(
                "家政服务信用信息核验", PowerType.OTHER, "《家政服务业信用建设指导意见》", SIMPLE_FLOW, "商贸服务科", "5个工作日"),
            new Item(
                "商贸企业纠纷调解",
                PowerType.ADJUDICATION,
                "《临江市商贸流通纠纷调解暂行办法》第五条",
                SIMPLE_FLOW,
                "市场秩序科",
                "30日"));
    List<PowerCatalog.Entry> entries = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      entries.add(
          new PowerCatalog.Entry(
              String.format("LJSW-%s-%03d", it.type().name().substring(0, 3), i + 1),
              it.name(),
              it.type(),
              it.basis(),
              it.unit(),
              "符合法律法规规定的条件。",
              "1.申请书\n2.营业执照复印件\n3.其他相关材料",
              it.limit(),
              "不收费",
              phone,
              it.flow(),
              LocalDate.of(2025, 1, 1)));
    }
    return entries;
  }
}
