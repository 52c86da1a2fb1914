package com.aftersales.dunning;

import com.aftersales.base.Access;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import com.aftersales.cases.CaseVariables;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.ShopEvent;
import com.aftersales.shop.ShopEvents;
import com.aftersales.shop.UnknownOrderException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/dunning}: daily runs, the summary (also as .xlsx), the back office's order events.
 */
@RestController
@RequestMapping("/api/dunning")
class DunningController {

  /** The body of a run: the day the orders were placed (default yesterday). */
  record RunRequest(String date) {}

  /** An order the back office reports as paid or closed. */
  record OrderEvent(String orderId, String type) {}

  private final DunningService dunning;
  private final DunningSummary summary;
  private final ShopBackOffice shop;
  private final ShopEvents events;
  private final IdentityService identity;
  private final Clock clock;

  DunningController(
      DunningService dunning,
      DunningSummary summary,
      ShopBackOffice shop,
      ShopEvents events,
      IdentityService identity,
      Clock clock) {
    this.dunning = dunning;
    this.summary = summary;
    this.shop = shop;
    this.events = events;
    this.identity = identity;
    this.clock = clock;
  }

  @PostMapping("/runs")
  DunningService.RunResult run(@RequestBody(required = false) RunRequest request) {
    Access.require(identity, "只有客服或主管可以开始催款", Roles.AGENTS, Roles.SUPERVISORS);
    LocalDate date =
        request == null || request.date() == null || request.date().isBlank()
            ? dunning.yesterday()
            : day(request.date(), "date");
    if (date.isAfter(dunning.yesterday().plusDays(1))) {
      throw new InvalidInputException("date", "不能为将来的日期催款");
    }
    return dunning.run(date);
  }

  @GetMapping("/summary")
  List<DunningSummary.Line> summary(
      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
    Access.require(identity, "只有客服或主管可以查看催款汇总", Roles.AGENTS, Roles.SUPERVISORS);
    LocalDate[] range = range(from, to);
    return summary.lines(range[0], range[1]);
  }

  @GetMapping("/summary/export.xlsx")
  void export(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      HttpServletResponse response)
      throws IOException {
    Access.require(identity, "只有客服或主管可以导出催款汇总", Roles.AGENTS, Roles.SUPERVISORS);
    LocalDate[] range = range(from, to);
    List<DunningSummary.Line> lines = summary.lines(range[0], range[1]);
    String file = "催款汇总_" + range[0] + "_" + range[1] + ".xlsx";
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"));
    try (OutputStream out = response.getOutputStream()) {
      Workbook wb = new Workbook(out, "aftersales", "1.0");
      Worksheet ws = wb.newWorksheet("催款汇总");
      String[] headings = {"日期", "客服", "催款订单数", "联系上", "催付后付款", "挽回金额（元）", "转化率"};
      for (int c = 0; c < headings.length; c++) {
        ws.value(0, c, headings[c]);
        ws.style(0, c).bold().fillColor("DDEBF7").set();
      }
      int row = 1;
      for (DunningSummary.Line l : lines) {
        ws.value(row, 0, l.day());
        ws.style(row, 0).format("yyyy-mm-dd").set();
        ws.value(row, 1, l.agent());
        ws.value(row, 2, l.orders());
        ws.value(row, 3, l.reached());
        ws.value(row, 4, l.paidAfterDunning());
        ws.value(row, 5, l.amountRecovered());
        ws.style(row, 5).format("0.00").set();
        ws.value(row, 6, l.conversionRate());
        ws.style(row, 6).format("0.0%").set();
        row++;
      }
      ws.freezePane(0, 1);
      wb.finish();
    }
  }

  /**
   * The back office's way in: the order event goes through the same handling as the platform's
   * trade messages ({@link ShopEvents}).
   */
  @PostMapping("/events")
  Map<String, Object> event(@RequestBody(required = false) OrderEvent event) {
    String user = Access.require(identity, "只有店铺后台对接账号可以上报订单事件", Roles.BACK_OFFICE);
    if (event == null || event.orderId() == null || event.orderId().isBlank()) {
      throw new InvalidInputException(CaseVariables.ORDER_ID, "请填写订单编号");
    }
    String type = event.type() == null ? "" : event.type().trim().toUpperCase();
    if (!type.equals("PAID") && !type.equals("CLOSED")) {
      throw new InvalidInputException("type", "事件类型只能是 PAID（已付款）或 CLOSED（已关闭）");
    }
    String orderId = event.orderId().trim();
    shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    ShopEvent.Source source = new ShopEvent.Source(null, user);
    OffsetDateTime now = OffsetDateTime.now(clock);
    ShopEvents.Dispatched done =
        events.dispatch(
            type.equals("PAID")
                ? new ShopEvent.TradePaid(source, now, orderId)
                : new ShopEvent.TradeClosed(source, now, orderId));
    return Map.of(
        CaseVariables.ORDER_ID.name(),
        orderId,
        "type",
        type,
        "outcome",
        done.applied().isEmpty() ? "IGNORED" : "APPLIED");
  }

  private LocalDate[] range(String from, String to) {
    LocalDate end = to == null || to.isBlank() ? dunning.yesterday().plusDays(1) : day(to, "to");
    LocalDate start = from == null || from.isBlank() ? end.minusDays(30) : day(from, "from");
    if (start.isAfter(end)) {
      throw new InvalidInputException("from", "开始日期不能晚于结束日期");
    }
    return new LocalDate[] {start, end};
  }

  private static LocalDate day(String value, String field) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "日期 “" + value + "” 格式不对，请写成 2026-11-22");
    }
  }
}
