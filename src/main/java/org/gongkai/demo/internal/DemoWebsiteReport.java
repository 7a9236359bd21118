package org.gongkai.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.site.Sites;
import org.gongkai.websitereport.WebsiteReportDesk;
import org.gongkai.websitereport.WebsiteReportDesk.Figure;

/**
 * Last year's 政府网站工作年度报表 of the city portal: the figures the platform computes come from the demo's
 * records; the ones staff enter (services, new media, drills, the people who sign) are entered here
 * with their sources, so that the report is complete and ready to publish.
 */
final class DemoWebsiteReport {

  private final WebsiteReportDesk desk;
  private final Sites sites;
  private final Clock clock;

  DemoWebsiteReport(WebsiteReportDesk desk, Sites sites, Clock clock) {
    this.desk = desk;
    this.sites = sites;
    this.clock = clock;
  }

  void lastYear(Staff admin) {
    int year = LocalDate.now(clock).getYear() - 1;
    Map<String, Figure> f = new LinkedHashMap<>();
    String office = "市政府办公室宣传台账";
    String services = "临江市政务服务网年度统计";
    f.put("interpretation.products", new Figure("6", office));
    f.put("interpretation.media", new Figure("3", office));
    f.put("concerns.responses", new Figure("12", "市政府办公室舆情回应台账"));
    f.put("services.catalog", new Figure("true", services));
    f.put("services.registered-users", new Figure("48210", services));
    f.put("services.items", new Figure("1326", services));
    f.put("services.online-items", new Figure("1187", services));
    f.put("services.cases.total", new Figure("215430", services));
    f.put("services.cases.natural", new Figure("176804", services));
    f.put("services.cases.legal", new Figure("38626", services));
    f.put("interaction.unified-platform", new Figure("true", "省政府网站集约化平台"));
    f.put("interaction.smart-qa", new Figure("false", "网站功能清单"));
    f.put("security.drills", new Figure("true", "网络安全应急演练记录"));
    f.put("security.responsible-person", new Figure("林晓", "网站安全责任书"));
    f.put("media.has", new Figure("true", "政务新媒体备案表"));
    f.put("media.weibo.name", new Figure("临江发布", "政务新媒体备案表"));
    f.put("media.weibo.posts", new Figure("1834", "微博后台统计"));
    f.put("media.weibo.followers", new Figure("126540", "微博后台统计"));
    f.put("media.wechat.name", new Figure("临江发布", "政务新媒体备案表"));
    f.put("media.wechat.posts", new Figure("962", "微信公众平台统计"));
    f.put("media.wechat.subscribers", new Figure("88302", "微信公众平台统计"));
    f.put("media.other", new Figure("临江发布（抖音）", "政务新媒体备案表"));
    f.put("innovation.personalised", new Figure("false", "网站功能清单"));
    f.put("innovation.other", new Figure("无", "网站功能清单"));
    f.put("sign.head", new Figure("陈建国", "市政府办公室"));
    f.put("sign.reviewer", new Figure("林晓", "市政府办公室"));
    f.put("sign.filler", new Figure("周敏", "市政府办公室"));
    f.put("sign.phone", new Figure("0571-80000000", "市政府办公室"));
    desk.enter(sites.fallback().id(), year, f, admin);
  }
}
