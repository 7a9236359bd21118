package org.gongkai.imports.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * An old disclosure site on this machine: two column lists with pagination, document pages in the
 * 2017 layout (meta tags and info table), in an older layout (a list of labels, no meta tags, GBK),
 * broken pages (500, cut off), a loop, a huge page, a slow page, a robots.txt that shuts a folder,
 * attachments, and {@code generated} list and document pages for the throughput harness.
 */
final class OldSite implements AutoCloseable {

  static final String ID_NUMBER = "11010519491231002X";

  private final HttpServer server;
  private final String agencyCode;
  private final int generated;
  final AtomicInteger requests = new AtomicInteger();
  final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final byte[] pdf;

  OldSite(String agencyCode, int generated) {
    this.agencyCode = agencyCode;
    this.generated = generated;
    this.pdf = pdf();
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::answer);
    server.start();
  }

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String url(String path) {
    return base() + path;
  }

  int hits(String path) {
    return hits.getOrDefault(path, new AtomicInteger()).get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void answer(HttpExchange x) throws IOException {
    requests.incrementAndGet();
    String path = x.getRequestURI().getPath();
    String full =
        x.getRequestURI().getRawQuery() == null
            ? path
            : path + "?" + x.getRequestURI().getRawQuery();
    hits.computeIfAbsent(full, p -> new AtomicInteger()).incrementAndGet();
    try (x) {
      if (path.startsWith("/gen/")) {
        generated(x, path);
        return;
      }
      switch (path) {
        case "/robots.txt" -> send(x, 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
        case "/col/index.html" ->
            html(
                x,
                list(
                    "<a href='/col/index_1.html'>下一页</a>",
                    "<a href='../art/2019/1.html'>植树通知</a>",
                    "<a href='/art/2019/2.html#top'>解读</a>",
                    "<a href='/private/secret.html'>内部</a>",
                    "<a href='/broken.html'>坏页</a>",
                    "<a href='/slow.html'>慢页</a>",
                    "<a href='/loop/a.html'>循环</a>",
                    "<a href='http://example.org/elsewhere.html'>外站</a>",
                    "<a href='mailto:x@example.org'>信箱</a>",
                    "<a href='/files/a.pdf'>附件不是页面</a>"));
        case "/col/index_1.html" ->
            html(
                x,
                list(
                    "<a href='/col/index.html'>上一页</a>",
                    "<a href='/col/./index_1.html'>本页</a>",
                    "<a href='/art/2018/3.html'>旧式页面</a>",
                    "<a href='/art/2019/4.html'>截断</a>",
                    "<a href='/art/huge.html'>巨大</a>",
                    "<a href='/art/2019/5.html'>个人信息</a>",
                    "<a href='/art/2019/6.html'>未对应栏目</a>",
                    "<a href='/art/2019/7.html'>大附件</a>",
                    "<a href='/art/2019/8.html'>同一索引号</a>"));
        case "/art/2019/1.html" ->
            html(
                x,
                document(
                    "通知公告",
                    "关于开展2019年春季植树活动的通知",
                    "2019-03-01 09:30",
                    agencyCode + "/2019-00123",
                    "<p>各单位：现将春季植树活动安排通知如下。</p><p><a href='/files/a.pdf'>活动安排.pdf</a></p>"));
        case "/art/2019/2.html" ->
            html(
                x,
                document(
                    "政策解读",
                    "《植树活动通知》解读",
                    "2019-03-02",
                    agencyCode + "/2019-00124",
                    "<p>一图读懂植树活动。</p>"));
        case "/art/2018/3.html" -> old(x);
        case "/art/2019/4.html" -> {
          String page =
              document("通知公告", "截断的页面", "2019-04-01", agencyCode + "/2019-00130", "<p>开头还在");
          html(x, page.substring(0, page.indexOf("开头还在") + 4));
        }
        case "/art/2019/5.html" ->
            html(
                x,
                document(
                    "通知公告",
                    "低保名单公示",
                    "2019-05-01",
                    agencyCode + "/2019-00131",
                    "<p>申请人：张三，身份证号 " + ID_NUMBER + "。</p>"));
        case "/art/2019/6.html" ->
            html(x, document("机构概况", "未对应的栏目", "2019-06-01", null, "<p>栏目没有对应。</p>"));
        case "/art/2019/7.html" ->
            html(
                x,
                document(
                    "通知公告",
                    "附件过大",
                    "2019-07-01",
                    null,
                    "<p>见附件。<a href='/files/huge.pdf'>大文件</a></p>"));
        case "/art/2019/8.html" ->
            html(
                x,
                document(
                    "通知公告",
                    "与第一篇同一索引号",
                    "2019-08-01",
                    agencyCode + "/2019-00123",
                    "<p>旧网站上同一索引号出现了两次。</p>"));
        case "/art/huge.html" -> {
          x.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
          x.sendResponseHeaders(200, 0);
          try (OutputStream out = x.getResponseBody()) {
            byte[] chunk = "<p>很长的页面</p>".repeat(1000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 200; i++) {
              out.write(chunk);
            }
          }
        }
        case "/slow.html" -> {
          sleep(3000);
          html(x, list());
        }
        case "/broken.html" -> send(x, 500, "text/html", "<h1>Internal Server Error</h1>");
        case "/loop/a.html" ->
            html(x, list("<a href='/loop/b.html'>b</a>", "<a href='/LOOP/../loop/a.html'>a</a>"));
        case "/loop/b.html" ->
            html(
                x,
                list(
                    "<a href='/loop/a.html#x'>a</a>",
                    "<a href='http://127.0.0.1:"
                        + server.getAddress().getPort()
                        + "/loop/b.html'>b</a>"));
        case "/private/secret.html" ->
            html(x, document("通知公告", "不该被抓取", "2019-01-01", null, "<p>robots.txt 不允许。</p>"));
        case "/files/a.pdf" -> {
          x.getResponseHeaders().add("Content-Type", "application/pdf");
          x.sendResponseHeaders(200, pdf.length);
          x.getResponseBody().write(pdf);
        }
        case "/files/huge.pdf" -> {
          byte[] big = new byte[300 * 1024];
          System.arraycopy(pdf, 0, big, 0, pdf.length);
          x.getResponseHeaders().add("Content-Type", "application/pdf");
          x.sendResponseHeaders(200, big.length);
          x.getResponseBody().write(big);
        }
        default -> send(x, 404, "text/html", "<h1>Not Found</h1>");
      }
    }
  }

  /** The throughput fixture: list pages of 20 documents each, chained by a next link. */
  private void generated(HttpExchange x, String path) throws IOException {
    if (path.startsWith("/gen/list_")) {
      int n = Integer.parseInt(path.substring("/gen/list_".length(), path.length() - 5));
      StringBuilder links = new StringBuilder();
      for (int d = n * 20; d < Math.min(generated, n * 20 + 20); d++) {
        links
            .append("<li><a href='/gen/doc_")
            .append(d)
            .append(".html'>文件")
            .append(d)
            .append("</a></li>");
      }
      if ((n + 1) * 20 < generated) {
        links.append("<a href='/gen/list_").append(n + 1).append(".html'>下一页</a>");
      }
      html(x, list(links.toString()));
      return;
    }
    int d = Integer.parseInt(path.substring("/gen/doc_".length(), path.length() - 5));
    html(
        x,
        document(
            "通知公告",
            "生成的文件第" + d + "号",
            "2020-01-" + String.format("%02d", 1 + d % 28),
            agencyCode + "/2020-" + String.format("%05d", d + 1),
            "<p>第" + d + "号文件的正文。</p>"));
  }

  private String list(String... links) {
    return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>信息公开目录</title></head><body><ul>"
        + String.join("\n", links)
        + "</ul></body></html>";
  }

  /** A document page in the 2017 layout: meta tags, the info table, the body in #zoom. */
  private static String document(
      String column, String title, String pubDate, String indexNumber, String body) {
    return "<!DOCTYPE html><html><head><meta charset='utf-8'><title>"
        + title
        + "</title>"
        + "<meta name='SiteName' content='测试市人民政府'>"
        + "<meta name='ColumnName' content='"
        + column
        + "'><meta name='ArticleTitle' content='"
        + title
        + "'><meta name='PubDate' content='"
        + pubDate
        + "'><meta name='ContentSource' content='测试市林业局'><meta name='Keywords' content='植树,绿化'>"
        + "</head><body><table class='xxgk'><tr><td>索引号：</td><td>"
        + (indexNumber == null ? "" : indexNumber)
        + "</td><td>主题分类：</td><td>城乡建设</td></tr><tr><td>发布机构：</td><td>测试市林业局</td>"
        + "<td>成文日期：</td><td>2019年02月27日</td></tr><tr><td>文号：</td><td>测林〔2019〕3号</td>"
        + "<td>有效性：</td><td>有效</td></tr></table><div id='zoom'>"
        + body
        + "</div><script>track()</script></body></html>";
  }

  /** An older layout: no meta tags, a list of labels, the body in .TRS_Editor, in GBK. */
  private void old(HttpExchange x) throws IOException {
    String page =
        "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gbk'>"
            + "<title>2018年度工作总结</title></head><body><ul class='info'>"
            + "<li>索 引 号："
            + agencyCode
            + "/2018-00007</li>"
            + "<li>标题：2018年度工作总结</li><li>生成日期：2018年12月28日</li>"
            + "<li>有效性：已失效</li></ul>"
            + "<div class='TRS_Editor'><p>一年来的工作总结。</p><img src='/img/a.png' onerror='x()'></div>"
            + "</body></html>";
    byte[] body = page.getBytes(Charset.forName("GBK"));
    x.getResponseHeaders().add("Content-Type", "text/html");
    x.sendResponseHeaders(200, body.length);
    x.getResponseBody().write(body);
  }

  private static void html(HttpExchange x, String page) throws IOException {
    send(x, 200, "text/html; charset=utf-8", page);
  }

  private static void send(HttpExchange x, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] pdf() {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        text.newLineAtOffset(72, 700);
        text.showText("Arrangements for the spring tree planting.");
        text.endText();
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
