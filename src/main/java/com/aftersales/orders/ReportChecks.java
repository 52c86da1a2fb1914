package com.aftersales.orders;

import com.aftersales.base.TooLargeException;
import java.io.IOException;

/**
 * What is checked of an order report before anything is imported: that it is one (a heading row
 * with the 订单编号 column in the first lines; the other columns may be missing, see {@link
 * OrderReport#missingToCreate}), and that it is not longer than a node takes.
 */
final class ReportChecks {

  private static final int HEADER_SEARCH_ROWS = 10;

  private ReportChecks() {}

  /** A report's layout and the line of its heading row. */
  record Layout(OrderReport report, int headingLine) {}

  static Layout layout(ReportFile report, java.time.ZoneId zone) throws IOException {
    OrderReport[] found = {null};
    int[] headingLine = {0};
    String[] firstRow = {null};
    try {
      report.rows(
          (line, cells) -> {
            if (firstRow[0] == null && !OrderReport.blank(cells)) {
              firstRow[0] = String.join(",", cells.subList(0, Math.min(6, cells.size())));
            }
            OrderReport layout = OrderReport.layout(cells, zone);
            if (layout != null) {
              found[0] = layout;
              headingLine[0] = line;
              throw new StopReading();
            }
            if (line >= HEADER_SEARCH_ROWS) {
              throw new StopReading();
            }
          });
    } catch (StopReading done) {
      // heading found, or not in the first rows
    }
    if (found[0] == null) {
      throw new NotAnOrderReportException(
          "这不是订单报表：前 "
              + HEADER_SEARCH_ROWS
              + " 行里没有“订单编号”列"
              + (firstRow[0] == null ? "" : "（第一行是：" + ImportRecords.limit(firstRow[0], 80) + "）")
              + "。请上传卖家中心“已卖出的宝贝”批量导出的订单报表");
    }
    return new Layout(found[0], headingLine[0]);
  }

  private static final class StopReading extends RuntimeException {
    StopReading() {
      super(null, null, false, false);
    }
  }

  /** Counts the data rows (streaming) and refuses a report with more than the limit. */
  static void checkRowCount(ReportFile report, Layout layout, int maxRows) throws IOException {
    int[] rows = {0};
    try {
      report.rows(
          (line, cells) -> {
            if (line > layout.headingLine() && !OrderReport.blank(cells)) {
              if (++rows[0] > maxRows) {
                throw new StopReading();
              }
            }
          });
    } catch (StopReading tooMany) {
      throw new TooLargeException("file", "订单报表超过 " + maxRows + " 行的上限，本次没有导入任何内容。请按日期分批导出后再导入");
    }
  }
}
