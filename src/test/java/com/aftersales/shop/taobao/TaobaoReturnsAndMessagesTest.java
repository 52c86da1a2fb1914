package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.shop.BuyerMessage;
import com.aftersales.shop.MessageChannel;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.NoMessageChannelException;
import com.aftersales.shop.SentMessage;
import com.aftersales.shop.ShopRefusedException;
import com.aftersales.support.SimulatedTop;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A return agreed to the configured address, and messages to the buyer on their refund. */
class TaobaoReturnsAndMessagesTest extends TaobaoTestBase {

  static final String ADDRESSES =
      """
      {"logistics_address_search_response":{"addresses":{"address_result":[
       {"contact_id":30002,"contact_name":"发货仓","province":"浙江省","city":"杭州市","country":"西湖区",
        "addr":"文三路 1 号","zip_code":"310000","phone":"0571-80000000","mobile_phone":"13900000000","get_def":true},
       {"contact_id":30001,"contact_name":"售后仓","province":"浙江省","city":"杭州市","country":"余杭区",
        "addr":"文一西路 100 号","zip_code":"311100","phone":"0571-88000000","mobile_phone":"13800000000",
        "cancel_def":true}]}}}
      """;

  static final String RETURN_AGREED = "{\"rp_returngoods_agree_response\":{\"is_success\":true}}";

  static final String MESSAGE_ADDED =
      """
      {"refund_message_add_response":{"refund_message":{"id":123456789,"created":"2024-05-03 10:05:00"}}}
      """;

  @Test
  void aReturnIsAgreedToTheConfiguredAddressOfTheAddressLibrary() {
    top.stub("taobao.refund.get", TaobaoRefundsTest.refundIn("WAIT_SELLER_AGREE"));
    top.stub("taobao.logistics.address.search", ADDRESSES);
    top.stub("taobao.rp.returngoods.agree", RETURN_AGREED);

    shop.agreeReturn("2231958349", "83477", "浙江省杭州市余杭区文一西路 100 号 售后仓 收");

    SimulatedTop.Call agree = onlyCall("taobao.rp.returngoods.agree");
    assertThat(agree.params())
        .containsEntry("refund_id", "83477")
        .containsEntry("seller_address_id", SimulatedTop.RETURN_ADDRESS_ID)
        .containsEntry("name", "售后仓")
        .containsEntry("address", "浙江省杭州市余杭区文一西路 100 号")
        .containsEntry("post", "311100")
        .containsEntry("tel", "0571-88000000")
        .containsEntry("mobile", "13800000000")
        .containsEntry("refund_phase", "aftersale")
        .containsEntry("refund_version", "1714700000000");
    assertThat(agree.param("remark")).contains("文一西路 100 号 售后仓 收");
  }

  @Test
  void aReturnAgreedBeforeIsNotAgreedAgain() {
    top.stub("taobao.refund.get", TaobaoRefundsTest.refundIn("WAIT_BUYER_RETURN_GOODS"));

    shop.agreeReturn("2231958349", "83477", "地址");

    assertThat(top.calls("taobao.rp.returngoods.agree")).isEmpty();
  }

  @Test
  void aReturnWithoutTheBuyersRefundOrAnUnknownAddressIsRefused() {
    assertThatThrownBy(() -> shop.agreeReturn("2231958349", null, "地址"))
        .isInstanceOf(ShopRefusedException.class)
        .hasMessageContaining("没有在淘宝申请退货退款");

    top.stub("taobao.refund.get", TaobaoRefundsTest.refundIn("WAIT_SELLER_AGREE"));
    top.stub("taobao.logistics.address.search", ADDRESSES.replace("30001", "39999"));
    assertThatThrownBy(() -> shop.agreeReturn("2231958349", "83477", "地址"))
        .isInstanceOf(ShopRefusedException.class)
        .hasMessageContaining("return-address-id");
    assertThat(top.calls("taobao.rp.returngoods.agree")).isEmpty();
  }

  @Test
  void aMessageOnTheRefundGoesThroughThePlatformThenIsRecorded() {
    top.stub("taobao.refund.message.add", MESSAGE_ADDED);

    SentMessage sent =
        shop.sendBuyerMessage(
            BuyerMessage.onRefund(
                "2231958349", "CASE-1", MessagePurpose.EVIDENCE_REQUEST, "亲，请上传商品破损照片", "83477"));

    SimulatedTop.Call call = onlyCall("taobao.refund.message.add");
    assertThat(call.param("refund_id")).isEqualTo("83477");
    assertThat(call.param("content")).isEqualTo("亲，请上传商品破损照片");
    assertThat(sent.channel()).isEqualTo(MessageChannel.REFUND_MESSAGE);
    assertThat(sent.adapter()).isEqualTo("taobao");
    assertThat(shop.buyerMessages("CASE-1"))
        .extracting(SentMessage::text)
        .containsExactly("亲，请上传商品破损照片");
  }

  @Test
  void aLongMessageGoesWholeInNumberedParts() {
    top.stub("taobao.refund.message.add", MESSAGE_ADDED);
    String text = "退货地址：" + "浙江省杭州市余杭区文一西路一百号".repeat(20);

    shop.sendBuyerMessage(
        BuyerMessage.onRefund(
            "2231958349", "CASE-2", MessagePurpose.RETURN_ADDRESS, text, "83477"));

    var parts =
        top.calls("taobao.refund.message.add").stream().map(c -> c.param("content")).toList();
    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(parts).allMatch(p -> p.getBytes(StandardCharsets.UTF_8).length <= 400);
    assertThat(parts.get(0)).startsWith("(1/" + parts.size() + ")");
    assertThat(String.join("", parts.stream().map(p -> p.substring(p.indexOf(')') + 1)).toList()))
        .isEqualTo(text);
  }

  @Test
  void aMessageThePlatformRefusesIsNotRecorded() {
    top.stub(
        "taobao.refund.message.add",
        SimulatedTop.error(
            40, "Missing Required Arguments", "isv.missing-parameter:image", "缺少图片"));

    assertThatThrownBy(
            () ->
                shop.sendBuyerMessage(
                    BuyerMessage.onRefund(
                        "2231958349", "CASE-3", MessagePurpose.APOLOGY, "抱歉", "83477")))
        .isInstanceOf(TopException.class)
        .hasMessageContaining("缺少图片");
    assertThat(shop.buyerMessages("CASE-3")).isEmpty();
  }

  @Test
  void aChatMessageIsOnlyRecordedAndAMessageWithoutChannelRefused() {
    SentMessage sent =
        shop.sendBuyerMessage(
            BuyerMessage.sentByAgent(
                "2231958349", "CASE-4", MessagePurpose.DUNNING, "亲，记得付款哦", "agent1"));

    assertThat(sent.channel()).isEqualTo(MessageChannel.QIANNIU);
    assertThat(sent.sentBy()).isEqualTo("agent1");
    assertThatThrownBy(
            () ->
                shop.sendBuyerMessage(
                    new BuyerMessage(
                        "2231958349", "CASE-4", MessagePurpose.DUNNING, "请付款", null, null)))
        .isInstanceOf(NoMessageChannelException.class);
    assertThat(top.calls()).isEmpty();
    assertThat(shop.buyerMessages("CASE-4")).hasSize(1);
  }
}
