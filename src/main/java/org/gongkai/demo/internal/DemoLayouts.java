package org.gongkai.demo.internal;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.site.SiteLayout;
import org.gongkai.site.SiteLayout.BlockKind;
import org.gongkai.site.SiteLayout.HomeBlock;
import org.gongkai.site.SiteLayout.Link;
import org.gongkai.site.SiteLayout.NavItem;
import org.gongkai.site.SiteLayout.NavKind;
import org.gongkai.site.SiteTheme;

/**
 * The demo sites' own layouts, each told apart at a glance: the portal in government red with
 * services up front, the disclosure platform in blue around the catalog, the departments' sites in
 * green and graphite around their own columns.
 */
final class DemoLayouts {

  private static final String MARK = "https://bszs.conac.cn/sitename?method=show&id=";

  private final AgencyDirectory agencies;

  DemoLayouts(AgencyDirectory agencies) {
    this.agencies = agencies;
  }

  SiteLayout portal(Agency city) {
    return new SiteLayout(
        SiteTheme.CLASSIC,
        List.of(
            page("政府信息公开", "/agencies/" + city.code()),
            page("依申请公开", "/foi/apply"),
            page("征求意见", "/consultations"),
            page("咨询投诉", "/mailbox"),
            page("在线访谈", "/interviews"),
            page("权责清单", "/powers"),
            page("双公示", "/decisions"),
            page("考核结果", "/assessments")),
        List.of(
            new HomeBlock(BlockKind.SITE_LATEST, "要闻动态", null, 8, List.of()),
            new HomeBlock(BlockKind.TOPICS, "专题专栏", null, 4, List.of()),
            new HomeBlock(
                BlockKind.LINKS,
                "便民服务",
                null,
                0,
                List.of(
                    new Link("我要申请公开", "/foi/apply"),
                    new Link("我要写信", "/mailbox"),
                    new Link("网上留言答复", "/mailbox/qa"),
                    new Link("中国政府网", "https://www.gov.cn/"))),
            new HomeBlock(BlockKind.AGENCIES, "部门信息公开", null, 0, List.of())),
        "地址：" + city.guide().address() + "　电话：" + city.guide().phone(),
        MARK + "3399000001",
        null);
  }

  SiteLayout platform(Agency city) {
    List<HomeBlock> blocks = new ArrayList<>();
    blocks.add(new HomeBlock(BlockKind.SITE_LATEST, "最新公开信息", null, 12, List.of()));
    topColumns(city).stream()
        .limit(3)
        .forEach(c -> blocks.add(new HomeBlock(BlockKind.COLUMN_LATEST, "", c.id(), 6, List.of())));
    blocks.add(new HomeBlock(BlockKind.AGENCIES, "公开主体", null, 0, List.of()));
    return new SiteLayout(
        SiteTheme.AZURE,
        List.of(
            page("公开目录", "/agencies/" + city.code()),
            page("公开指南", "/agencies/" + city.code() + "/guide"),
            page("依申请公开", "/foi/apply"),
            page("政策解读", "/search?q=%E8%A7%A3%E8%AF%BB"),
            page("双公示", "/decisions"),
            page("公开考核", "/assessments")),
        blocks,
        "本平台集中发布临江市人民政府及其部门主动公开的政府信息。",
        MARK + "3399000002",
        null);
  }

  SiteLayout department(Agency agency, SiteTheme theme) {
    List<NavItem> navigation = new ArrayList<>();
    navigation.add(page("信息公开目录", "/agencies/" + agency.code()));
    List<HomeBlock> blocks = new ArrayList<>();
    for (Column column : topColumns(agency)) {
      if (navigation.size() < 4) {
        navigation.add(new NavItem(column.name(), NavKind.COLUMN, String.valueOf(column.id())));
      }
      if (blocks.size() < 4) {
        blocks.add(new HomeBlock(BlockKind.COLUMN_LATEST, "", column.id(), 5, List.of()));
      }
    }
    navigation.add(page("公开指南", "/agencies/" + agency.code() + "/guide"));
    navigation.add(page("依申请公开", "/foi/apply"));
    navigation.add(page("咨询投诉", "/mailbox"));
    navigation.add(page("双公示", "/decisions"));
    blocks.add(0, new HomeBlock(BlockKind.SITE_LATEST, "本局动态", null, 6, List.of()));
    blocks.add(
        new HomeBlock(
            BlockKind.LINKS,
            "办事服务",
            null,
            0,
            List.of(
                new Link("申请政府信息公开", "/foi/apply"),
                new Link("征求意见", "/consultations"),
                new Link("权责清单", "/powers"))));
    blocks.add(new HomeBlock(BlockKind.TOPICS, "专题专栏", null, 3, List.of()));
    return new SiteLayout(
        theme,
        navigation,
        blocks,
        "地址：" + agency.guide().address() + "　电话：" + agency.guide().phone(),
        "",
        null);
  }

  private List<Column> topColumns(Agency agency) {
    return agencies.visibleColumns(agency.id()).stream().filter(c -> c.parentId() == null).toList();
  }

  private static NavItem page(String label, String path) {
    return new NavItem(label, NavKind.PAGE, path);
  }
}
