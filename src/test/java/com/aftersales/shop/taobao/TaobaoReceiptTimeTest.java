package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.shop.ShopRefusedException;
import com.aftersales.support.SimulatedTop;
import org.junit.jupiter.api.Test;

/** Extending the buyer's receipt time: {@code taobao.trade.receivetime.delay} (docs §10). */
class TaobaoReceiptTimeTest extends TaobaoTestBase {

  static final String DELAY = "taobao.trade.receivetime.delay";

  @Test
  void extendsTheReceiptTimeOfTheTradeByTheDaysThePlatformTakes() {
    top.stub(
        DELAY,
        """
        {"trade_receivetime_delay_response":{"trade":{"tid":2231958349,"modified":"2024-05-03 11:00:00"}}}
        """);

    shop.extendReceiptTime("2231958349", 5);

    SimulatedTop.Call call = onlyCall(DELAY);
    assertThat(call.param("tid")).isEqualTo("2231958349");
    assertThat(call.param("days")).isEqualTo("5");
  }

  @Test
  void anotherNumberOfDaysIsRefusedBeforeAnyCall() {
    assertThatThrownBy(() -> shop.extendReceiptTime("2231958349", 4))
        .isInstanceOf(ShopRefusedException.class)
        .hasMessageContaining("3、5、7 或 10");
    assertThat(top.calls(DELAY)).isEmpty();
  }

  @Test
  void aRefusalOfThePlatformReachesTheStepAndNothingIsRecorded() {
    top.stub(
        DELAY,
        SimulatedTop.error(15, "Remote service error", "isv.trade-status-invalid", "交易状态不允许延长收货"));

    assertThatThrownBy(() -> shop.extendReceiptTime("2231958349", 3))
        .isInstanceOf(ShopRefusedException.class);
  }

  @Test
  void theWaybillCannotBeSearchedOnThePlatform() {
    assertThat(shop.findOrderByWaybill("7312000001")).isEmpty();
    assertThat(top.calls()).isEmpty();
  }
}
