package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.shop.Order;
import com.aftersales.support.SimulatedTop;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lists the daily runs ask for: sold trades, paged, and the changes of each day. */
class TaobaoOrderListsTest extends TaobaoTestBase {

  static final String SOLD = "taobao.trades.sold.get";
  static final String INCREMENT = "taobao.trades.sold.increment.get";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A trade of the list answers (docs §9): times are GMT+8, null ones left out. */
  static ObjectNode trade(
      long tid, String status, String created, String paid, String end, String title) {
    ObjectNode t = JSON.createObjectNode();
    t.put("tid", tid);
    t.put("status", status);
    t.put("created", created);
    t.put("payment", "30.00");
    t.put("total_fee", "30.00");
    t.put("post_fee", "0.00");
    if (paid != null) {
      t.put("pay_time", paid);
    }
    if (end != null) {
      t.put("end_time", end);
    }
    ObjectNode order = JSON.createObjectNode().put("oid", tid).put("title", title).put("num", 1);
    t.putObject("orders").putArray("order").add(order);
    return t;
  }

  static String page(String response, boolean hasNext, Long total, ObjectNode... trades) {
    ObjectNode answer = JSON.createObjectNode();
    if (total != null) {
      answer.put("total_results", total);
    } else {
      answer.put("has_next", hasNext);
    }
    ArrayNode list = answer.putObject("trades").putArray("trade");
    for (ObjectNode t : trades) {
      list.add(t);
    }
    ObjectNode root = JSON.createObjectNode();
    root.set(response, answer);
    return root.toString();
  }

  private static OffsetDateTime at(String gmt8) {
    return OffsetDateTime.parse(gmt8 + "+08:00");
  }

  @Test
  void unpaidTradesOfADayArePagedAndOldestFirst() {
    top.stub(
        SOLD,
        call ->
            "1".equals(call.param("page_no"))
                ? page(
                    "trades_sold_get_response",
                    true,
                    null,
                    trade(3001, "WAIT_BUYER_PAY", "2024-05-02 20:00:00", null, null, "茶杯"))
                : page(
                    "trades_sold_get_response",
                    false,
                    null,
                    trade(3002, "WAIT_BUYER_PAY", "2024-05-02 08:00:00", null, null, "茶壶"),
                    trade(3003, "WAIT_BUYER_PAY", "2024-05-03 00:00:00", null, null, "茶盘")));

    List<Order> unpaid =
        shop.unpaidOrdersPlaced(at("2024-05-02T00:00:00"), at("2024-05-03T00:00:00"));

    assertThat(unpaid).extracting(Order::orderId).containsExactly("3002", "3001");
    assertThat(unpaid.get(0).totalPaid()).isZero();
    assertThat(unpaid.get(0).amountDue()).isEqualByComparingTo("30.00");
    var calls = top.calls(SOLD);
    assertThat(calls).extracting(c -> c.param("page_no")).containsExactly("1", "2");
    assertThat(calls.get(0).params())
        .containsEntry("status", "WAIT_BUYER_PAY")
        .containsEntry("start_created", "2024-05-02 00:00:00")
        .containsEntry("end_created", "2024-05-03 00:00:00")
        .containsEntry("page_size", "100")
        .containsEntry("use_has_next", "true");
  }

  @Test
  void deliveredTradesAreFoundInTheChangesOfEachDaySinceTheWindowOpened() {
    // the window (04-23 09:12, 04-30 09:12]; now is 05-03 09:12: ten days of changes
    top.stub(
        INCREMENT,
        call -> {
          String from = call.param("start_modified");
          if (from.startsWith("2024-04-30")) {
            return page(
                "trades_sold_increment_get_response",
                false,
                120L,
                trade(
                    4002,
                    "TRADE_FINISHED",
                    "2024-04-20 10:00:00",
                    "2024-04-20 10:01:00",
                    "2024-04-30 09:00:00",
                    "茶壶"));
          }
          if (from.startsWith("2024-05-01")) {
            return page(
                "trades_sold_increment_get_response",
                false,
                1L,
                trade(
                    4001,
                    "TRADE_FINISHED",
                    "2024-04-18 10:00:00",
                    "2024-04-18 10:01:00",
                    "2024-04-25 12:00:00",
                    "茶杯"),
                trade(
                    4003,
                    "TRADE_FINISHED",
                    "2024-04-25 10:00:00",
                    "2024-04-25 10:01:00",
                    "2024-05-01 12:00:00",
                    "茶盘"));
          }
          return page("trades_sold_increment_get_response", false, 0L);
        });

    List<Order> delivered =
        shop.deliveredOrders(at("2024-04-23T09:12:00"), at("2024-04-30T09:12:00"));

    assertThat(delivered).extracting(Order::orderId).containsExactly("4001", "4002");
    assertThat(delivered.get(0).signedAt()).isEqualTo(at("2024-04-25T12:00:00"));
    var calls = top.calls(INCREMENT);
    assertThat(calls)
        .allSatisfy(
            c -> {
              assertThat(c.param("status")).isEqualTo("TRADE_FINISHED");
              assertThat(c.param("page_size")).isEqualTo("50");
              LocalDateTime from =
                  LocalDateTime.parse(c.param("start_modified"), TopClient.TIMESTAMP);
              LocalDateTime to = LocalDateTime.parse(c.param("end_modified"), TopClient.TIMESTAMP);
              assertThat(Duration.between(from, to))
                  .isPositive()
                  .isLessThanOrEqualTo(Duration.ofDays(1));
            });
    List<String> windows =
        calls.stream()
            .filter(c -> "1".equals(c.param("page_no")))
            .map(c -> c.param("start_modified"))
            .toList();
    assertThat(windows).hasSize(10).first().isEqualTo("2024-04-23 09:12:00");
    assertThat(calls.get(calls.size() - 1).param("end_modified")).isEqualTo("2024-05-03 09:12:00");
    // 120 changes on 04-30: the first page for the count, then from the last page backwards
    assertThat(
            calls.stream()
                .filter(c -> c.param("start_modified").startsWith("2024-04-30"))
                .map(c -> c.param("page_no")))
        .containsExactly("1", "3", "2");
  }

  @Test
  void undeliveredTradesArePaidInTheWindowAndStillOnTheirWay() {
    top.stub(
        INCREMENT,
        call ->
            page(
                "trades_sold_increment_get_response",
                false,
                2L,
                trade(
                    5001,
                    "WAIT_BUYER_CONFIRM_GOODS",
                    "2024-04-25 10:00:00",
                    "2024-04-25 10:05:00",
                    null,
                    "茶杯"),
                trade(
                    5002,
                    "WAIT_BUYER_CONFIRM_GOODS",
                    "2024-04-29 10:00:00",
                    "2024-04-29 10:05:00",
                    null,
                    "茶壶")));

    List<Order> undelivered =
        shop.undeliveredOrders(at("2024-04-21T09:12:00"), at("2024-04-28T09:12:00"));

    assertThat(undelivered).extracting(Order::orderId).containsExactly("5001");
    assertThat(top.calls(INCREMENT))
        .allMatch(c -> "WAIT_BUYER_CONFIRM_GOODS".equals(c.param("status")));
  }

  @Test
  void paidTradesWithAnItemOutOfStock() {
    top.stub(
        SOLD,
        page(
            "trades_sold_get_response",
            false,
            null,
            trade(
                6002,
                "WAIT_SELLER_SEND_GOODS",
                "2024-05-01 10:00:00",
                "2024-05-01 10:01:00",
                null,
                "茶壶"),
            trade(
                6001,
                "WAIT_SELLER_SEND_GOODS",
                "2024-05-01 09:00:00",
                "2024-05-01 09:01:00",
                null,
                "茶杯"),
            trade(
                6003,
                "WAIT_SELLER_SEND_GOODS",
                "2024-05-01 11:00:00",
                "2024-05-01 11:01:00",
                null,
                "茶盘")));

    assertThat(shop.paidOrdersOf(Set.of("茶杯", "茶壶")))
        .extracting(Order::orderId)
        .containsExactly("6001", "6002");
    assertThat(onlyCall(SOLD).param("status")).isEqualTo("WAIT_SELLER_SEND_GOODS");
    top.reset();
    assertThat(shop.paidOrdersOf(Set.of())).isEmpty();
    assertThat(top.calls()).isEmpty();
  }

  @Test
  void aTooWideQueryThePlatformThrottlesMakesTheShopUnavailable() {
    top.stub(
        SOLD,
        SimulatedTop.error(
            520,
            "Remote service error",
            "isv.trade-service-rejection",
            "超时请求过多，请将查询时间间隔缩短,3分钟后再查询！"));

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> shop.unpaidOrdersPlaced(at("2024-05-02T00:00:00"), at("2024-05-03T00:00:00")))
        .isInstanceOf(com.aftersales.shop.ShopUnavailableException.class)
        .hasMessageContaining("isv.trade-service-rejection");
  }
}
