package org.gongkai.support;

/**
 * Bodies of the three public submissions (an information request, a mailbox message, a comment),
 * each carrying a marker so that a test can find exactly the one it sent.
 */
public final class PublicSubmissions {

  public static final String RESIDENT_ID = "11010519491231002X";

  private PublicSubmissions() {}

  public static String request(String agencyCode, String marker) {
    return "{\"agency\":\""
        + agencyCode
        + "\",\"applicantType\":\"NATURAL_PERSON\",\"name\":\"张三\","
        + "\"idType\":\"RESIDENT_ID\",\"idNumber\":\""
        + RESIDENT_ID
        + "\",\"phone\":\"13812345678\","
        + "\"description\":\"申请公开2025年城区道路改造项目的招标文件 "
        + marker
        + "\",\"deliveryChannel\":\"ONLINE\"}";
  }

  public static String message(String agencyCode, String marker) {
    return "{\"agency\":\""
        + agencyCode
        + "\",\"type\":\"QUESTION\",\"toHead\":false,\"title\":\"咨询营业执照办理\","
        + "\"content\":\"请问个体工商户营业执照如何网上办理？ "
        + marker
        + "\",\"name\":\"李四\",\"phone\":\"13900001111\","
        + "\"publicConsent\":false}";
  }

  public static String comment(String marker) {
    return "{\"paragraph\":1,\"name\":\"王五\",\"contact\":\"13700001111\",\"body\":\"建议扩大支持范围。 "
        + marker
        + "\"}";
  }
}
