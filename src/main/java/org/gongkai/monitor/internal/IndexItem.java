package org.gongkai.monitor.internal;

/**
 * The items of 《政府网站与政务新媒体检查指标》 (国办秘函〔2019〕19号) the monitor scores, in the order the index lists
 * them: first its six single-veto items (第一部分 单项否决指标), then the deduction items (第二部分 扣分指标) the
 * platform can check from its own records. Each rule cites one item ({@link Rule#item()}), and the
 * console shows the citation with every finding.
 *
 * <p>What is confirmed (domain.md §4.1): any veto item fails the site and nothing else is scored;
 * the deductions are out of 100, a site under 60 fails; "各项指标扣分总和不超过该项指标的分值" — the deductions
 * within one indicator are capped at that indicator's points, whatever rules found them. The points
 * of each deduction indicator in the national table are not confirmed by the sources at hand;
 * {@code points} here are the platform's, in the index's structure (see docs/monitor.md).
 */
enum IndexItem {
  /** 1 安全、泄密事故等严重问题: 严重表述错误, 发布或链接反动、暴力、色情等内容 … */
  VETO_1_SERIOUS_ERRORS(true, 0),
  /** 2 站点无法访问: a week, ≥ 20 timed visits a day, ≥ 5% failing after 15 s. */
  VETO_2_UNREACHABLE(true, 0),
  /** 3 首页不更新: no home-page update for 2 weeks. */
  VETO_3_HOME_NOT_UPDATED(true, 0),
  /** 4 栏目不更新: news and notice/policy sections, long-stale sections, empty sections. */
  VETO_4_SECTIONS_NOT_UPDATED(true, 0),
  /** 5 互动回应差: no working consultation channel, a message unanswered for 3 months. */
  VETO_5_POOR_INTERACTION(true, 0),
  /** 6 服务不实用: outside the disclosure platform; never found here. */
  VETO_6_SERVICES_NOT_USABLE(true, 0),
  /** 发布解读 — 信息更新: empty, stale and undated sections and items. */
  PUBLISHING_UPDATES(false, 20),
  /** 发布解读 — 信息公开: proactive disclosure within 20 working days (Regulation Art. 26). */
  PUBLISHING_DISCLOSURE(false, 10),
  /** 发布解读 — 政策解读: policy documents and their interpretations linked both ways. */
  PUBLISHING_INTERPRETATION(false, 10),
  /** 发布解读 — 内容准确: forbidden wording and misspellings. */
  PUBLISHING_ACCURACY(false, 10),
  /** 功能设计 — 链接可用: broken internal links, missing attachments, unreachable external links. */
  DESIGN_LINKS(false, 10);

  private final boolean veto;
  private final int points;

  IndexItem(boolean veto, int points) {
    this.veto = veto;
    this.points = points;
  }

  boolean veto() {
    return veto;
  }

  /** The most a deduction item can take from 100 (its points); none for a veto item. */
  int points() {
    return points;
  }
}
