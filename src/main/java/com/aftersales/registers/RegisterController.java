package com.aftersales.registers;

import com.aftersales.base.InvalidInputException;
import com.aftersales.base.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/registers/{register}}: a page of a register as JSON, or the whole register (for a
 * date range) as an .xlsx workbook with Chinese headings, as the team kept it in spreadsheets.
 */
@RestController
@RequestMapping("/api/registers")
class RegisterController {

  static final int MAX_PAGE_SIZE = 200;

  private final RegisterQueries queries;
  private final ZoneId zone;

  RegisterController(RegisterQueries queries, Clock clock) {
    this.queries = queries;
    this.zone = clock.getZone();
  }

  @GetMapping("/{register}")
  RegisterQueries.Page page(
      @PathVariable String register,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String orderId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    if (page < 0) {
      throw new InvalidInputException("page", "页码从 0 开始");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("size", "每页条数应在 1 到 " + MAX_PAGE_SIZE + " 之间");
    }
    Register r = find(register);
    return queries.page(r, filter(r, from, to, agent, type, orderId), page, size);
  }

  @GetMapping("/{register}/export.xlsx")
  void export(
      @PathVariable String register,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String agent,
      @RequestParam(required = false) String type,
      @RequestParam(required = false) String orderId,
      HttpServletResponse response)
      throws IOException {
    Register r = find(register);
    RegisterQueries.Filter filter = filter(r, from, to, agent, type, orderId);
    queries.checkExport(r, filter);
    String file =
        r.title() + (from == null ? "" : "_" + from) + (to == null ? "" : "_" + to) + ".xlsx";
    response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename*=UTF-8''"
            + URLEncoder.encode(file, StandardCharsets.UTF_8).replace("+", "%20"));
    try (OutputStream out = response.getOutputStream()) {
      Workbook wb = new Workbook(out, "aftersales", "1.0");
      Worksheet ws = wb.newWorksheet(r.title());
      for (int c = 0; c < r.columns().size(); c++) {
        ws.value(0, c, r.columns().get(c).label());
        ws.style(0, c).bold().fillColor("DDEBF7").set();
      }
      int[] row = {1};
      Map<String, Long> returned = new java.util.TreeMap<>();
      queries.each(
          r,
          filter,
          values -> {
            if (r == Register.RETURNS) {
              returned.merge(
                  String.valueOf(values.get(Register.RETURN_PRODUCT)),
                  values.get(Register.RETURN_QUANTITY) instanceof Number n ? n.longValue() : 0L,
                  Long::sum);
            }
            int c = 0;
            for (Register.Column column : r.columns()) {
              write(ws, row[0], c++, column.display(values.get(column.name())));
            }
            if (++row[0] % 1000 == 0) {
              flush(ws); // rows go out as they come: a year's export never sits in memory
            }
          });
      ws.freezePane(0, 1);
      if (r == Register.RETURNS) {
        totals(wb.newWorksheet("合计"), returned);
      }
      wb.finish();
    }
  }

  /**
   * The return register's 合计 (seed 002): the returned pieces of each product and size, summed over
   * the exported rows; the product name is the back office's full name of the product in its size,
   * as the register records it.
   */
  private static void totals(Worksheet ws, Map<String, Long> returned) {
    ws.value(0, 0, "商品名称（含规格）");
    ws.value(0, 1, "合计（退回件数）");
    ws.style(0, 0).bold().fillColor("DDEBF7").set();
    ws.style(0, 1).bold().fillColor("DDEBF7").set();
    int row = 1;
    for (Map.Entry<String, Long> e : returned.entrySet()) {
      ws.value(row, 0, e.getKey());
      ws.value(row, 1, e.getValue());
      row++;
    }
  }

  private static void flush(Worksheet ws) {
    try {
      ws.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void write(Worksheet ws, int row, int col, Object value) {
    if (value == null) {
      return;
    }
    if (value instanceof OffsetDateTime t) {
      ws.value(row, col, t.atZoneSameInstant(zone).toLocalDateTime());
      ws.style(row, col).format("yyyy-mm-dd hh:mm").set();
    } else if (value instanceof BigDecimal b) {
      ws.value(row, col, b);
      ws.style(row, col).format("0.00").set();
    } else if (value instanceof Number n) {
      ws.value(row, col, n);
    } else {
      ws.value(row, col, value.toString());
    }
  }

  private RegisterQueries.Filter filter(
      Register r, String from, String to, String agent, String type, String orderId) {
    only(r.agentColumn(), agent, "agent", r);
    only(r.typeColumn(), type, "type", r);
    only(r.orderColumn(), orderId, "orderId", r); // not a process variable: a query parameter
    return new RegisterQueries.Filter(
        day(from, "from"),
        dayAfter(to, "to"),
        blankToNull(agent),
        blankToNull(type),
        blankToNull(orderId));
  }

  private static void only(String column, String value, String param, Register r) {
    if (column == null && value != null && !value.isBlank()) {
      throw new InvalidInputException(param, r.title() + "不能按 " + param + " 筛选");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  private static Register find(String path) {
    return Register.byPath(path)
        .orElseThrow(
            () ->
                new NotFoundException(
                    "没有名为 "
                        + path
                        + " 的登记表，可选：cases、reship-forms、courier-losses、returns、logistics"));
  }

  private OffsetDateTime day(String value, String field) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim()).atStartOfDay(zone).toOffsetDateTime();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "日期 “" + value + "” 格式不对，请写成 2026-11-23 这样的年-月-日");
    }
  }

  private OffsetDateTime dayAfter(String value, String field) {
    OffsetDateTime d = day(value, field);
    return d == null ? null : d.plusDays(1);
  }
}
