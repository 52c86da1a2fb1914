package com.aftersales.shop.taobao;

import static com.aftersales.shop.taobao.TopJson.list;
import static com.aftersales.shop.taobao.TopJson.money;
import static com.aftersales.shop.taobao.TopJson.text;
import static com.aftersales.shop.taobao.TopJson.time;

import com.aftersales.shop.Order;
import com.aftersales.shop.OrderStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The shop's trades as orders: one trade ({@code taobao.trade.fullinfo.get}) and the lists the
 * daily runs ask for ({@code taobao.trades.sold.get}, {@code taobao.trades.sold.increment.get}).
 * Receiver data arrives masked and is kept masked; nothing asks the platform to decrypt it.
 */
final class TaobaoTrades {

  /** The trade fields an {@link Order} is made of (sub-order fields prefixed {@code orders.}). */
  static final String ORDER_FIELDS =
      "tid,status,created,pay_time,end_time,modified,payment,total_fee,post_fee,buyer_open_uid,"
          + "buyer_nick,seller_nick,receiver_name,receiver_mobile,receiver_phone,receiver_state,"
          + "receiver_city,receiver_district,receiver_address,orders.oid,orders.title,orders.num,"
          + "orders.price,orders.payment,orders.status,orders.refund_status,orders.refund_id,"
          + "orders.logistics_company,orders.invoice_no";

  /** Sold trades per page (the platform's maximum). */
  static final int PAGE_SIZE = 100;

  /** Changed trades per page: the platform recommends 40–50 for the increment. */
  static final int INCREMENT_PAGE_SIZE = 50;

  /** The increment takes at most one day of changes per call. */
  static final Duration INCREMENT_SPAN = Duration.ofDays(1);

  /** A guard against a gateway that never says "no more pages". */
  private static final int MAX_PAGES = 1000;

  private final TopClient top;

  TaobaoTrades(TopClient top) {
    this.top = top;
  }

  /** The trade with {@code fields}, or null when the platform knows no such trade. */
  JsonNode trade(String tid, String fields) {
    if (!TopJson.isId(tid)) {
      return null;
    }
    try {
      return top.call("taobao.trade.fullinfo.get", Map.of("fields", fields, "tid", tid))
          .get("trade");
    } catch (TopException e) {
      if (notFound(e)) {
        return null;
      }
      throw e;
    }
  }

  static boolean notFound(TopException e) {
    return e.subCode() != null && e.subCode().contains("not-exist");
  }

  Optional<Order> find(String orderId) {
    return Optional.ofNullable(trade(orderId == null ? null : orderId.trim(), ORDER_FIELDS))
        .map(TaobaoTrades::toOrder);
  }

  /** Trades waiting for payment created in {@code [from, to)}, oldest first. */
  List<Order> unpaidPlaced(OffsetDateTime from, OffsetDateTime to) {
    Map<String, String> p = new HashMap<>();
    p.put("status", "WAIT_BUYER_PAY");
    p.put("start_created", TopJson.format(from));
    p.put("end_created", TopJson.format(to));
    return sold(p).stream()
        .map(TaobaoTrades::toOrder)
        .filter(o -> o.createdAt() != null && !o.createdAt().isBefore(from))
        .filter(o -> o.createdAt().isBefore(to))
        .sorted(Comparator.comparing(Order::createdAt))
        .toList();
  }

  /**
   * Trades in {@code status} whose {@code field} time lies in {@code (after, upTo]}, by trade id.
   * Such a trade was changed at that time or later, so the changes from {@code after} until now
   * hold every one of them.
   */
  List<Order> changedSince(
      OffsetDateTime after, OffsetDateTime upTo, OffsetDateTime now, String status, String field) {
    OffsetDateTime end = now.isAfter(upTo) ? now : upTo;
    Map<String, JsonNode> found = new LinkedHashMap<>();
    for (OffsetDateTime from = after; from.isBefore(end); from = from.plus(INCREMENT_SPAN)) {
      OffsetDateTime to = from.plus(INCREMENT_SPAN).isBefore(end) ? from.plus(INCREMENT_SPAN) : end;
      for (JsonNode t : increment(from, to, status)) {
        found.putIfAbsent(text(t, "tid"), t);
      }
    }
    return found.values().stream()
        .filter(t -> status.equals(text(t, "status")))
        .filter(within(field, after, upTo))
        .map(TaobaoTrades::toOrder)
        .sorted(Comparator.comparing(o -> new BigDecimal(o.orderId())))
        .toList();
  }

  /** Paid trades not shipped yet with a sub-order whose title is one of {@code titles}. */
  List<Order> paidWithItems(java.util.Collection<String> titles) {
    if (titles.isEmpty()) {
      return List.of();
    }
    return sold(new HashMap<>(Map.of("status", "WAIT_SELLER_SEND_GOODS"))).stream()
        .filter(
            t ->
                list(t, "orders", "order").stream()
                    .anyMatch(o -> titles.contains(text(o, "title"))))
        .map(TaobaoTrades::toOrder)
        .sorted(Comparator.comparing(o -> new BigDecimal(o.orderId())))
        .toList();
  }

  private static Predicate<JsonNode> within(
      String field, OffsetDateTime after, OffsetDateTime upTo) {
    return t -> {
      OffsetDateTime at = time(t, field);
      return at != null && at.isAfter(after) && !at.isAfter(upTo);
    };
  }

  /** Every page of {@code taobao.trades.sold.get} with {@code params}. */
  private List<JsonNode> sold(Map<String, String> params) {
    params.put("fields", ORDER_FIELDS);
    params.put("page_size", String.valueOf(PAGE_SIZE));
    params.put("use_has_next", "true");
    List<JsonNode> trades = new ArrayList<>();
    for (int page = 1; page <= MAX_PAGES; page++) {
      params.put("page_no", String.valueOf(page));
      JsonNode answer = top.call("taobao.trades.sold.get", params);
      trades.addAll(list(answer, "trades", "trade"));
      if (!answer.path("has_next").asBoolean(false)) {
        return trades;
      }
    }
    throw new IllegalStateException("taobao.trades.sold.get: more than " + MAX_PAGES + " pages");
  }

  /**
   * The trades changed in {@code [from, to]} (at most a day), paged from the last page backwards as
   * the platform advises: the list is newest first, and a trade changed meanwhile leaves the window
   * without pushing an unread one onto a page already read.
   */
  private List<JsonNode> increment(OffsetDateTime from, OffsetDateTime to, String status) {
    Map<String, String> p = new HashMap<>();
    p.put("fields", ORDER_FIELDS);
    p.put("status", status);
    p.put("start_modified", TopJson.format(from));
    p.put("end_modified", TopJson.format(to));
    p.put("page_size", String.valueOf(INCREMENT_PAGE_SIZE));
    p.put("page_no", "1");
    String method = "taobao.trades.sold.increment.get";
    JsonNode first = top.call(method, p);
    long total = first.path("total_results").asLong(0);
    long pages = Math.min(MAX_PAGES, (total + INCREMENT_PAGE_SIZE - 1) / INCREMENT_PAGE_SIZE);
    List<JsonNode> trades = new ArrayList<>();
    for (long page = pages; page >= 2; page--) {
      p.put("page_no", String.valueOf(page));
      trades.addAll(list(top.call(method, p), "trades", "trade"));
    }
    trades.addAll(list(first, "trades", "trade"));
    return trades;
  }

  // ---------------------------------------------------------------- mapping

  static Order toOrder(JsonNode t) {
    List<JsonNode> items = list(t, "orders", "order");
    int quantity = Math.max(1, items.stream().mapToInt(o -> o.path("num").asInt(0)).sum());
    String title =
        items.stream()
            .map(o -> text(o, "title"))
            .filter(s -> s != null)
            .distinct()
            .collect(Collectors.joining("、"));
    BigDecimal goods = orZero(money(t, "total_fee"));
    OrderStatus status = status(text(t, "status"));
    BigDecimal payment = orZero(money(t, "payment"));
    BigDecimal refunded =
        items.stream()
            .filter(o -> "SUCCESS".equals(text(o, "refund_status")))
            .map(o -> orZero(money(o, "payment")))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    JsonNode shipped =
        items.stream().filter(o -> text(o, "invoice_no") != null).findFirst().orElse(null);
    boolean paid = status != OrderStatus.WAITING_PAYMENT && time(t, "pay_time") != null;
    return new Order(
        text(t, "tid"),
        text(t, "buyer_open_uid") != null ? text(t, "buyer_open_uid") : text(t, "buyer_nick"),
        text(t, "receiver_name"),
        text(t, "receiver_mobile") != null ? text(t, "receiver_mobile") : text(t, "receiver_phone"),
        address(t),
        text(t, "seller_nick"),
        title.isEmpty() ? null : title,
        quantity,
        goods.divide(BigDecimal.valueOf(quantity), 2, RoundingMode.HALF_UP),
        orZero(money(t, "post_fee")),
        paid ? payment : BigDecimal.ZERO,
        status,
        time(t, "created"),
        time(t, "pay_time"),
        shipped == null ? null : text(shipped, "invoice_no"),
        shipped == null ? null : text(shipped, "logistics_company"),
        refunded,
        status == OrderStatus.SUCCEEDED ? time(t, "end_time") : null,
        payment);
  }

  /** Province, city, district and the (masked) street address, as the platform sends them. */
  private static String address(JsonNode t) {
    StringBuilder s = new StringBuilder();
    for (String f :
        List.of("receiver_state", "receiver_city", "receiver_district", "receiver_address")) {
      String part = text(t, f);
      if (part != null) {
        s.append(part);
      }
    }
    return s.isEmpty() ? null : s.toString();
  }

  /** The platform's trade states in ours. */
  static OrderStatus status(String topStatus) {
    if (topStatus == null) {
      return OrderStatus.WAITING_PAYMENT;
    }
    return switch (topStatus) {
      case "WAIT_SELLER_SEND_GOODS", "PAID_FORBID_CONSIGN" -> OrderStatus.PAID;
      case "SELLER_CONSIGNED_PART", "WAIT_BUYER_CONFIRM_GOODS", "TRADE_BUYER_SIGNED" ->
          OrderStatus.SHIPPED;
      case "TRADE_FINISHED" -> OrderStatus.SUCCEEDED;
      case "TRADE_CLOSED", "TRADE_CLOSED_BY_TAOBAO" -> OrderStatus.CLOSED;
      default -> OrderStatus.WAITING_PAYMENT; // TRADE_NO_CREATE_PAY, WAIT_BUYER_PAY, PAY_PENDING…
    };
  }

  private static BigDecimal orZero(BigDecimal v) {
    return v == null ? BigDecimal.ZERO : v;
  }
}
