package com.aftersales.shifts.report;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/** The supervisors' workbook of a day: one row per agent, headed in Chinese. */
@Component
class DayReportExport {

  static final List<String> HEADINGS =
      List.of(
          "客服", "账号", "完成任务", "各类任务", "开单", "结案", "手上未完成", "已逾期", "退款（笔）", "退款金额（元）", "催款联系",
          "催回付款", "催回金额（元）", "回访", "回访联系上", "回访转处理", "接收交接", "已提交", "提交时间", "工作小结");

  private final Clock clock;

  DayReportExport(Clock clock) {
    this.clock = clock;
  }

  void write(DayReports.Day day, OutputStream out) throws IOException {
    Workbook wb = new Workbook(out, "aftersales", "1.0");
    Worksheet ws = wb.newWorksheet("日报 " + day.date());
    for (int c = 0; c < HEADINGS.size(); c++) {
      ws.value(0, c, HEADINGS.get(c));
      ws.style(0, c).bold().fillColor("DDEBF7").set();
    }
    int row = 1;
    for (DayReports.AgentDay a : day.agents()) {
      DayFigures.Figures f = a.figures();
      Object[] values = {
        a.name(),
        a.agent(),
        f.tasksDoneTotal(),
        f.tasksDone().stream()
            .map(t -> t.task() + " " + t.count())
            .collect(Collectors.joining("，")),
        f.casesOpened(),
        f.casesClosed(),
        f.stillOpen(),
        f.overdue(),
        f.refundsAgreed(),
        f.refundAmount(),
        f.dunningCalls(),
        f.paymentsRecovered(),
        f.amountRecovered(),
        f.followUpCalls(),
        f.followUpsReached(),
        f.followUpsRouted(),
        f.handoversReceived(),
        a.report() == null ? (a.flagged() ? "否（已提醒主管）" : "否") : "是",
        a.report() == null
            ? null
            : a.report().submittedAt().atZoneSameInstant(clock.getZone()).toLocalDateTime(),
        a.report() == null ? null : a.report().note()
      };
      for (int c = 0; c < values.length; c++) {
        Object v = values[c];
        if (v instanceof BigDecimal b) {
          ws.value(row, c, b);
          ws.style(row, c).format("0.00").set();
        } else if (v instanceof Number n) {
          ws.value(row, c, n);
        } else if (v instanceof java.time.LocalDateTime t) {
          ws.value(row, c, t);
          ws.style(row, c).format("yyyy-mm-dd hh:mm").set();
        } else if (v != null) {
          ws.value(row, c, v.toString());
        }
      }
      row++;
    }
    ws.freezePane(0, 1);
    wb.finish();
  }
}
