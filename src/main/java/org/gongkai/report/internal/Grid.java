package org.gongkai.report.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A table as the official format lays it out, merged cells included, so that the HTML page, the
 * DOCX and the XLSX render one and the same layout.
 */
final class Grid {

  /**
   * A cell anchored at (row, col) spanning rowSpan × colSpan; header cells are labels, the rest
   * figures.
   */
  record Cell(int row, int col, int rowSpan, int colSpan, String text, boolean header) {}

  private final String title;
  private final int columns;
  private final List<Cell> cells = new ArrayList<>();
  private int rows;
  private double[] widths;

  Grid(String title, int columns) {
    this.title = title;
    this.columns = columns;
    this.widths = new double[columns];
    Arrays.fill(widths, 1);
  }

  /**
   * The columns' widths in characters of the table's text, chosen so that labels wrap where the
   * official template wraps them; every output format scales them to its own units.
   */
  Grid widths(double... characters) {
    if (characters.length != columns) {
      throw new IllegalArgumentException("a width for each of the " + columns + " columns");
    }
    this.widths = characters.clone();
    return this;
  }

  double width(int col) {
    return widths[col];
  }

  double totalWidth() {
    double sum = 0;
    for (double w : widths) {
      sum += w;
    }
    return sum;
  }

  /** The rows above the first figure: the header, repeated on every page a table runs over. */
  int headerRows() {
    int first = rows;
    for (Cell c : cells) {
      if (!c.header()) {
        first = Math.min(first, c.row());
      }
    }
    return first;
  }

  /** Whether row 0 is one label across the whole table (a block of table 二): a caption in HTML. */
  boolean titledByFirstRow() {
    Cell first = at(0, 0);
    return first != null
        && first.header()
        && first.colSpan() == columns
        && first.rowSpan() == 1
        && first.text().equals(title);
  }

  Grid add(int row, int col, int rowSpan, int colSpan, String text, boolean header) {
    cells.add(new Cell(row, col, rowSpan, colSpan, text, header));
    rows = Math.max(rows, row + rowSpan);
    return this;
  }

  String title() {
    return title;
  }

  int rows() {
    return rows;
  }

  int columns() {
    return columns;
  }

  List<Cell> cells() {
    return cells;
  }

  /**
   * The anchor cell at a position, or null where the position is covered by a merged cell or empty.
   */
  Cell at(int row, int col) {
    for (Cell c : cells) {
      if (c.row() == row && c.col() == col) {
        return c;
      }
    }
    return null;
  }

  /** The merged cell covering a position without starting there, or null. */
  Cell coveredBy(int row, int col) {
    for (Cell c : cells) {
      boolean inside =
          row >= c.row()
              && row < c.row() + c.rowSpan()
              && col >= c.col()
              && col < c.col() + c.colSpan();
      if (inside && !(c.row() == row && c.col() == col)) {
        return c;
      }
    }
    return null;
  }
}
