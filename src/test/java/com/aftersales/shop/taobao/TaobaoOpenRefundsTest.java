package com.aftersales.shop.taobao;

import static com.aftersales.shop.taobao.TaobaoOrdersTest.FULLINFO;
import static com.aftersales.shop.taobao.TaobaoOrdersTest.TRADE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.shop.PlatformRefund;
import com.aftersales.shop.UnknownOrderException;
import com.aftersales.support.SimulatedTop;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Which refunds the buyer has open on the platform for an order (a claim's money goes to one of
 * them, or is the shop's own transfer), and that a transfer asks nothing of the platform.
 */
class TaobaoOpenRefundsTest extends TaobaoTestBase {

  /** The trade of docs §1 whose one sub-order has refund 83477 in {@code status}. */
  private static String tradeWithRefund(String status) {
    return TRADE.replace(
        "\"refund_status\":\"NO_REFUND\"",
        "\"refund_status\":\"" + status + "\",\"refund_id\":83477");
  }

  @Test
  void aRefundWaitingForTheSellerIsOpenWithItsAmountVersionAndPhase() {
    top.stub(FULLINFO, tradeWithRefund("WAIT_SELLER_AGREE"));
    top.stub("taobao.refund.get", TaobaoRefundsTest.refundIn("WAIT_SELLER_AGREE"));

    var open = shop.openRefunds("2231958349");

    assertThat(open).extracting(PlatformRefund::refundId).containsExactly("83477");
    assertThat(open.get(0).amount()).isEqualByComparingTo("26.42");
    assertThat(open.get(0).version()).isEqualTo(1714700000000L);
    assertThat(open.get(0).phase()).isEqualTo("aftersale");
    assertThat(onlyCall(FULLINFO).param("fields"))
        .contains("orders.refund_id", "orders.refund_status");
    assertThat(onlyCall(FULLINFO).param("tid")).isEqualTo("2231958349");
    assertThat(onlyCall("taobao.refund.get").param("refund_id")).isEqualTo("83477");
  }

  @Test
  void noRefundOnTheTradeIsNoneAndAsksForNoRefund() {
    top.stub(FULLINFO, TRADE);

    assertThat(shop.openRefunds("2231958349")).isEmpty();
    assertThat(top.calls("taobao.refund.get")).isEmpty();
  }

  @Test
  void paidClosedOrRefusedRefundsAreNotOpen() {
    for (String status : new String[] {"SUCCESS", "CLOSED", "SELLER_REFUSE_BUYER"}) {
      top.reset();
      top.stub(FULLINFO, tradeWithRefund(status));
      top.stub("taobao.refund.get", TaobaoRefundsTest.refundIn(status));

      assertThat(shop.openRefunds("2231958349")).as(status).isEmpty();
    }
  }

  @Test
  void theRefundAsTheRefundReadsItDecides() {
    // the trade's list still shows the refund waiting, the refund itself was closed meanwhile
    top.stub(FULLINFO, tradeWithRefund("WAIT_SELLER_AGREE"));
    top.stub("taobao.refund.get", TaobaoRefundsTest.refundIn("CLOSED"));

    assertThat(shop.openRefunds("2231958349")).isEmpty();
  }

  @Test
  void anUnknownTradeIsAnUnknownOrder() {
    top.stub(
        FULLINFO, SimulatedTop.error(15, "Remote service error", "isv.trade-not-exist", "交易订单不存在"));

    assertThatThrownBy(() -> shop.openRefunds("2231958350"))
        .isInstanceOf(UnknownOrderException.class);
  }

  @Test
  void aTransferByFinanceAsksNothingOfThePlatform() {
    shop.recordTransfer("2231958349", new BigDecimal("5.00"), "破损补偿（转账至支付宝 林** ****1234）");

    assertThat(top.calls()).isEmpty();
  }
}
