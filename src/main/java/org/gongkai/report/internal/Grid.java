package org.gongkai.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as the official format lays it out, merged cells included, so that the HTML page, the
 * DOCX and the XLSX render one and the same layout.
 */
final class Grid {

  /** A cell anchored at (row, col) spanning rowSpan × colSpan; header cells are labels, the rest figures. */
  record Cell(int row, int col, int rowSpan, int colSpan, String text, boolean header) {}

  private final String title;
  private final int columns;
  private final List<Cell> cells = new ArrayList<>();
  private int rows;

  Grid(String title, int columns) {
    this.title = title;
    this.columns = columns;
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

  /** The anchor cell at a position, or null where the position is covered by a merged cell or empty. */
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
      boolean inside = row >= c.row() && row < c.row() + c.rowSpan() && col >= c.col() && col < c.col() + c.colSpan();
      if (inside && !(c.row() == row && c.col() == col)) {
        return c;
      }
    }
    return null;
  }
}
