package org.gongkai.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Examples from the OWASP XSS filter evasion cheat sheet, each of which must come out harmless. */
class BodySanitizerTests {

  private final BodySanitizer sanitizer = new BodySanitizer();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<SCRIPT SRC=https://cdn.jsdelivr.net/gh/Moksh45/host-xss.rocks/index.js></SCRIPT>",
        "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<IMG SRC=javascript:alert('XSS')>",
        "<IMG SRC=JaVaScRiPt:alert('XSS')>",
        "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
        "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
        "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
        "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
        "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041\">",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
        "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
        "<IMG SRC=\"jav\tascript:alert('XSS');\">",
        "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
        "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
        "<SCRIPT/XSS SRC=\"http://xss.rocks/xss.js\"></SCRIPT>",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
        "<SCRIPT SRC=http://xss.rocks/xss.js?< B >",
        "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
        "<iframe src=http://xss.rocks/scriptlet.html <",
        "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
        "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
        "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
        "<IMG DYNSRC=\"javascript:alert('XSS')\">",
        "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
        "<svg/onload=alert('XSS')>",
        "<BODY ONLOAD=alert('XSS')>",
        "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
        "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
        "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
        "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
        "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
        "<DIV STYLE=\"width: expression(alert('XSS'));\">",
        "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"http://xss.rocks/scriptlet.html\"></OBJECT>",
        "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==\" type=\"image/svg+xml\" AllowScriptAccess=\"always\"></EMBED>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "<BASE HREF=\"javascript:alert('XSS');//\">",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>"
      })
  void neutralisesFilterEvasionExamples(String attack) {
    String clean = sanitizer.sanitize(attack).toLowerCase(Locale.ROOT);
    assertThat(clean)
        .doesNotContain(
            "<script",
            "<iframe",
            "<object",
            "<embed",
            "<svg",
            "<style",
            "<meta",
            "<link",
            "<base",
            "<form",
            "<input",
            "<body",
            "expression(",
            "data:text/html")
        .doesNotContainPattern("<[^>]*\\son[a-z]+\\s*=")
        .doesNotContainPattern(
            "(href|src|style|background|action)\\s*=\\s*\"[^\"]*(javascript|vbscript):");
  }

  @Test
  void keepsTheStructureOfAnOfficialDocument() {
    String body =
        "<h2>一、总体要求</h2><p style=\"text-align:center\">正文<strong>重点</strong></p>"
            + "<table><tr><th scope=\"col\">项目</th><td colspan=\"2\">数值</td></tr></table>"
            + "<ol><li>第一条</li></ol><a href=\"/documents/1\">相关文件</a><img src=\"/x.png\" alt=\"图\">";
    String clean = sanitizer.sanitize(body);
    assertThat(clean)
        .contains(
            "<h2>一、总体要求</h2>",
            "text-align:center",
            "<strong>重点</strong>",
            "colspan=\"2\"",
            "<li>第一条</li>",
            "href=\"/documents/1\"",
            "alt=\"图\"");
  }

  @Test
  void keepsTheHeaderIdsOfAMergedReportTableAndNoOtherIds() {
    String body =
        "<table><tr><th id=\"wr3-2025-s1\" scope=\"row\">信息发布</th>"
            + "<th id=\"main\">总数</th>"
            + "<td headers=\"wr3-2025-s1 wr3-2025-i1\">12</td>"
            + "<td headers=\"main\">3</td></tr></table>";
    String clean = sanitizer.sanitize(body);
    assertThat(clean)
        .contains("id=\"wr3-2025-s1\"", "headers=\"wr3-2025-s1 wr3-2025-i1\"")
        .doesNotContain("id=\"main\"", "headers=\"main\"");
  }
}
