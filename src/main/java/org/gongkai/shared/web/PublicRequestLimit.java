package org.gongkai.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a visitor may send: a form or API call from the public is at most {@code
 * gongkai.public-uploads.max-request} (a 10 MB attachment and its form). A body of known length
 * beyond it is refused before a byte is read; a body sent in chunks is cut off where it passes the
 * limit (a chunked multipart upload is parsed by the container, under the servlet's overall limit,
 * and its attachment refused after). Staff pages and the staff API keep the larger limit of their
 * attachments.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PublicRequestLimit extends OncePerRequestFilter {

  private final long maxBytes;
  private final MessageSource messages;
  private final LocaleResolver locales;
  private final JsonMapper json = JsonMapper.builder().build();

  PublicRequestLimit(
      PublicUploadProperties uploads, MessageSource messages, LocaleResolver locales) {
    this.maxBytes = uploads.maxRequest().toBytes();
    this.messages = messages;
    this.locales = locales;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean sendsBody =
        "POST".equals(request.getMethod())
            || "PUT".equals(request.getMethod())
            || "PATCH".equals(request.getMethod());
    return !sendsBody
        || path.startsWith("/console")
        || path.startsWith("/api/v1/admin")
        || path.startsWith("/actuator");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    if (length > maxBytes) {
      refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.too-large");
    } else if (length < 0) {
      chain.doFilter(new LimitedBody(request, maxBytes), response);
    } else {
      chain.doFilter(request, response);
    }
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
      throws IOException {
    Locale locale = locales.resolveLocale(request);
    String detail = messages.getMessage(key, new Object[] {maxBytes / 1024 / 1024}, key, locale);
    String title =
        messages.getMessage(
            "problem.title." + status.value(), null, status.getReasonPhrase(), locale);
    response.setStatus(status.value());
    // The unread body is not drained: the connection closes instead of swallowing megabytes.
    response.setHeader("Connection", "close");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setContentType("application/problem+json");
      var problem = new LinkedHashMap<String, Object>();
      problem.put("type", "urn:gongkai:problem:" + key);
      problem.put("title", title);
      problem.put("status", status.value());
      problem.put("detail", detail);
      problem.put("instance", request.getRequestURI());
      response.getWriter().write(json.writeValueAsString(problem));
    } else {
      response.setContentType("text/html");
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\""
                  + locale.toLanguageTag()
                  + "\"><head><meta charset=\"utf-8\"><title>"
                  + HtmlUtils.htmlEscape(title)
                  + "</title></head><body><main><h1>"
                  + HtmlUtils.htmlEscape(title)
                  + "</h1><p>"
                  + HtmlUtils.htmlEscape(detail)
                  + "</p></main></body></html>");
    }
  }

  /** A request whose body stops with an error once more than the limit has been read. */
  private static final class LimitedBody extends HttpServletRequestWrapper {

    private final long limit;

    LimitedBody(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          count(b < 0 ? 0 : 1);
          return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          int n = in.read(buffer, offset, length);
          count(Math.max(n, 0));
          return n;
        }

        private void count(int n) throws IOException {
          read += n;
          if (read > limit) {
            throw new MaxUploadSizeExceededException(limit);
          }
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
