package com.aftersales.orders;

import com.aftersales.shop.OrderStatus;
import com.aftersales.shop.ReportedOrder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One order report's layout (which column holds what) and the reading of its rows, forgiving the
 * way real exports write things: {@code ="1234"} order numbers, {@code ¥1,234.50} money, empty
 * money cells, slashes or dashes in dates, Excel date numbers, masked addresses.
 */
final class OrderReport {

  /** An order as a row of the report gives it. Money in yuan; times in the shop's zone. */
  /** A row that cannot be imported, in the clerk's words. */
  static final class RowProblem extends RuntimeException {
    final String orderId;

    RowProblem(String orderId, String message) {
      super(message, null, false, false);
      this.orderId = orderId;
    }
  }

  /**
   * The columns without which a report can only update orders we know: a new order needs its buyer,
   * state, creation time and amount (总金额, or 买家应付货款).
   */
  static final List<ReportColumn> TO_CREATE =
      List.of(ReportColumn.BUYER_ID, ReportColumn.STATUS, ReportColumn.CREATED, ReportColumn.TOTAL);

  private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
  private static final Pattern EXCEL_DAY = Pattern.compile("\\d{5}(\\.\\d+)?");
  private static final List<DateTimeFormatter> DATE_TIMES =
      List.of(
          DateTimeFormatter.ofPattern("yyyy-M-d H:m:s"),
          DateTimeFormatter.ofPattern("yyyy-M-d H:m"),
          DateTimeFormatter.ofPattern("yyyy/M/d H:m:s"),
          DateTimeFormatter.ofPattern("yyyy/M/d H:m"),
          DateTimeFormatter.ofPattern("yyyy-M-d'T'H:m:s"),
          DateTimeFormatter.ofPattern("yyyy-M-d'T'H:m"));
  private static final List<DateTimeFormatter> DATES =
      List.of(DateTimeFormatter.ofPattern("yyyy-M-d"), DateTimeFormatter.ofPattern("yyyy/M/d"));

  private final Map<ReportColumn, Integer> positions;
  private final ZoneId zone;

  private OrderReport(Map<ReportColumn, Integer> positions, ZoneId zone) {
    this.positions = positions;
    this.zone = zone;
  }

  /**
   * The layout of a report whose heading row is {@code headings}, or null when that row is not a
   * heading row (no 订单编号 column).
   */
  static OrderReport layout(List<String> headings, ZoneId zone) {
    Map<ReportColumn, Integer> positions = new EnumMap<>(ReportColumn.class);
    for (int i = 0; i < headings.size(); i++) {
      String h = ReportColumn.normalize(headings.get(i));
      for (ReportColumn c : ReportColumn.values()) {
        if (c.names.contains(h) && !positions.containsKey(c)) {
          positions.put(c, i);
        }
      }
    }
    return positions.containsKey(ReportColumn.ORDER_ID) ? new OrderReport(positions, zone) : null;
  }

  /**
   * The columns this report lacks to create orders, by their Chinese heading: empty for a full
   * report; otherwise it only updates the orders we know.
   */
  List<String> missingToCreate() {
    return TO_CREATE.stream()
        .filter(c -> !has(c) && !(c == ReportColumn.TOTAL && has(ReportColumn.GOODS)))
        .map(c -> c.names.get(0))
        .toList();
  }

  /** Why the row of an order we do not know added nothing, in the clerk's words. */
  String whyNotCreated(String orderId) {
    List<String> missing = missingToCreate();
    return "订单 "
        + orderId
        + " 不在系统里，且"
        + (missing.isEmpty() ? "这一行没有金额（总金额或买家应付货款）" : "报表没有" + String.join("、", missing) + "列")
        + "，无法新建";
  }

  private boolean has(ReportColumn column) {
    return positions.containsKey(column);
  }

  static boolean blank(List<String> cells) {
    return cells.stream().allMatch(c -> c == null || c.isBlank());
  }

  /** Reads one data row; throws {@link RowProblem} saying what is wrong with it. */
  ReportedOrder read(List<String> cells) {
    String rawId = cell(cells, ReportColumn.ORDER_ID);
    String orderId = orderId(rawId);
    if (orderId == null) {
      throw new RowProblem(
          null, plain(rawId).isEmpty() ? "缺少订单编号" : "订单编号 “" + abbreviate(rawId) + "” 无效");
    }
    // a column the report lacks is null (known orders keep theirs); an empty cell is refused
    String buyerId = has(ReportColumn.BUYER_ID) ? cell(cells, ReportColumn.BUYER_ID) : null;
    if (buyerId != null && buyerId.isEmpty()) {
      throw new RowProblem(orderId, "缺少买家会员名");
    }
    String statusText = cell(cells, ReportColumn.STATUS);
    OrderStatus status = status(statusText);
    if (status == null && has(ReportColumn.STATUS)) {
      throw new RowProblem(
          orderId, statusText.isEmpty() ? "缺少订单状态" : "订单状态 “" + abbreviate(statusText) + "” 无法识别");
    }
    OffsetDateTime created = time(orderId, "订单创建时间", cell(cells, ReportColumn.CREATED));
    if (created == null && has(ReportColumn.CREATED)) {
      throw new RowProblem(orderId, "缺少订单创建时间");
    }
    OffsetDateTime paidAt = time(orderId, "订单付款时间", cell(cells, ReportColumn.PAID_AT));
    String quantityText = cell(cells, ReportColumn.QUANTITY);
    int quantity = 1;
    if (!quantityText.isEmpty()) {
      try {
        quantity = new BigDecimal(quantityText.replace(",", "")).intValueExact();
      } catch (ArithmeticException | NumberFormatException e) {
        throw new RowProblem(orderId, "宝贝总数量 “" + abbreviate(quantityText) + "” 不是整数");
      }
      if (quantity < 1 || quantity > 100_000) {
        throw new RowProblem(orderId, "宝贝总数量 " + quantity + " 不合理");
      }
    }
    String mobile = phone(cell(cells, ReportColumn.MOBILE));
    String title = cell(cells, ReportColumn.TITLE);
    return new ReportedOrder(
        orderId,
        buyerId == null ? null : limit(buyerId, 128),
        limit(cell(cells, ReportColumn.RECEIVER), 128),
        mobile.isEmpty() ? limit(phone(cell(cells, ReportColumn.PHONE)), 64) : limit(mobile, 64),
        limit(cell(cells, ReportColumn.ADDRESS), 512),
        limit(cell(cells, ReportColumn.SHOP), 128),
        title.isEmpty() ? "（报表未写商品标题）" : limit(title, 512),
        quantity,
        money(orderId, "买家应付货款", cell(cells, ReportColumn.GOODS)),
        money(orderId, "买家应付邮费", cell(cells, ReportColumn.POSTAGE)),
        money(orderId, "总金额", cell(cells, ReportColumn.TOTAL)),
        money(orderId, "买家实际支付金额", cell(cells, ReportColumn.PAID)),
        status,
        created,
        paidAt,
        limit(plain(cell(cells, ReportColumn.TRACKING)), 64),
        limit(cell(cells, ReportColumn.CARRIER), 64),
        limit(cell(cells, ReportColumn.REMARK), 1000),
        limit(cell(cells, ReportColumn.CLOSE_REASON), 256),
        limit(cell(cells, ReportColumn.BUYER_MESSAGE), 1000));
  }

  private String cell(List<String> cells, ReportColumn column) {
    Integer i = positions.get(column);
    if (i == null || i >= cells.size() || cells.get(i) == null) {
      return "";
    }
    return cells.get(i).replace("\u3000", " ").trim();
  }

  /** {@code ="3012345678901234"}, {@code '3012…}, tabs and spaces: the digits spreadsheets keep. */
  static String orderId(String raw) {
    String id = plain(raw);
    return ORDER_ID.matcher(id).matches() ? id : null;
  }

  private static String plain(String raw) {
    return raw == null
        ? ""
        : raw.replace("=", "").replace("\"", "").replace("'", "").replaceAll("\\s", "").trim();
  }

  private static String phone(String raw) {
    return plain(raw).replaceAll("[^0-9+\\-]", "");
  }

  /** The back office's status texts, old and new wordings. */
  static OrderStatus status(String text) {
    String t = text.replace(" ", "").replace(",", "，");
    if (t.isEmpty()) {
      return null;
    }
    for (OrderStatus s : OrderStatus.values()) {
      if (s.label().equals(t) || s.name().equalsIgnoreCase(t)) {
        return s;
      }
    }
    if (t.startsWith("等待买家付款")) {
      return OrderStatus.WAITING_PAYMENT;
    }
    if (t.contains("等待卖家发货") || t.equals("买家已付款")) {
      return OrderStatus.PAID;
    }
    if (t.contains("等待买家确认") || t.startsWith("卖家已发货")) {
      return OrderStatus.SHIPPED;
    }
    if (t.startsWith("交易成功")) {
      return OrderStatus.SUCCEEDED;
    }
    if (t.startsWith("交易关闭")) {
      return OrderStatus.CLOSED;
    }
    return null;
  }

  private BigDecimal money(String orderId, String label, String raw) {
    String t = raw.replace("¥", "").replace("￥", "").replace("元", "").replace(",", "").trim();
    if (t.isEmpty() || t.equals("-")) {
      return null;
    }
    try {
      BigDecimal amount = new BigDecimal(t);
      if (amount.signum() < 0 || amount.compareTo(new BigDecimal("10000000")) > 0) {
        throw new RowProblem(orderId, label + " “" + abbreviate(raw) + "” 不合理");
      }
      return amount.setScale(2, RoundingMode.HALF_UP);
    } catch (NumberFormatException | ArithmeticException e) {
      // ArithmeticException: an exponent like 1E-999999999 that no amount of fen can hold
      throw new RowProblem(orderId, label + " “" + abbreviate(raw) + "” 不是金额");
    }
  }

  private OffsetDateTime time(String orderId, String label, String raw) {
    String t = raw.trim();
    if (t.isEmpty() || t.equals("-") || t.equals("null")) {
      return null;
    }
    if (EXCEL_DAY.matcher(t).matches()) {
      // a date cell of an .xlsx: days since 1899-12-30, the fraction is the time of day
      double days = Double.parseDouble(t);
      long seconds = Math.round(days * 86_400);
      return LocalDateTime.of(1899, 12, 30, 0, 0)
          .plusSeconds(seconds)
          .atZone(zone)
          .toOffsetDateTime();
    }
    for (DateTimeFormatter f : DATE_TIMES) {
      try {
        return LocalDateTime.parse(t, f).atZone(zone).toOffsetDateTime();
      } catch (DateTimeParseException ignored) {
        // next format
      }
    }
    for (DateTimeFormatter f : DATES) {
      try {
        return LocalDate.parse(t, f).atStartOfDay(zone).toOffsetDateTime();
      } catch (DateTimeParseException ignored) {
        // next format
      }
    }
    throw new RowProblem(
        orderId, label + " “" + abbreviate(raw) + "” 不是日期时间（应如 2026-11-22 10:30:00）");
  }

  private static String limit(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
