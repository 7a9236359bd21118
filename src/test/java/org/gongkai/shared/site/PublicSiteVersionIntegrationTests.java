package org.gongkai.shared.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class PublicSiteVersionIntegrationTests extends PlatformIntegrationTests {

  @Autowired PublicSiteVersion version;

  @Autowired TransactionTemplate transactions;

  @Test
  void aVersionReadInsideTheChangingTransactionIsNotTakenForCommittedByOtherThreads() {
    long before = version.current();
    transactions.executeWithoutResult(
        status -> {
          version.changed();
          assertThat(version.current())
              .as("the transaction sees its own change")
              .isGreaterThan(before);
          long seenElsewhere = CompletableFuture.supplyAsync(version::current).join();
          assertThat(seenElsewhere)
              .as("another thread, before the commit, still has the committed version")
              .isEqualTo(before);
        });
    assertThat(version.current()).as("after the commit, every thread").isGreaterThan(before);
  }
}
