package org.gongkai.portal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.gongkai.agency.AgencyForm;
import org.gongkai.support.Api;
import org.gongkai.support.OnPostgresDatabase;
import org.gongkai.support.PostgresTestDatabase;
import org.gongkai.support.SecondNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The same on PostgreSQL, in the context the PostgreSQL classes share, and a second node on its
 * database that must follow the first's changes.
 */
@OnPostgresDatabase
class PublicCachingPostgresIntegrationTests extends PublicCachingIntegrationTests {

  /** Twice the interval (100 ms) at which a node reads the site's version from the database. */
  private static final Duration OTHER_NODE_SEES_IT = Duration.ofMillis(200);

  @BeforeAll
  static void requirePostgres() {
    PostgresTestDatabase.url();
  }

  @Test
  void aSecondNodeDropsItsKeptPagesWhenTheFirstWithdrawsOrRenames() throws Exception {
    Fixture f = newAgency();
    long id = publish(f, "两个节点上的通知");
    try (ConfigurableApplicationContext other = secondNode()) {
      Api node2 = SecondNode.api(other);
      String etag = node2.get("/documents/" + id).headers().getETag();
      assertThat(node2.get("/documents/" + id).headers().getETag())
          .as("kept on the second node")
          .isEqualTo(etag);
      assertThat(other.getBean(RenderedPages.class).size()).isPositive();
      String agencyPage = "/agencies/" + f.agency().code();
      assertThat(node2.get(agencyPage).body()).contains(f.agency().name());

      editorial.withdraw(id, "内容有误", f.reviewer());
      AgencyForm form = AgencyForm.of(f.agency());
      form.setName(f.agency().name() + "新名");
      agencies.update(f.agency().id(), form, "test");
      Thread.sleep(OTHER_NODE_SEES_IT.toMillis());

      assertThat(node2.get("/documents/" + id).status()).isEqualTo(410);
      assertThat(node2.get("/api/v1/documents/" + id).status()).isEqualTo(410);
      assertThat(node2.get(agencyPage).body()).contains(f.agency().name() + "新名");
    }
  }
}
