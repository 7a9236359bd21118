package org.gongkai.support;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** A real HTTP client against the running server, returning status and body whatever the status. */
public final class Api {

  private final RestClient client;
  private final String base;
  private final HttpHeaders headers;

  public Api(int port) {
    this(port, HttpHeaders.EMPTY);
  }

  private Api(int port, HttpHeaders headers) {
    this.base = "http://localhost:" + port;
    this.headers = headers;
    this.client =
        RestClient.builder()
            .defaultHeaders(h -> h.addAll(headers))
            .defaultStatusHandler(status -> true, (request, response) -> {})
            .build();
  }

  /** The same calls as a reverse proxy passes them on for a visitor at {@code visitor}. */
  public Api forwardedFor(String visitor, String protocol) {
    return with("X-Forwarded-For", visitor).with("X-Forwarded-Proto", protocol);
  }

  /** The same calls with one more header on each. */
  public Api with(String header, String value) {
    HttpHeaders more = new HttpHeaders();
    more.addAll(headers);
    more.add(header, value);
    return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), more);
  }

  public record Response(int status, String body, HttpHeaders headers) {
    public <T> T json(String path) {
      return JsonPath.read(body, path);
    }
  }

  public Response get(String path) {
    return wrap(client.get().uri(uri(path)).retrieve().toEntity(String.class));
  }

  public Response get(String path, String user, String password) {
    return wrap(
        client
            .get()
            .uri(uri(path))
            .header(HttpHeaders.AUTHORIZATION, basic(user, password))
            .retrieve()
            .toEntity(String.class));
  }

  /** The JSON members of one answered form question, for {@link Challenges#into}. */
  public String question() {
    try {
      return Challenges.answered(base);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code json} with the form question answered, as a public submission needs it. */
  public String answered(String json) {
    return Challenges.with(base, json);
  }

  public Response post(String path, String json, String user, String password) {
    var spec =
        client.post().uri(uri(path)).header(HttpHeaders.AUTHORIZATION, basic(user, password));
    if (json != null) {
      spec = spec.contentType(MediaType.APPLICATION_JSON).body(json);
    }
    return wrap(spec.retrieve().toEntity(String.class));
  }

  public Response delete(String path, String user, String password) {
    return wrap(
        client
            .delete()
            .uri(uri(path))
            .header(HttpHeaders.AUTHORIZATION, basic(user, password))
            .retrieve()
            .toEntity(String.class));
  }

  public Response put(String path, String json, String user, String password) {
    return wrap(
        client
            .put()
            .uri(uri(path))
            .header(HttpHeaders.AUTHORIZATION, basic(user, password))
            .contentType(MediaType.APPLICATION_JSON)
            .body(json)
            .retrieve()
            .toEntity(String.class));
  }

  public Response upload(
      String path, String fileName, byte[] content, String user, String password) {
    return upload(path, fileName, content, Map.of(), user, password);
  }

  /** A file and form fields beside it, as a multipart form. */
  public Response upload(
      String path,
      String fileName,
      byte[] content,
      Map<String, String> fields,
      String user,
      String password) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    fields.forEach(parts::add);
    parts.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return fileName;
          }
        });
    return wrap(
        client
            .post()
            .uri(uri(path))
            .header(HttpHeaders.AUTHORIZATION, basic(user, password))
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(parts)
            .retrieve()
            .toEntity(String.class));
  }

  public ResponseEntity<byte[]> download(String path) {
    return client.get().uri(uri(path)).retrieve().toEntity(byte[].class);
  }

  /** Paths are taken as already encoded, so that tests control exactly what is sent. */
  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static Response wrap(ResponseEntity<String> entity) {
    return new Response(
        entity.getStatusCode().value(),
        entity.getBody() == null ? "" : entity.getBody(),
        entity.getHeaders());
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  public static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
