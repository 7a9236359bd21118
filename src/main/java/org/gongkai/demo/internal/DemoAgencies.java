package org.gongkai.demo.internal;

import java.util.List;
import org.gongkai.agency.AgencyForm;
import org.gongkai.shared.ids.OrganizationCodes;

/** Seed data: the demo city's agencies, with the subjects their documents are about. */
final class DemoAgencies {

  private DemoAgencies() {}

  record Dept(
      String name,
      String abbr,
      String address,
      String phone,
      String email,
      List<String> subjects) {}

  static final String OFFICE_HOURS = "周一至周五 上午8:30-12:00，下午14:30-17:30（法定节假日除外）";

  static final Dept CITY =
      new Dept(
          "临江市人民政府",
          "临政",
          "临江市滨江大道1号市政务中心",
          "0579-12345000",
          "zwgk@linjiang.gov.cn",
          List.of("优化营商环境", "城市更新", "乡村振兴", "安全生产", "数字政府建设", "政务公开", "防汛抗旱", "为民办实事项目"));

  static final List<Dept> DEPARTMENTS =
      List.of(
          new Dept(
              "临江市商务局",
              "临商",
              "临江市滨江大道1号市政务中心3号楼",
              "0579-12345310",
              "swj@linjiang.gov.cn",
              List.of(
                  "外贸企业稳订单拓市场",
                  "电子商务进农村",
                  "促进汽车消费",
                  "再生资源回收体系",
                  "老字号保护传承",
                  "县域商业体系建设",
                  "外商投资促进",
                  "成品油流通管理")),
          new Dept(
              "临江市教育局",
              "临教",
              "临江市文昌路18号",
              "0579-12345320",
              "jyj@linjiang.gov.cn",
              List.of("学前教育资助", "义务教育招生入学", "校外培训监管", "家庭经济困难学生资助", "教师招聘", "校园安全管理")),
          new Dept(
              "临江市财政局",
              "临财",
              "临江市人民路66号",
              "0579-12345330",
              "czj@linjiang.gov.cn",
              List.of("政府采购管理", "预算绩效管理", "惠民惠农财政补贴", "政府债务管理", "行政事业单位国有资产管理")),
          new Dept(
              "临江市生态环境局",
              "临环",
              "临江市江滨北路9号",
              "0579-12345340",
              "sthjj@linjiang.gov.cn",
              List.of("大气污染防治", "水污染防治", "建设项目环境影响评价", "危险废物规范化管理", "生态环境损害赔偿")),
          new Dept(
              "临江市市场监督管理局",
              "临市监",
              "临江市建设路120号",
              "0579-12345350",
              "scjgj@linjiang.gov.cn",
              List.of("食品安全抽检", "个体工商户登记", "特种设备安全", "价格监督检查", "知识产权保护", "营业执照办理")),
          new Dept(
              "临江市人力资源和社会保障局",
              "临人社",
              "临江市人民路88号",
              "0579-12345360",
              "rsj@linjiang.gov.cn",
              List.of("就业创业补贴", "技能人才评价", "企业职工基本养老保险", "根治欠薪", "高校毕业生就业", "失业保险稳岗返还")));

  static final Dept COMMERCE_OFFICE =
      new Dept(
          "临江市商务局办公室",
          "临商办",
          "临江市滨江大道1号市政务中心3号楼301室",
          "0579-12345311",
          "swjbgs@linjiang.gov.cn",
          List.of("机关事务", "公文处理"));

  static Dept deptOf(String name) {
    if (name.equals(CITY.name())) {
      return CITY;
    }
    if (name.equals(COMMERCE_OFFICE.name())) {
      return COMMERCE_OFFICE;
    }
    return DEPARTMENTS.stream().filter(d -> d.name().equals(name)).findFirst().orElse(CITY);
  }

  /** The form that creates a department, its organisation code made from {@code index}. */
  static AgencyForm form(Dept dept, Long parentId, int index) {
    AgencyForm f = new AgencyForm();
    String orgBody = String.format("%08d", 5_530_000 + index * 137);
    String orgCode = orgBody + OrganizationCodes.organizationCheckCharacter(orgBody);
    f.setCode(OrganizationCodes.completeCreditCode("11339900" + orgCode));
    f.setName(dept.name());
    f.setParentId(parentId);
    f.setAddress(dept.address());
    f.setOfficeHours(OFFICE_HOURS);
    f.setPhone(dept.phone());
    f.setEmail(dept.email());
    f.setPostcode("339900");
    return f;
  }
}
