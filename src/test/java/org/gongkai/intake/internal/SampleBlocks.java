package org.gongkai.intake.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A spec laid out as GB/T 9704-2012 lays a document out, as blocks both writers render: organ mark
 * in red, number, title centred in 二号, body in 三号 with two characters' indent, signature and date
 * four characters from the right, notes, appended attachments on pages of their own, and the
 * colophon in 四号.
 */
final class SampleBlocks {

  enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  /**
   * One paragraph: {@code indent} and {@code hang} in characters (first and following lines),
   * {@code right} the text drawn at the right end of the same line, {@code rule} a red line below.
   */
  record Block(
      String text,
      float size,
      Align align,
      boolean red,
      int indent,
      int hang,
      int rightIndent,
      boolean pageBreak,
      String right,
      boolean rule) {

    static Block body(String text, int indent) {
      return new Block(text, 16, Align.LEFT, false, indent, 0, 0, false, null, false);
    }

    static Block blank() {
      return body("", 0);
    }

    Block breakingPage() {
      return new Block(text, size, align, red, indent, hang, rightIndent, true, right, rule);
    }
  }

  static final float BODY = 16;
  static final float TITLE = 22;

  private SampleBlocks() {}

  static List<Block> of(IntakeSpec spec) {
    List<Block> blocks = new ArrayList<>();
    spec.prelude().forEach(p -> blocks.add(Block.body(p, 0)));
    mark(spec, blocks);
    blocks.add(Block.blank());
    number(spec, blocks);
    blocks.add(Block.blank());
    for (String line : spec.titleLines()) {
      blocks.add(
          spec.quirks().contains("title-left")
              ? Block.body(line, 0)
              : new Block(line, TITLE, Align.CENTER, false, 0, 0, 0, false, null, false));
    }
    blocks.add(Block.blank());
    if (spec.addressees() != null) {
      blocks.add(Block.body(spec.addressees() + "\uff1a", 0));
    }
    spec.body().forEach(p -> blocks.add(Block.body(p, 2)));
    notes(spec, blocks);
    blocks.add(Block.blank());
    blocks.add(Block.blank());
    if (!spec.layout().equals("minutes")) {
      List<String> signers = spec.organs();
      for (String organ : signers) {
        blocks.add(new Block(organ, BODY, Align.RIGHT, false, 0, 0, 4, false, null, false));
      }
    }
    blocks.add(
        new Block(
            date(spec.written(), spec.chineseDate()),
            BODY,
            spec.quirks().contains("date-centred") ? Align.CENTER : Align.RIGHT,
            false,
            0,
            0,
            4,
            false,
            null,
            false));
    if (spec.notes() != null) {
      blocks.add(Block.blank());
      blocks.add(Block.body(spec.notes(), 2));
    }
    appended(spec, blocks);
    colophon(spec, blocks);
    return blocks;
  }

  private static void mark(IntakeSpec spec, List<Block> blocks) {
    List<String> lines = new ArrayList<>();
    boolean joint = spec.layout().equals("file") && spec.organs().size() > 1;
    if (joint && spec.quirks().contains("mark-beside")) {
      // 文件 to the right of the stacked organs, level with the middle one.
      int longest = spec.organs().stream().mapToInt(String::length).max().orElse(1);
      float size = Math.min(36, 360f / (longest + 3));
      for (int i = 0; i < spec.organs().size(); i++) {
        boolean middle = i == (spec.organs().size() - 1) / 2;
        blocks.add(
            new Block(
                spec.organs().get(i),
                size,
                Align.LEFT,
                true,
                1,
                0,
                1,
                false,
                middle ? Words.FILE_SUFFIX : null,
                false));
      }
      return;
    }
    if (spec.layout().equals("file")) {
      if (spec.organs().size() == 1) {
        lines.add(spec.organs().get(0) + Words.FILE_SUFFIX);
      } else {
        lines.addAll(spec.organs());
        lines.add(Words.FILE_SUFFIX);
      }
    } else {
      lines.addAll(spec.organs());
    }
    int longest = lines.stream().mapToInt(String::length).max().orElse(1);
    float size = Math.min(36, 400f / longest);
    for (String line : lines) {
      blocks.add(new Block(line, size, Align.CENTER, true, 0, 0, 0, false, null, false));
    }
  }

  private static void number(IntakeSpec spec, List<Block> blocks) {
    if (spec.signer() != null) {
      blocks.add(
          new Block(
              spec.numberAsWritten(),
              BODY,
              Align.LEFT,
              false,
              1,
              0,
              1,
              false,
              "\u7b7e\u53d1\u4eba\uff1a" + spec.signer(),
              true));
    } else if (spec.layout().equals("letter")) {
      blocks.add(
          new Block(spec.numberAsWritten(), BODY, Align.RIGHT, false, 0, 0, 1, false, null, true));
    } else {
      blocks.add(
          new Block(spec.numberAsWritten(), BODY, Align.CENTER, false, 0, 0, 0, false, null, true));
    }
  }

  private static void notes(IntakeSpec spec, List<Block> blocks) {
    List<String> names = spec.attachments();
    if (names.isEmpty()) {
      return;
    }
    blocks.add(Block.blank());
    String head = Words.ATTACHMENT + "\uff1a";
    if (names.size() == 1) {
      blocks.add(
          new Block(head + names.get(0), BODY, Align.LEFT, false, 2, 5, 0, false, null, false));
      return;
    }
    for (int i = 0; i < names.size(); i++) {
      String item = (i + 1) + "." + names.get(i);
      blocks.add(
          new Block(
              i == 0 ? head + item : item,
              BODY,
              Align.LEFT,
              false,
              i == 0 ? 2 : 5,
              7,
              0,
              false,
              null,
              false));
    }
  }

  private static void appended(IntakeSpec spec, List<Block> blocks) {
    if (!spec.appended()) {
      return;
    }
    List<String> names = spec.attachments();
    for (int i = 0; i < names.size(); i++) {
      String head = Words.ATTACHMENT + (names.size() == 1 ? "" : String.valueOf(i + 1));
      blocks.add(Block.body(head, 0).breakingPage());
      blocks.add(Block.blank());
      blocks.add(new Block(names.get(i), TITLE, Align.CENTER, false, 0, 0, 0, false, null, false));
      blocks.add(Block.blank());
      blocks.add(Block.body(names.get(i) + "\u3002", 2));
      blocks.add(Block.body("\u4e00\u3001" + names.get(i) + "\u3002", 2));
    }
  }

  private static void colophon(IntakeSpec spec, List<Block> blocks) {
    if (spec.printedBy() == null) {
      return;
    }
    Block first = null;
    if (spec.copies() != null) {
      first =
          new Block(
              "\u6284\u9001\uff1a" + spec.copies() + "\u3002",
              14,
              Align.LEFT,
              false,
              1,
              3,
              0,
              false,
              null,
              false);
    }
    Block printed =
        new Block(
            spec.printedBy(),
            14,
            Align.LEFT,
            false,
            1,
            0,
            1,
            false,
            date(spec.printed(), false) + "\u5370\u53d1",
            false);
    if (first != null) {
      blocks.add(spec.appended() ? first.breakingPage() : first);
      blocks.add(printed);
    } else {
      blocks.add(spec.appended() ? printed.breakingPage() : printed);
    }
  }

  static String date(LocalDate date, boolean chinese) {
    if (!chinese) {
      return date.getYear()
          + Words.YEAR
          + date.getMonthValue()
          + Words.MONTH
          + date.getDayOfMonth()
          + Words.DAY;
    }
    StringBuilder year = new StringBuilder();
    for (char c : String.valueOf(date.getYear()).toCharArray()) {
      year.append(Words.DIGITS.charAt(c - '0'));
    }
    return year
        + Words.YEAR
        + tens(date.getMonthValue())
        + Words.MONTH
        + tens(date.getDayOfMonth())
        + Words.DAY;
  }

  private static String tens(int n) {
    String units = n % 10 == 0 ? "" : String.valueOf(Words.DIGITS.charAt(n % 10));
    if (n < 10) {
      return units;
    }
    return (n / 10 == 1 ? "" : String.valueOf(Words.DIGITS.charAt(n / 10))) + Words.TEN + units;
  }
}
