package org.gongkai.power.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.util.HtmlUtils;

/**
 * A process flowchart entered as structured lines, one step per line: {@code key|label|next} where
 * {@code next} lists the following steps, each optionally with the condition of its branch: {@code
 * 3:符合条件,4:不符合条件}. No drawing tool is needed; the chart is laid out and drawn here as SVG, with the
 * steps in order as its text alternative.
 */
record Flow(List<Step> steps) {

  record Branch(String target, String condition) {}

  record Step(String key, String label, List<Branch> next) {}

  /** A problem with one line, for the form or the import report. */
  record Problem(int line, String messageKey, String detail) {}

  static Flow parse(String text, List<Problem> problems) {
    List<Step> steps = new ArrayList<>();
    Map<String, Integer> lines = new LinkedHashMap<>();
    String[] rows = text == null ? new String[0] : text.split("\\R");
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i].strip();
      if (row.isEmpty()) {
        continue;
      }
      String[] parts = row.split("\\|", -1);
      if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
        problems.add(new Problem(i + 1, "power.flow.line", row));
        continue;
      }
      String key = parts[0].strip();
      if (lines.containsKey(key)) {
        problems.add(new Problem(i + 1, "power.flow.duplicate", key));
        continue;
      }
      lines.put(key, i + 1);
      List<Branch> next = new ArrayList<>();
      if (parts.length > 2 && !parts[2].isBlank()) {
        for (String b : parts[2].split("[,，]")) {
          String[] tc = b.split("[:：]", 2);
          if (!tc[0].isBlank()) {
            next.add(
                new Branch(
                    tc[0].strip(), tc.length > 1 && !tc[1].isBlank() ? tc[1].strip() : null));
          }
        }
      }
      steps.add(new Step(key, parts[1].strip(), next));
    }
    if (steps.isEmpty() && problems.isEmpty()) {
      problems.add(new Problem(0, "power.flow.empty", ""));
    }
    for (Step s : steps) {
      for (Branch b : s.next()) {
        if (!lines.containsKey(b.target())) {
          problems.add(new Problem(lines.get(s.key()), "power.flow.unknown-target", b.target()));
        }
      }
    }
    return new Flow(List.copyOf(steps));
  }

  /**
   * Each step's row in the chart: one below the lowest step that leads to it (loops back are not
   * followed).
   */
  Map<String, Integer> ranks() {
    Map<String, Integer> rank = new HashMap<>();
    Map<String, Step> byKey = new LinkedHashMap<>();
    steps.forEach(s -> byKey.put(s.key(), s));
    if (!steps.isEmpty()) {
      rank.put(steps.get(0).key(), 0);
    }
    for (int pass = 0; pass < steps.size(); pass++) {
      boolean changed = false;
      for (int i = 0; i < steps.size(); i++) {
        Step s = steps.get(i);
        Integer r = rank.get(s.key());
        if (r == null) {
          rank.put(s.key(), 0);
          r = 0;
        }
        for (Branch b : s.next()) {
          Step t = byKey.get(b.target());
          // Only forward edges (to a later line) push a step down; a loop back keeps the chart
          // finite.
          if (t != null && steps.indexOf(t) > i && rank.getOrDefault(t.key(), -1) < r + 1) {
            rank.put(t.key(), r + 1);
            changed = true;
          }
        }
      }
      if (!changed) {
        break;
      }
    }
    return rank;
  }

  String svg(String title) {
    int boxW = 200;
    int boxH = 52;
    int gapX = 40;
    int gapY = 56;
    Map<String, Integer> rank = ranks();
    Map<Integer, List<Step>> rows = new TreeMap<>();
    steps.forEach(s -> rows.computeIfAbsent(rank.get(s.key()), k -> new ArrayList<>()).add(s));
    int widest = rows.values().stream().mapToInt(List::size).max().orElse(1);
    int width = widest * (boxW + gapX) + gapX;
    int height = rows.size() * (boxH + gapY) + gapY;
    Map<String, int[]> pos = new HashMap<>();
    for (var row : rows.entrySet()) {
      List<Step> inRow = row.getValue();
      int offset = (width - inRow.size() * (boxW + gapX) + gapX) / 2;
      for (int i = 0; i < inRow.size(); i++) {
        pos.put(
            inRow.get(i).key(),
            new int[] {offset + i * (boxW + gapX), gapY / 2 + row.getKey() * (boxH + gapY)});
      }
    }
    StringBuilder svg = new StringBuilder();
    svg.append(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"flow-title\" class=\"flowchart\"")
        .append(" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\">")
        .append("<title id=\"flow-title\">")
        .append(esc(title))
        .append("</title>")
        .append(
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\"")
        .append(
            " orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#1a1a1a\"/></marker></defs>");
    for (Step s : steps) {
      int[] from = pos.get(s.key());
      for (Branch b : s.next()) {
        int[] to = pos.get(b.target());
        if (to == null) {
          continue;
        }
        int x1 = from[0] + boxW / 2;
        int y1 = from[1] + boxH;
        int x2 = to[0] + boxW / 2;
        int y2 = to[1];
        if (y2 <= y1) {
          // A loop back runs along the right-hand side.
          int side = Math.max(from[0], to[0]) + boxW + gapX / 2;
          svg.append("<path d=\"M ")
              .append(from[0] + boxW)
              .append(' ')
              .append(from[1] + boxH / 2)
              .append(" H ")
              .append(side)
              .append(" V ")
              .append(to[1] + boxH / 2)
              .append(" H ")
              .append(to[0] + boxW)
              .append(
                  "\" fill=\"none\" stroke=\"#1a1a1a\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
        } else {
          svg.append("<line x1=\"")
              .append(x1)
              .append("\" y1=\"")
              .append(y1)
              .append("\" x2=\"")
              .append(x2)
              .append("\" y2=\"")
              .append(y2)
              .append("\" stroke=\"#1a1a1a\" stroke-width=\"1.5\" marker-end=\"url(#arrow)\"/>");
        }
        if (b.condition() != null) {
          svg.append("<text x=\"")
              .append((x1 + x2) / 2 + 4)
              .append("\" y=\"")
              .append((y1 + y2) / 2)
              .append("\" font-size=\"12\" fill=\"#1a1a1a\">")
              .append(esc(b.condition()))
              .append("</text>");
        }
      }
    }
    for (Step s : steps) {
      int[] p = pos.get(s.key());
      boolean end = s.next().isEmpty();
      svg.append("<rect x=\"")
          .append(p[0])
          .append("\" y=\"")
          .append(p[1])
          .append("\" width=\"")
          .append(boxW)
          .append("\" height=\"")
          .append(boxH)
          .append("\" rx=\"")
          .append(end ? 24 : 4)
          .append("\" fill=\"#ffffff\" stroke=\"#0b4f8a\" stroke-width=\"2\"/>");
      List<String> lines = wrap(s.label(), 13);
      int y = p[1] + boxH / 2 - (lines.size() - 1) * 8 + 5;
      for (String line : lines) {
        svg.append("<text x=\"")
            .append(p[0] + boxW / 2)
            .append("\" y=\"")
            .append(y)
            .append("\" font-size=\"14\" text-anchor=\"middle\" fill=\"#1a1a1a\">")
            .append(esc(line))
            .append("</text>");
        y += 16;
      }
    }
    return svg.append("</svg>").toString();
  }

  private static List<String> wrap(String label, int perLine) {
    List<String> lines = new ArrayList<>();
    int[] cps = label.codePoints().toArray();
    for (int i = 0; i < cps.length && lines.size() < 3; i += perLine) {
      lines.add(new String(cps, i, Math.min(perLine, cps.length - i)));
    }
    return lines;
  }

  private static String esc(String s) {
    return HtmlUtils.htmlEscape(s);
  }
}
