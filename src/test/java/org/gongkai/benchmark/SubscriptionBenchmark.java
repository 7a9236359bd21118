package org.gongkai.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.gongkai.subscription.internal.Subscribers;
import org.gongkai.subscription.internal.TestMailServer;
import org.gongkai.support.OnPostgres;
import org.gongkai.support.PlatformIntegrationTests;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The subscription mail harness, not a test (not part of {@code mvn verify}): 100,000 confirmed
 * readers (20,000 of one agency, 80,000 of another), one publication of the first agency; measures
 * how long the durable listener takes to write the 20,000 notices, the gathering into mails, and
 * the mails handed to a GreenMail server per second, the process CPU per mail (the platform and
 * GreenMail together) and the machine's load, with the heap sampled throughout and measured after a
 * collection at the end, with and without the mails GreenMail keeps. Writes {@code
 * target/benchmark/subscriptions-<db>.json}.
 *
 * <pre>
 * mvn -B test -Djacoco.skip=true -Dtest=SubscriptionBenchmark
 * mvn -B test -Djacoco.skip=true -Dtest=SubscriptionBenchmark -Dbenchmark.db=postgres
 * </pre>
 */
class SubscriptionBenchmark extends PlatformIntegrationTests {

  private static final int READERS = Integer.getInteger("benchmark.readers", 100_000);
  private static final int MATCHING = Integer.getInteger("benchmark.matching", 20_000);
  private static final String DB = System.getProperty("benchmark.db", "h2");

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    TestMailServer.register(registry);
    registry.add("gongkai.subscriptions.batch", () -> Integer.getInteger("benchmark.batch", 200));
    registry.add("gongkai.subscriptions.senders", () -> Integer.getInteger("benchmark.senders", 4));
    if (DB.equals("postgres")) {
      OnPostgres.register(registry);
    }
  }

  @Autowired ApplicationContext node;

  @Test
  void mailsHandedToTheMailServerPerSecond() throws Exception {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("com.icegreen")).setLevel(Level.WARN);
    Fixture matching = newAgency();
    Fixture other = newAgency();
    String run = Long.toString(System.nanoTime(), 36);
    long seedStart = System.nanoTime();
    Subscribers.seedConfirmed(node, matching.agency().code(), MATCHING, "m" + run + "-");
    Subscribers.seedConfirmed(node, other.agency().code(), READERS - MATCHING, "o" + run + "-");
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    System.out.printf(Locale.ROOT, "seeded %,d readers in %.1f s%n", READERS, seedSeconds);

    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(heapBefore);
    AtomicBoolean sampling = new AtomicBoolean(true);
    Thread sampler =
        new Thread(
            () -> {
              while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    sampler.start();

    int receivedBefore = TestMailServer.server().getReceivedMessages().length;
    long publishStart = System.nanoTime();
    long document = publish(matching, "订阅压测：一份匹配两万读者的文件");
    while (Subscribers.openNotices(node, document) < MATCHING) {
      if (System.nanoTime() - publishStart > Duration.ofMinutes(10).toNanos()) {
        throw new AssertionError("the notices were not written within ten minutes");
      }
      Thread.sleep(20);
    }
    double noticeSeconds = (System.nanoTime() - publishStart) / 1e9;

    long gatherStart = System.nanoTime();
    int mails = Subscribers.gather(node);
    double gatherSeconds = (System.nanoTime() - gatherStart) / 1e9;

    if (Boolean.getBoolean("benchmark.service-loader")) {
      // The mail library's own lookup of its stream provider, for comparison.
      System.clearProperty("jakarta.mail.util.StreamProvider");
    }
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    double loadBefore = os.getSystemLoadAverage();
    long sendStart = System.nanoTime();
    int sent = Subscribers.sendDue(node);
    double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
    double cpuMsPerMail = (os.getProcessCpuTime() - cpuStart) / 1e6 / Math.max(sent, 1);
    double loadAfter = os.getSystemLoadAverage();
    sampling.set(false);
    sampler.join();
    int received = TestMailServer.server().getReceivedMessages().length - receivedBefore;
    // What stays on the heap: after a collection, with and without the mails GreenMail keeps.
    System.gc();
    long heapAfter = memory.getHeapMemoryUsage().getUsed();
    TestMailServer.server().purgeEmailFromAllMailboxes();
    System.gc();
    long heapAfterWithoutReceived = memory.getHeapMemoryUsage().getUsed();

    double perSecond = sent / sendSeconds;
    String json =
        String.format(
            Locale.ROOT,
            "{\"db\":\"%s\",\"readers\":%d,\"matching\":%d,\"seed_s\":%.1f,\"notices_s\":%.2f,"
                + "\"mails\":%d,\"gather_s\":%.2f,\"sent\":%d,\"received\":%d,\"send_s\":%.2f,"
                + "\"mails_per_s\":%.1f,\"heap_before_mb\":%d,\"heap_peak_mb\":%d,"
                + "\"heap_max_mb\":%d,\"processors\":%d,\"cpu_ms_per_mail\":%.3f,"
                + "\"mails_per_s_if_cpu_bound_on_all_processors\":%.0f,\"senders\":%s,"
                + "\"load_before\":%.2f,\"load_after\":%.2f,\"heap_after_gc_mb\":%d,"
                + "\"heap_after_gc_without_received_mb\":%d}",
            DB,
            READERS,
            MATCHING,
            seedSeconds,
            noticeSeconds,
            mails,
            gatherSeconds,
            sent,
            received,
            sendSeconds,
            perSecond,
            heapBefore >> 20,
            peak.get() >> 20,
            memory.getHeapMemoryUsage().getMax() >> 20,
            Runtime.getRuntime().availableProcessors(),
            cpuMsPerMail,
            Runtime.getRuntime().availableProcessors() * 1000 / cpuMsPerMail,
            node.getEnvironment().getProperty("gongkai.subscriptions.senders", "4"),
            loadBefore,
            loadAfter,
            heapAfter >> 20,
            heapAfterWithoutReceived >> 20);
    System.out.println(json);
    Path out = Path.of("target", "benchmark", "subscriptions-" + DB + ".json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, json + "\n");
    assertThat(mails).isEqualTo(MATCHING);
    assertThat(sent).isEqualTo(MATCHING);
    assertThat(received).isEqualTo(MATCHING);
  }
}
