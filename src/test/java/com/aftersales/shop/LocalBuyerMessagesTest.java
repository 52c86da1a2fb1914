package com.aftersales.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.support.ProcessTestBase;
import org.junit.jupiter.api.Test;

/** The local back office's outbox: a message is recorded only when a channel carried it. */
class LocalBuyerMessagesTest extends ProcessTestBase {

  @Test
  void aChatMessageIsRecordedWithTheAgentWhoSentIt() {
    String orderId = orders.create("buyer-m", "30.00", 1);
    SentMessage sent =
        shop.sendBuyerMessage(
            BuyerMessage.sentByAgent(
                orderId, "CASE-M1", MessagePurpose.APOLOGY, "亲，非常抱歉给您添麻烦了", "agent1"));

    assertThat(shop.buyerMessages("CASE-M1"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.id()).isEqualTo(sent.id());
              assertThat(m.orderId()).isEqualTo(orderId);
              assertThat(m.channel()).isEqualTo(MessageChannel.QIANNIU);
              assertThat(m.sentBy()).isEqualTo("agent1");
              assertThat(m.adapter()).isEqualTo("local");
              assertThat(m.text()).isEqualTo("亲，非常抱歉给您添麻烦了");
              assertThat(m.sentAt()).isNotNull();
            });
  }

  @Test
  void aRefundMessageIsSentByTheSystemOnTheRefund() {
    String orderId = orders.create("buyer-m", "30.00", 1);
    shop.sendBuyerMessage(
        BuyerMessage.onRefund(
            orderId, "CASE-M2", MessagePurpose.REFUSAL_REASON, "商品已签收且无质量问题", "9001"));

    assertThat(shop.buyerMessages("CASE-M2"))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.channel()).isEqualTo(MessageChannel.REFUND_MESSAGE);
              assertThat(m.sentBy()).isEqualTo(BuyerMessageLog.SYSTEM);
              assertThat(m.refundId()).isEqualTo("9001");
            });
  }

  @Test
  void aMessageNoChannelCarriesIsRefusedAndNotRecorded() {
    String orderId = orders.create("buyer-m", "30.00", 1);
    assertThatThrownBy(
            () ->
                shop.sendBuyerMessage(
                    new BuyerMessage(
                        orderId, "CASE-M3", MessagePurpose.DUNNING, "请付款", null, null)))
        .isInstanceOf(NoMessageChannelException.class);
    assertThatThrownBy(
            () ->
                shop.sendBuyerMessage(
                    BuyerMessage.sentByAgent(
                        "NO-SUCH-ORDER", "CASE-M3", MessagePurpose.DUNNING, "请付款", "agent1")))
        .isInstanceOf(UnknownOrderException.class);
    assertThat(shop.buyerMessages("CASE-M3")).isEmpty();
  }

  @Test
  void aMessageIsNeverCutShort() {
    assertThatThrownBy(
            () ->
                BuyerMessage.sentByAgent(
                    "T1",
                    "C",
                    MessagePurpose.APOLOGY,
                    "好".repeat(BuyerMessage.MAX_LENGTH + 1),
                    "agent1"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
