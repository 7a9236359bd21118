package org.gongkai.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.topic.Topic;
import org.gongkai.topic.TopicContent;
import org.gongkai.topic.TopicContent.Section;
import org.gongkai.topic.TopicDesk;

/**
 * The commerce bureau's topics (专题), drafted by the administrator and approved and published by the
 * bureau's reviewer, as the workflow asks: two open ones that gather documents of several agencies
 * by their keywords, and one that closed three months ago.
 */
final class DemoTopics {

  private final TopicDesk topics;
  private final Clock clock;

  DemoTopics(TopicDesk topics, Clock clock) {
    this.topics = topics;
    this.clock = clock;
  }

  void topics(Agency commerce, Staff admin, Staff reviewer) {
    LocalDate today = LocalDate.now(clock);
    publish(
        "foreign-trade",
        commerce,
        new TopicContent(
            "外贸稳订单拓市场专题",
            "为帮助外贸企业稳订单、拓市场，市商务局会同有关部门出台了一系列支持政策。" + "\n\n本专题汇集外贸和外商投资促进方面的政策文件、政策解读和工作动态，持续更新。",
            List.of("外贸企业稳订单拓市场", "外商投资促进"),
            List.of(
                new Section("外贸政策", List.of("外贸企业稳订单拓市场")), new Section("外商投资", List.of("外商投资促进"))),
            today.minusYears(2),
            null),
        admin,
        reviewer);
    publish(
        "county-commerce",
        commerce,
        new TopicContent(
            "县域商业与消费提振专题",
            "围绕县域商业体系建设、电子商务进农村和促进汽车消费，汇集市商务局和市政府的相关信息。",
            List.of("县域商业体系建设"),
            List.of(
                new Section("县域商业", List.of("县域商业体系建设", "电子商务进农村")),
                new Section("促进消费", List.of("促进汽车消费")),
                new Section("营商环境", List.of("优化营商环境"))),
            today.minusYears(1),
            null),
        admin,
        reviewer);
    publish(
        "time-honoured-brands",
        commerce,
        new TopicContent(
            "老字号保护传承专题",
            "老字号保护传承专项工作已经结束，本专题保留工作期间的信息供查阅。",
            List.of("老字号保护传承"),
            List.of(),
            today.minusYears(3),
            today.minusMonths(3)),
        admin,
        reviewer);
  }

  private Topic publish(
      String slug, Agency agency, TopicContent content, Staff author, Staff reviewer) {
    Topic draft = topics.create(slug, agency.code(), content, author);
    topics.submit(draft.id(), author);
    topics.approve(draft.id(), reviewer);
    return topics.publish(draft.id(), reviewer);
  }
}
