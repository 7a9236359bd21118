package org.gongkai.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a visitor may send: a form or API call from the public is at most
 * {@code gongkai.public-uploads.max-request} (a 10 MB attachment and its form), refused before a
 * byte of its body is read. Staff pages and the staff API keep the larger limit of their
 * attachments. A body of unknown length is refused from the public: browsers always give it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class PublicRequestLimit extends OncePerRequestFilter {

  private final long maxBytes;
  private final MessageSource messages;
  private final JsonMapper json = JsonMapper.builder().build();

  PublicRequestLimit(@Value("${gongkai.public-uploads.max-request:12MB}") DataSize maxRequest, MessageSource messages) {
    this.maxBytes = maxRequest.toBytes();
    this.messages = messages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean sendsBody = "POST".equals(request.getMethod()) || "PUT".equals(request.getMethod())
        || "PATCH".equals(request.getMethod());
    return !sendsBody || path.startsWith("/console") || path.startsWith("/api/v1/admin") || path.startsWith("/actuator");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
    if (chunked) {
      refuse(request, response, HttpStatus.LENGTH_REQUIRED, "request.length-required");
    } else if (length > maxBytes) {
      refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.too-large");
    } else {
      chain.doFilter(request, response);
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
      throws IOException {
    String detail = messages.getMessage(key, new Object[] {maxBytes / 1024 / 1024}, key,
        LocaleContextHolder.getLocale());
    String title = messages.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(),
        LocaleContextHolder.getLocale());
    response.setStatus(status.value());
    // The unread body is not drained: the connection closes instead of swallowing megabytes.
    response.setHeader("Connection", "close");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      response.setContentType("application/problem+json");
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
      problem.setTitle(title);
      response.getWriter().write(json.writeValueAsString(problem));
    } else {
      response.setContentType("text/html");
      response.getWriter().write("<!DOCTYPE html><html lang=\"" + LocaleContextHolder.getLocale().toLanguageTag()
          + "\"><head><meta charset=\"utf-8\"><title>" + HtmlUtils.htmlEscape(title) + "</title></head><body><main><h1>"
          + HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(detail)
          + "</p></main></body></html>");
    }
  }
}
