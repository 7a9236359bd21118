package org.gongkai.support;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Solves the platform's proof of work as the ALTCHA widget would, for tests and harnesses that
 * submit requests, mailbox messages and comments through the public API: {@code GET
 * /api/v1/challenge}, find the number whose SHA-256 of salt and number is the challenge, and put
 * the base64 payload into the JSON body as {@code altcha}.
 */
public final class Challenges {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Challenges() {}

  /** The JSON member {@code "altcha":…} for one freshly solved challenge. */
  public static String answered(String base) throws IOException, InterruptedException {
    return "\"altcha\":\"" + solved(base) + "\"";
  }

  /** The base64 payload of one freshly solved challenge, as the widget posts it. */
  public static String solved(String base) throws IOException, InterruptedException {
    String body =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/challenge"))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String algorithm = JsonPath.read(body, "$.algorithm");
    String challenge = JsonPath.read(body, "$.challenge");
    long max = ((Number) JsonPath.read(body, "$.maxnumber")).longValue();
    String salt = JsonPath.read(body, "$.salt");
    String signature = JsonPath.read(body, "$.signature");
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (long n = 0; n <= max; n++) {
      byte[] hash = sha.digest((salt + n).getBytes(StandardCharsets.UTF_8));
      if (HexFormat.of().formatHex(hash).equals(challenge)) {
        String payload =
            "{\"algorithm\":\""
                + algorithm
                + "\",\"challenge\":\""
                + challenge
                + "\",\"number\":"
                + n
                + ",\"salt\":\""
                + salt
                + "\",\"signature\":\""
                + signature
                + "\"}";
        return Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
      }
    }
    throw new IllegalStateException("no number up to " + max + " solves the challenge");
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
