package org.gongkai.screening.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongkai.screening.Ground;
import org.gongkai.screening.Redactions;
import org.gongkai.shared.web.Refusal;

/**
 * The boxes of the console's form, one row each: the page, and the box's left edge, top edge, width
 * and height in millimetres from the page's top left corner, as a person measures a printed page;
 * PDF boxes count points from the lower left corner.
 */
final class BoxRows {

  static final double POINTS_PER_MM = 72 / 25.4;

  /** The form's columns as submitted, each a list with one value per row. */
  record Fields(
      List<String> page,
      List<String> left,
      List<String> top,
      List<String> width,
      List<String> height,
      List<String> ground) {}

  /** A row as the form shows it again. */
  record Row(int page, String left, String top, String width, String height, Ground ground) {}

  private BoxRows() {}

  /** The boxes of the rows filled in; a row filled in part or outside its page is refused. */
  static List<Redactions.Box> toBoxes(Fields fields, List<OriginalPages.PageSize> pages) {
    List<Redactions.Box> boxes = new ArrayList<>();
    int rows = fields.left() == null ? 0 : fields.left().size();
    for (int i = 0; i < rows; i++) {
      String[] values = {
        at(fields.left(), i), at(fields.top(), i), at(fields.width(), i), at(fields.height(), i)
      };
      boolean blank = true;
      for (String value : values) {
        blank &= value.isEmpty();
      }
      if (blank) {
        continue;
      }
      int row = i + 1;
      try {
        int page = Integer.parseInt(at(fields.page(), i));
        double left = Double.parseDouble(values[0]);
        double top = Double.parseDouble(values[1]);
        double width = Double.parseDouble(values[2]);
        double height = Double.parseDouble(values[3]);
        OriginalPages.PageSize size =
            pages.stream()
                .filter(p -> p.page() == page)
                .findFirst()
                .orElseThrow(() -> Refusal.invalidField("boxes", "redaction.box.row", row));
        if (left < 0
            || top < 0
            || width <= 0
            || height <= 0
            || (left + width) * POINTS_PER_MM > size.width() + 1
            || (top + height) * POINTS_PER_MM > size.height() + 1) {
          throw Refusal.invalidField("boxes", "redaction.box.row", row);
        }
        boxes.add(
            new Redactions.Box(
                page,
                (float) (left * POINTS_PER_MM),
                (float) (size.height() - (top + height) * POINTS_PER_MM),
                (float) (width * POINTS_PER_MM),
                (float) (height * POINTS_PER_MM),
                ground(at(fields.ground(), i), "boxes")));
      } catch (NumberFormatException e) {
        throw Refusal.invalidField("boxes", "redaction.box.row", row);
      }
    }
    return boxes;
  }

  /** The boxes of the last redaction, as rows to show and change. */
  static List<Row> fromBoxes(List<Redactions.Box> boxes, List<OriginalPages.PageSize> pages) {
    List<Row> rows = new ArrayList<>();
    for (Redactions.Box box : boxes) {
      pages.stream()
          .filter(p -> p.page() == box.page())
          .findFirst()
          .ifPresent(
              size ->
                  rows.add(
                      new Row(
                          box.page(),
                          mm(box.x()),
                          mm(size.height() - box.y() - box.height()),
                          mm(box.width()),
                          mm(box.height()),
                          box.ground())));
    }
    return rows;
  }

  static Ground ground(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Ground.valueOf(value.strip());
    } catch (IllegalArgumentException e) {
      throw Refusal.invalidField(field, "redaction.ground.invalid");
    }
  }

  private static String mm(double points) {
    return String.format(Locale.ROOT, "%.1f", Math.max(0, points / POINTS_PER_MM));
  }

  private static String at(List<String> values, int i) {
    return values == null || i >= values.size() || values.get(i) == null
        ? ""
        : values.get(i).strip();
  }
}
