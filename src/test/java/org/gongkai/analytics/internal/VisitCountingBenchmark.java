package org.gongkai.analytics.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * What counting costs a page request, not a test (not part of {@code mvn verify}): the counter's
 * {@code pageServed} on 1,000 visitors' requests over 50 pages, on one thread and on two, with the
 * counts taken away every second as the writer does. Writes {@code
 * target/benchmark/visit-counting.json}.
 *
 * <pre>
 * mvn -B test -Djacoco.skip=true -Dtest=VisitCountingBenchmark
 * </pre>
 */
class VisitCountingBenchmark {

  private static final double SECONDS =
      Double.parseDouble(System.getProperty("benchmark.seconds", "5"));

  @Test
  void nanosecondsPerCountedView() throws Exception {
    var data = new DriverManagerDataSource("jdbc:h2:mem:visit-bench;DB_CLOSE_DELAY=-1");
    JdbcClient jdbc = JdbcClient.create(data);
    jdbc.sql("CREATE TABLE visit_salt (on_day DATE PRIMARY KEY, salt VARCHAR(64) NOT NULL)")
        .update();
    Clock clock = Clock.systemDefaultZone();
    VisitCounter counter =
        new VisitCounter(
            new DaySalts(jdbc, clock),
            clock,
            new AnalyticsProperties(true, Duration.ofMinutes(1), 5000, 12));
    MockHttpServletRequest[] requests = new MockHttpServletRequest[1000];
    for (int i = 0; i < requests.length; i++) {
      MockHttpServletRequest request =
          new MockHttpServletRequest("GET", i % 50 == 0 ? "/" : "/documents/" + (1000 + i % 50));
      request.setRemoteAddr("10.1." + (i / 250) + "." + (i % 250));
      request.addHeader("User-Agent", VisitRequests.BROWSER + " r" + (i % 7));
      requests[i] = request;
    }

    run(counter, requests, 1, SECONDS / 2);
    double one = run(counter, requests, 1, SECONDS);
    double two = run(counter, requests, 2, SECONDS);
    String json =
        String.format(
            Locale.ROOT,
            "{\"ns_per_view_1_thread\": %.0f, \"ns_per_view_2_threads\": %.0f, \"cores\": %d}",
            one,
            two,
            Runtime.getRuntime().availableProcessors());
    System.out.println(json);
    Path out = Path.of("target", "benchmark", "visit-counting.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, json + "\n");
  }

  /** Nanoseconds of one thread's time per view, with {@code threads} counting at once. */
  private static double run(
      VisitCounter counter, MockHttpServletRequest[] requests, int threads, double seconds)
      throws InterruptedException {
    AtomicBoolean going = new AtomicBoolean(true);
    LongAdder views = new LongAdder();
    CountDownLatch done = new CountDownLatch(threads);
    long start = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int offset = t * 37;
      new Thread(
              () -> {
                long n = 0;
                int i = offset;
                while (going.get()) {
                  for (int k = 0; k < 1000; k++) {
                    counter.pageServed(1, requests[i++ % requests.length], 200);
                  }
                  n += 1000;
                }
                views.add(n);
                done.countDown();
              })
          .start();
    }
    long end = start + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      Thread.sleep(1000);
      counter.takeRetired();
    }
    going.set(false);
    done.await();
    long elapsed = System.nanoTime() - start;
    return (double) elapsed * threads / views.sum();
  }
}
