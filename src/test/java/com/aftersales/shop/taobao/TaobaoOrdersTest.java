package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.shop.Order;
import com.aftersales.shop.OrderStatus;
import com.aftersales.shop.ShopRefusedException;
import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.shop.TraceStep;
import com.aftersales.shop.UnknownOrderException;
import com.aftersales.support.SimulatedTop;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** One trade: found, traced, shipped, reshipped and refunded by the platform. */
class TaobaoOrdersTest extends TaobaoTestBase {

  static final String FULLINFO = "taobao.trade.fullinfo.get";

  /** The documented example (docs §1), with payment time, fees and the parcel filled in. */
  static final String TRADE =
      """
      {"trade_fullinfo_get_response":{"trade":{
        "tid":2231958349,"status":"WAIT_BUYER_CONFIRM_GOODS","payment":"200.07","total_fee":"190.07",
        "post_fee":"10.00","created":"2024-05-01 10:00:00","pay_time":"2024-05-01 10:05:00",
        "modified":"2024-05-03 09:12:00","seller_memo":"改为发顺丰","seller_flag":3,"seller_nick":"some-shop",
        "buyer_open_uid":"AAHk5d-EAAeGwJedwSFu0XXX","receiver_name":"王**","receiver_mobile":"*******3069",
        "receiver_address":"**********","receiver_state":"陕西省","receiver_city":"西安市","oaid":"1ZFg",
        "orders":{"order":[{"oid":2231958349,"title":"正常001","num":1,"price":"190.07","payment":"200.07",
          "status":"WAIT_BUYER_CONFIRM_GOODS","refund_status":"NO_REFUND","outer_sku_id":"B-C352-F301-356M",
          "logistics_company":"中通快递","invoice_no":"7312000001"}]}}},
       "request_id":"r1"}
      """;

  @Test
  void findsATradeAsAnOrderKeepingTheReceiverMasked() {
    top.stub(FULLINFO, TRADE);

    Order order = shop.findOrder("2231958349").orElseThrow();

    assertThat(order.orderId()).isEqualTo("2231958349");
    assertThat(order.buyerId()).isEqualTo("AAHk5d-EAAeGwJedwSFu0XXX");
    assertThat(order.buyerName()).isEqualTo("王**");
    assertThat(order.phone()).isEqualTo("*******3069");
    assertThat(order.address()).isEqualTo("陕西省西安市**********");
    assertThat(order.shopName()).isEqualTo("some-shop");
    assertThat(order.itemTitle()).isEqualTo("正常001");
    assertThat(order.quantity()).isEqualTo(1);
    assertThat(order.itemPrice()).isEqualByComparingTo("190.07");
    assertThat(order.postage()).isEqualByComparingTo("10.00");
    assertThat(order.totalPaid()).isEqualByComparingTo("200.07");
    assertThat(order.refundable()).isEqualByComparingTo("200.07");
    assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
    assertThat(order.createdAt()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:00:00+08:00"));
    assertThat(order.paidAt()).isEqualTo(OffsetDateTime.parse("2024-05-01T10:05:00+08:00"));
    assertThat(order.trackingNumber()).isEqualTo("7312000001");
    assertThat(order.carrier()).isEqualTo("中通快递");
    assertThat(order.signedAt()).isNull();
    SimulatedTop.Call call = onlyCall(FULLINFO);
    assertThat(call.param("tid")).isEqualTo("2231958349");
    assertThat(call.param("fields"))
        .contains("receiver_name", "orders.invoice_no")
        .doesNotContain("oaid");
    assertThat(top.calls()).hasSize(1); // nothing asked to decrypt the receiver
  }

  @Test
  void aTradeIdBeyondJavaScriptsIntegersStaysExact() {
    top.stub(FULLINFO, TRADE.replace("\"tid\":2231958349", "\"tid\":4203751234567890123"));

    assertThat(shop.findOrder("4203751234567890123").orElseThrow().orderId())
        .isEqualTo("4203751234567890123");
    assertThat(onlyCall(FULLINFO).param("tid")).isEqualTo("4203751234567890123");
  }

  @Test
  void aTradeThePlatformDoesNotKnowIsNoOrder() {
    top.stub(
        FULLINFO, SimulatedTop.error(15, "Remote service error", "isv.trade-not-exist", "交易订单不存在"));

    assertThat(shop.findOrder("2231958349")).isEmpty();
    assertThat(shop.findOrder("E2E-17")).isEmpty();
    assertThat(top.calls(FULLINFO)).hasSize(1); // not a platform id: not asked
  }

  @Test
  void aFinishedTradeWasSignedForWhenItFinished() {
    top.stub(
        FULLINFO,
        TRADE
            .replace(
                "\"status\":\"WAIT_BUYER_CONFIRM_GOODS\",\"payment\"",
                "\"status\":\"TRADE_FINISHED\",\"payment\"")
            .replace("\"modified\"", "\"end_time\":\"2024-05-02 18:00:00\",\"modified\""));

    Order order = shop.findOrder("2231958349").orElseThrow();

    assertThat(order.status()).isEqualTo(OrderStatus.SUCCEEDED);
    assertThat(order.signedAt()).isEqualTo(OffsetDateTime.parse("2024-05-02T18:00:00+08:00"));
  }

  @Test
  void theLogisticsTraceIsThePlatformsTransitSteps() {
    top.stub(
        "taobao.logistics.trace.search",
        """
        {"logistics_trace_search_response":{"tid":2231958349,"out_sid":"1324657987","company_name":"中通速递",
         "status":"对方已签收","trace_list":{"transit_step_info":[
          {"status_time":"2024-05-02 18:00:00","status_desc":"已签收","action":"SIGNED"},
          {"status_time":"2024-05-02 08:00:00","status_desc":"达到杭州物流集中地","action":"ARRIVE"}]}}}
        """);

    assertThat(shop.logisticsTrace("2231958349"))
        .containsExactly(
            new TraceStep(OffsetDateTime.parse("2024-05-02T08:00:00+08:00"), "达到杭州物流集中地"),
            new TraceStep(OffsetDateTime.parse("2024-05-02T18:00:00+08:00"), "已签收"));
    assertThat(onlyCall("taobao.logistics.trace.search").param("tid")).isEqualTo("2231958349");
  }

  @Test
  void aTradeNotShippedHasNoTrace() {
    top.stub(
        "taobao.logistics.trace.search",
        SimulatedTop.error(15, "Remote service error", "isv.logistics-no-trace", "没有物流信息"));
    top.stub(
        FULLINFO,
        TRADE.replace(
            "\"WAIT_BUYER_CONFIRM_GOODS\",\"payment\"", "\"WAIT_SELLER_SEND_GOODS\",\"payment\""));

    assertThat(shop.logisticsTrace("2231958349")).isEmpty();
  }

  @Test
  void shippingIsConfirmedOnThePlatformNeverDoneThere() {
    top.stub(FULLINFO, TRADE);

    shop.shipOrder("2231958349", "中通快递", "7312000001");
    assertThatThrownBy(() -> shop.shipOrder("2231958349", "中通快递", "7312999999"))
        .isInstanceOf(ShopRefusedException.class)
        .hasMessageContaining("7312000001")
        .hasMessageContaining("请核对运单号");

    top.stub(
        FULLINFO,
        TRADE.replace(
            "\"WAIT_BUYER_CONFIRM_GOODS\",\"payment\"", "\"WAIT_SELLER_SEND_GOODS\",\"payment\""));
    assertThatThrownBy(() -> shop.shipOrder("2231958349", "中通快递", "7312000001"))
        .isInstanceOf(ShopRefusedException.class)
        .hasMessageContaining("还没有发货")
        .hasMessageContaining("千牛");
    assertThat(top.calls()).allMatch(c -> c.method().equals(FULLINFO));
  }

  @Test
  void aReshipIsAnOrderOfOurOwnNamedAfterTheTrade() {
    top.stub(FULLINFO, TRADE);

    String first = shop.createReshipOrder("2231958349", "正常001", 1, "破损补发");
    String second = shop.createReshipOrder("2231958349", "正常001", 2, "再次补发");

    assertThat(first).isEqualTo("RE2231958349");
    assertThat(second).isEqualTo("RE2231958349-2");
    assertThat(
            jdbc.queryForList(
                "select reship_id from taobao_reship order by reship_id", String.class))
        .containsExactly("RE2231958349", "RE2231958349-2");
    assertThat(top.calls()).allMatch(c -> c.method().equals(FULLINFO));

    top.stub(
        FULLINFO, SimulatedTop.error(15, "Remote service error", "isv.trade-not-exist", "交易订单不存在"));
    assertThatThrownBy(() -> shop.createReshipOrder("2231958350", "x", 1, "n"))
        .isInstanceOf(UnknownOrderException.class);
  }

  @Test
  void aPlatformRefundIsWhatThePlatformShowsPaid() {
    top.stub(
        FULLINFO,
        TRADE.replace(
            "\"refund_status\":\"NO_REFUND\"",
            "\"refund_status\":\"SUCCESS\",\"refund_id\":83477"));
    top.stub(
        "taobao.refund.get",
        TaobaoRefundsTest.REFUND.replace("WAIT_SELLER_CONFIRM_GOODS", "SUCCESS"));

    BigDecimal recorded = shop.recordPlatformRefund("2231958349", new BigDecimal("30.00"), "超时");

    assertThat(recorded).isEqualByComparingTo("26.42");
    assertThat(onlyCall("taobao.refund.get").param("refund_id")).isEqualTo("83477");
    assertThat(shop.recordPlatformRefund("2231958349", new BigDecimal("10.00"), "超时"))
        .isEqualByComparingTo("10.00");
  }

  @Test
  void noPlatformRefundYetIsNotRecorded() {
    top.stub(FULLINFO, TRADE);

    assertThatThrownBy(() -> shop.recordPlatformRefund("2231958349", new BigDecimal("30.00"), "超时"))
        .isInstanceOf(ShopUnavailableException.class)
        .hasMessageContaining("还没有成功的退款");
    assertThat(top.calls("taobao.refund.get")).isEmpty();
  }
}
