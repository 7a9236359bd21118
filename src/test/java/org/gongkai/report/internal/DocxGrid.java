package org.gongkai.report.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * A Word table read back as a program that follows OOXML lays it out: the grid's columns, and each
 * cell placed on the grid by the spans before it, merged down by its vertical merges.
 */
record DocxGrid(List<Integer> gridWidths, List<Integer> rowSpans, Map<String, String> cells) {

  /** Reads the table; {@code rowSpans} holds the grid columns each row covers. */
  static DocxGrid of(XWPFTable table) {
    List<Integer> widths = new ArrayList<>();
    if (table.getCTTbl().getTblGrid() != null) {
      table
          .getCTTbl()
          .getTblGrid()
          .getGridColList()
          .forEach(c -> widths.add(((BigInteger) c.getW()).intValue()));
    }
    List<Integer> spans = new ArrayList<>();
    // anchor "row,col" → [rowSpan, colSpan, text]
    Map<String, Object[]> anchors = new LinkedHashMap<>();
    Map<Integer, String> openDown = new HashMap<>();
    for (int r = 0; r < table.getNumberOfRows(); r++) {
      XWPFTableRow row = table.getRow(r);
      int col = 0;
      for (XWPFTableCell cell : row.getTableCells()) {
        CTTcPr props = cell.getCTTc().getTcPr();
        int span =
            props != null && props.isSetGridSpan() ? props.getGridSpan().getVal().intValue() : 1;
        boolean continues =
            props != null
                && props.isSetVMerge()
                && (props.getVMerge().getVal() == null
                    || props.getVMerge().getVal() == STMerge.CONTINUE);
        if (continues && openDown.containsKey(col)) {
          Object[] anchor = anchors.get(openDown.get(col));
          anchor[0] = (Integer) anchor[0] + 1;
        } else {
          String key = r + "," + col;
          anchors.put(key, new Object[] {1, span, cell.getText()});
          if (props != null && props.isSetVMerge()) {
            openDown.put(col, key);
          } else {
            openDown.remove(col);
          }
        }
        col += span;
      }
      spans.add(col);
    }
    Map<String, String> cells = new LinkedHashMap<>();
    anchors.forEach((key, a) -> cells.put(key, a[0] + "x" + a[1] + " " + a[2]));
    return new DocxGrid(widths, spans, cells);
  }
}
