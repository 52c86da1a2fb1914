package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.shop.PlatformRefund;
import com.aftersales.shop.ShopRefusedException;
import com.aftersales.support.SimulatedTop;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The buyer's refunds: read, agreed, refused, and the return agreed. */
class TaobaoRefundsTest extends TaobaoTestBase {

  /** The documented example of taobao.refund.get (docs §4). */
  static final String REFUND =
      """
      {"refund_get_response":{"refund":{"refund_id":"83477","tid":2231958349,"oid":2231958349,
       "status":"WAIT_SELLER_CONFIRM_GOODS","refund_fee":"26.42","total_fee":"26.42","has_good_return":true,
       "good_status":"BUYER_RETURNED_GOODS","company_name":"中通快递","sid":"7312000002","refund_phase":"aftersale",
       "refund_version":1714700000000,"dispute_type":"REFUND_AND_RETURN","cs_status":1,
       "created":"2024-05-02 09:00:00","modified":"2024-05-03 09:00:00",
       "refund_remind_timeout":{"exist_timeout":true,"remind_type":1,"timeout":"2024-05-10 09:00:00"}}}}
      """;

  static final String AGREED =
      """
      {"rp_refunds_agree_response":{"succ":true,"msg_code":"OP_SUCC","message":"",
       "results":{"refund_mapping_result":[{"refund_id":"83477","succ":true,"message":"succ"}]}}}
      """;

  static String refundIn(String status) {
    return REFUND.replace("WAIT_SELLER_CONFIRM_GOODS", status);
  }

  @Test
  void oneRefundIsReadWithItsVersionAndPhase() {
    top.stub("taobao.refund.get", REFUND);

    PlatformRefund r = shop.findRefund("83477").orElseThrow();

    assertThat(r.refundId()).isEqualTo("83477");
    assertThat(r.orderId()).isEqualTo("2231958349");
    assertThat(r.subOrderId()).isEqualTo("2231958349");
    assertThat(r.amount()).isEqualByComparingTo("26.42");
    assertThat(r.status()).isEqualTo("WAIT_SELLER_CONFIRM_GOODS");
    assertThat(r.phase()).isEqualTo("aftersale");
    assertThat(r.version()).isEqualTo(1714700000000L);
    assertThat(r.goodsReturn()).isTrue();
    assertThat(r.goodStatus()).isEqualTo("BUYER_RETURNED_GOODS");
    assertThat(r.returnCarrier()).isEqualTo("中通快递");
    assertThat(r.returnTrackingNumber()).isEqualTo("7312000002");
    assertThat(r.modified()).isEqualTo(OffsetDateTime.parse("2024-05-03T09:00:00+08:00"));
    assertThat(onlyCall("taobao.refund.get").param("fields"))
        .contains("refund_version", "refund_phase");
  }

  @Test
  void aRefundThePlatformDoesNotKnowIsNone() {
    top.stub(
        "taobao.refund.get",
        SimulatedTop.error(15, "Remote service error", "isv.refund-not-exist", "退款不存在"));

    assertThat(shop.findRefund("83477")).isEmpty();
    assertThat(shop.findRefund("not-an-id")).isEmpty();
    assertThat(top.calls("taobao.refund.get")).hasSize(1);
  }

  @Test
  void agreeingSendsTheRefundInFenWithItsFreshVersionAndPhase() {
    top.stub("taobao.refund.get", REFUND);
    top.stub("taobao.rp.refunds.agree", AGREED);

    shop.agreeRefund("2231958349", "83477", new BigDecimal("26.42"), "质量问题");

    assertThat(onlyCall("taobao.rp.refunds.agree").param("refund_infos"))
        .isEqualTo("83477|2642|1714700000000|aftersale");
    assertThat(top.calls().get(0).method()).isEqualTo("taobao.refund.get"); // read first
  }

  @Test
  void aRefundAgreedTwiceIsAgreedOnce() {
    top.stubSequence("taobao.refund.get", REFUND, refundIn("SUCCESS"));
    top.stub("taobao.rp.refunds.agree", AGREED);

    shop.agreeRefund("2231958349", "83477", new BigDecimal("26.42"), "质量问题");
    shop.agreeRefund("2231958349", "83477", new BigDecimal("26.42"), "质量问题");

    assertThat(top.calls("taobao.rp.refunds.agree")).hasSize(1);
  }

  @Test
  void withoutTheBuyersRefundThePlatformPaysNothing() {
    assertThatThrownBy(() -> shop.agreeRefund("2231958349", null, new BigDecimal("5.00"), "补偿"))
        .isInstanceOf(ShopRefusedException.class)
        .hasMessageContaining("买家没有在淘宝申请退款")
        .hasMessageContaining("未记为已退款");
    assertThat(top.calls()).isEmpty();
  }

  @Test
  void anAmountOtherThanTheBuyerAskedForIsRefused() {
    top.stub("taobao.refund.get", REFUND);

    assertThatThrownBy(() -> shop.agreeRefund("2231958349", "83477", new BigDecimal("20.00"), "部分"))
        .isInstanceOf(ShopRefusedException.class)
        .hasMessageContaining("26.42")
        .hasMessageContaining("20.00");
    assertThat(top.calls("taobao.rp.refunds.agree")).isEmpty();
  }

  @Test
  void aRefundOfAnotherOrderOrAClosedOneIsNotAgreed() {
    top.stub("taobao.refund.get", REFUND);
    assertThatThrownBy(() -> shop.agreeRefund("2231958350", "83477", new BigDecimal("26.42"), "x"))
        .isInstanceOf(ShopRefusedException.class)
        .hasMessageContaining("属于订单 2231958349");

    top.stub("taobao.refund.get", refundIn("CLOSED"));
    assertThatThrownBy(() -> shop.agreeRefund("2231958349", "83477", new BigDecimal("26.42"), "x"))
        .isInstanceOf(ShopRefusedException.class)
        .hasMessageContaining("退款关闭");
    assertThat(top.calls("taobao.rp.refunds.agree")).isEmpty();
  }

  @Test
  void anSmsCheckOrAFailedAgreementIsNotAnAgreement() {
    top.stub("taobao.refund.get", REFUND);
    top.stub(
        "taobao.rp.refunds.agree",
        """
        {"rp_refunds_agree_response":{"succ":false,"msg_code":"SEND_CODE_SUCC","message":"发送二次验证短信成功"}}
        """);
    assertThatThrownBy(() -> shop.agreeRefund("2231958349", "83477", new BigDecimal("26.42"), "x"))
        .isInstanceOf(ShopRefusedException.class)
        .hasMessageContaining("短信验证")
        .hasMessageContaining("千牛");

    top.stub(
        "taobao.rp.refunds.agree",
        """
        {"rp_refunds_agree_response":{"succ":false,"msg_code":"OP_FAILURE_UE","message":"",
         "results":{"refund_mapping_result":[{"refund_id":"83477","succ":false,"message":"退款版本已过期"}]}}}
        """);
    assertThatThrownBy(() -> shop.agreeRefund("2231958349", "83477", new BigDecimal("26.42"), "x"))
        .isInstanceOf(ShopRefusedException.class)
        .hasMessageContaining("退款版本已过期")
        .hasMessageContaining("OP_FAILURE_UE");
  }

  @Test
  void refusingSendsTheReasonWithTheRefundsVersionAndPhase() {
    top.stub("taobao.refund.get", refundIn("WAIT_SELLER_AGREE"));
    top.stub(
        "taobao.refund.refuse",
        """
        {"refund_refuse_response":{"is_success":true,"refund":{"refund_id":"83477","status":"SELLER_REFUSE_BUYER","modified":"2024-05-03 10:00:00"}}}
        """);

    shop.rejectRefund("2231958349", "83477", "商品已签收且无质量问题");

    SimulatedTop.Call refuse = onlyCall("taobao.refund.refuse");
    assertThat(refuse.param("refund_id")).isEqualTo("83477");
    assertThat(refuse.param("refuse_message")).isEqualTo("商品已签收且无质量问题");
    assertThat(refuse.param("refund_phase")).isEqualTo("aftersale");
    assertThat(refuse.param("refund_version")).isEqualTo("1714700000000");
  }

  @Test
  void aRefusalGivenBeforeOrWithoutARefundCallsNothing() {
    top.stub("taobao.refund.get", refundIn("SELLER_REFUSE_BUYER"));

    shop.rejectRefund("2231958349", "83477", "商品已签收");
    shop.rejectRefund("2231958349", null, "商品已签收");

    assertThat(top.calls("taobao.refund.refuse")).isEmpty();
    assertThat(top.calls("taobao.refund.get")).hasSize(1);
  }

  @Test
  void aLongReasonIsCutToThePlatformsLimit() {
    assertThat(TaobaoRefunds.refuseMessage("理".repeat(250))).hasSize(200).endsWith("…");
    assertThat(TaobaoRefunds.refuseMessage("否")).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void refundsChangedInAWindowArePagedAndOrdered() {
    top.stub(
        "taobao.refunds.receive.get",
        call ->
            "1".equals(call.param("page_no"))
                ? """
                {"refunds_receive_get_response":{"has_next":true,"refunds":{"refund":[
                 {"refund_id":"83479","tid":2231958351,"oid":2231958351,"status":"WAIT_SELLER_AGREE","refund_fee":"5.00",
                  "refund_phase":"onsale","refund_version":1714700000002,"modified":"2024-05-03 08:30:00"}]}}}
                """
                : """
                {"refunds_receive_get_response":{"has_next":false,"refunds":{"refund":[
                 {"refund_id":"83477","tid":2231958349,"oid":2231958349,"status":"WAIT_SELLER_AGREE","refund_fee":"10.00",
                  "refund_phase":"onsale","refund_version":1714700000000,"modified":"2024-05-03 08:00:00"},
                 {"refund_id":"83480","tid":2231958352,"oid":2231958352,"status":"SUCCESS","refund_fee":"1.00",
                  "refund_phase":"onsale","refund_version":1714700000003,"modified":"2024-05-03 09:00:00"}]}}}
                """);

    var refunds =
        shop.refundsModified(
            OffsetDateTime.parse("2024-05-03T08:00:00+08:00"),
            OffsetDateTime.parse("2024-05-03T09:00:00+08:00"));

    assertThat(refunds).extracting(PlatformRefund::refundId).containsExactly("83477", "83479");
    var calls = top.calls("taobao.refunds.receive.get");
    assertThat(calls).extracting(c -> c.param("page_no")).containsExactly("1", "2");
    assertThat(calls.get(0).params())
        .containsEntry("start_modified", "2024-05-03 08:00:00")
        .containsEntry("end_modified", "2024-05-03 09:00:00")
        .containsEntry("page_size", "100")
        .containsEntry("use_has_next", "true");
    assertThat(calls.get(0).param("fields")).contains("refund_version");
  }
}
