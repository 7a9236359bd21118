package org.gongkai.demo.internal;

/**
 * Seed data: the demo's websites, reviewer and notes; its agencies are in {@link DemoAgencies}, its
 * documents' templates in {@link DemoDocuments}.
 */
final class DemoTexts {

  static final String REVIEWER_USERNAME = "shangwu-shenhe";
  static final String REVIEWER_NAME = "市商务局审核员";

  private DemoTexts() {}

  static final String EXPIRY_NOTE = "根据文件规定的有效期，本文件已于有效期届满后失效。";
  static final String WITHDRAW_REASON = "该文件内容已被新文件整合，重复发布，予以撤稿。";

  /** The demo's websites, on names under localhost that resolve to this machine. */
  static final String PORTAL_HOST = "www.linjiang.localhost";

  static final String PLATFORM_HOST = "xxgk.linjiang.localhost";
  static final String COMMERCE_HOST = "swj.linjiang.localhost";
  static final String EDUCATION_HOST = "jyj.linjiang.localhost";
  static final String PLATFORM_NAME = "临江市政府信息公开平台";
  static final String OPERATOR = "临江市数据资源管理局";

  static final String OFFER_NOTE = "请市政府门户网站部门动态栏目采用。";
  static final String ICP_FILING = "临ICP备05000001号";
  static final String SECURITY_FILING = "临公网安备 33990002000001号";
}
