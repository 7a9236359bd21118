package org.gongkai.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.gongkai.agency.AgencyForm;
import org.gongkai.site.Site;
import org.gongkai.site.SiteLayouts;
import org.gongkai.site.Sites;
import org.gongkai.support.Api;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * In a context of its own: a full export crawls every site the database holds, and in the shared
 * context every other test's sites and documents would be crawled too.
 */
@TestPropertySource(properties = "test.context=static-export")
class StaticExportIntegrationTests extends PlatformIntegrationTests {

  private static final String EXPORT = "/api/v1/admin/static-export";

  @Value("${gongkai.data-dir}")
  String dataDir;

  @Test
  void listsAreFollowedOneFilterAtATime() {
    assertThat(StaticCrawl.followed("/agencies/X?column=5")).isTrue();
    assertThat(StaticCrawl.followed("/agencies/X?column=5&page=3")).isTrue();
    assertThat(StaticCrawl.followed("/agencies/X?column=5&year=2026")).isFalse();
    assertThat(StaticCrawl.followed("/documents/12")).isTrue();
  }

  @Test
  void thePublicSiteIsWrittenAsFilesAndFollowsEachPublication() throws Exception {
    Fixture f = newAgency();
    long first = publish(f, "导出的第一份通知");
    assertThat(api().post(EXPORT, "", f.agencyAdmin().username(), PASSWORD).status())
        .isEqualTo(403);

    Api.Response started = api().post(EXPORT, "", "admin", ADMIN_PASSWORD);
    assertThat(started.status()).isEqualTo(202);
    await(() -> !(Boolean) api().get(EXPORT, "admin", ADMIN_PASSWORD).json("$.running"));
    Api.Response done = api().get(EXPORT, "admin", ADMIN_PASSWORD);
    assertThat((Integer) done.json("$.written")).isPositive();
    assertThat((Integer) done.json("$.failed")).isZero();

    Path site = Path.of(dataDir, "static-site");
    assertThat(site.resolve("index.html")).content().contains("导出的第一份通知");
    assertThat(site.resolve("documents/" + first + "/index.html"))
        .content()
        .isEqualTo(api().get("/documents/" + first).body());
    assertThat(site.resolve("agencies/" + f.agency().code() + "/index.html"))
        .content()
        .contains(f.agency().name());
    assertThat(site.resolve("agencies/" + f.agency().code() + "/feed.atom")).exists();
    assertThat(site.resolve("sitemap.xml")).exists();
    assertThat(site.resolve("robots.txt")).exists();
    try (Stream<Path> css = Files.list(site.resolve("css"))) {
      assertThat(css.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.matches("site-[0-9a-f]{32}\\.css"));
    }
    assertThat(api().get("/console/audit", "admin", ADMIN_PASSWORD).status()).isEqualTo(200);
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'static-export.started'")
                .query(Long.class)
                .single())
        .isPositive();

    long second = publish(f, "导出之后发布的通知");
    Path secondPage = site.resolve("documents/" + second + "/index.html");
    await(() -> Files.exists(secondPage));
    await(() -> read(site.resolve("index.html")).contains("导出之后发布的通知"));

    AgencyForm renamed = AgencyForm.of(f.agency());
    renamed.setName("导出后更名的局" + f.agency().code().substring(10));
    agencies.update(f.agency().id(), renamed, "test");
    await(
        () ->
            read(site.resolve("agencies/" + f.agency().code() + "/index.html"))
                .contains(renamed.getName()));

    editorial.withdraw(first, "内容有误", f.reviewer());
    await(() -> !Files.exists(site.resolve("documents/" + first + "/index.html")));
    await(
        () ->
            !read(site.resolve("agencies/" + f.agency().code() + "/index.html"))
                .contains("导出的第一份通知"));
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void eachSiteIsWrittenInATreeOfItsOwnOnItsOwnHost() throws Exception {
    Fixture city = newAgency();
    Fixture department = newAgency(city.agency().id());
    String suffix = department.agency().code().substring(10).toLowerCase();
    String host = "export-dept-" + suffix + ".localhost";
    String siteName = "导出部门网站" + suffix;
    assertThat(
            api()
                .post(
                    "/api/v1/admin/sites",
                    "{\"name\":\""
                        + siteName
                        + "\",\"hosts\":[\""
                        + host
                        + "\"],\"agency\":\""
                        + department.agency().code()
                        + "\",\"idCode\":\"3399000888\",\"type\":\"DEPARTMENT\"}",
                    "admin",
                    ADMIN_PASSWORD)
                .status())
        .isEqualTo(201);
    long mine = publish(department, "部门网站导出的通知" + suffix);
    long cityOnly = publish(city, "市级导出的通知" + suffix);
    Site site =
        sites.all().stream().filter(s -> s.hosts().contains(host)).findFirst().orElseThrow();
    byte[] logo = png(0x00ff00);
    layouts.uploadLogo(site, "logo.png", logo, admin());
    layouts.publish(site, admin());

    await(() -> !(Boolean) api().get(EXPORT, "admin", ADMIN_PASSWORD).json("$.running"));
    assertThat(api().post(EXPORT, "", "admin", ADMIN_PASSWORD).status()).isEqualTo(202);
    await(() -> !(Boolean) api().get(EXPORT, "admin", ADMIN_PASSWORD).json("$.running"));

    Path first = Path.of(dataDir, "static-site");
    Path tree = Path.of(dataDir, "static-site-" + host);
    Path page = tree.resolve("documents/" + mine + "/index.html");
    assertThat(page)
        .content()
        .contains(
            siteName, "<link rel=\"canonical\" href=\"https://" + host + "/documents/" + mine);
    assertThat(tree.resolve("index.html"))
        .content()
        .contains(siteName, "部门网站导出的通知" + suffix, "<img class=\"logo\" src=\"/site-logo?v=");
    assertThat(tree.resolve("site-logo")).as("the logo the pages link").hasBinaryContent(logo);
    assertThat(page).content().contains("src=\"/site-logo?v=");
    assertThat(first.resolve("site-logo")).as("the first site has no logo").doesNotExist();

    byte[] newer = png(0x0000ff);
    layouts.uploadLogo(site, "logo.png", newer, admin());
    layouts.publish(site, admin());
    await(() -> java.util.Arrays.equals(bytes(tree.resolve("site-logo")), newer));
    assertThat(tree.resolve("documents/" + cityOnly + "/index.html"))
        .as("a document the site does not show")
        .doesNotExist();
    assertThat(tree.resolve("robots.txt"))
        .content()
        .contains("Sitemap: https://" + host + "/sitemap.xml");
    assertThat(first.resolve("documents/" + mine + "/index.html"))
        .as("the first site shows every agency")
        .exists();
    assertThat(first.resolve("index.html")).content().doesNotContain(siteName);

    editorial.withdraw(mine, "内容有误", department.reviewer());
    await(() -> !Files.exists(page));
    await(() -> !Files.exists(first.resolve("documents/" + mine + "/index.html")));
  }

  @Autowired Sites sites;

  @Autowired SiteLayouts layouts;

  private static byte[] png(int rgb) throws IOException {
    BufferedImage image = new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB);
    image.setRGB(1, 1, rgb);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 120 s").isLessThan(end);
      Thread.sleep(50);
    }
  }
}
