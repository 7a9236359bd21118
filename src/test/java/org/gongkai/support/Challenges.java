package org.gongkai.support;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Answers the platform's form question as a person would, for tests and harnesses that submit
 * mailbox messages and comments through the public API: {@code GET /api/v1/challenge}, add the two
 * numbers, and put token and answer into the JSON body.
 */
public final class Challenges {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Challenges() {}

  /** The JSON members {@code "challengeToken":…,"challengeAnswer":…} for one fresh question. */
  public static String answered(String base) throws IOException, InterruptedException {
    String body =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/challenge"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    int a = JsonPath.read(body, "$.a");
    int b = JsonPath.read(body, "$.b");
    String token = JsonPath.read(body, "$.challengeToken");
    return "\"challengeToken\":\"" + token + "\",\"challengeAnswer\":\"" + (a + b) + "\"";
  }

  /** {@code json} (an object) with the members of an {@link #answered} question added. */
  public static String into(String answered, String json) {
    return "{" + answered + (json.trim().equals("{}") ? "}" : "," + json.trim().substring(1));
  }

  /** {@code json} (an object) with a freshly answered question added. */
  public static String with(String base, String json) {
    try {
      return into(answered(base), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Answers {@code count} questions ahead, on several threads, so that a harness measures only the
   * submissions.
   */
  public static ConcurrentLinkedQueue<String> answeredAhead(String base, int count)
      throws InterruptedException {
    ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    int perThread = (count + 7) / 8;
    for (int t = 0; t < 8; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  for (int i = 0; i < perThread; i++) {
                    answered.add(answered(base));
                  }
                } catch (IOException | InterruptedException e) {
                  throw new IllegalStateException("the form question could not be fetched", e);
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread t : threads) {
      t.join();
    }
    return answered;
  }
}
