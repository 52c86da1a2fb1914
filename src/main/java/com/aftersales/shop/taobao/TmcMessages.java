package com.aftersales.shop.taobao;

import com.aftersales.shop.PlatformRefund;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.ShopEvent;
import com.aftersales.shop.ShopEvent.BuyerReturnedGoods;
import com.aftersales.shop.ShopEvent.MemoModified;
import com.aftersales.shop.ShopEvent.PlatformIntervened;
import com.aftersales.shop.ShopEvent.RefundClosed;
import com.aftersales.shop.ShopEvent.RefundCreated;
import com.aftersales.shop.ShopEvent.RefundRefiled;
import com.aftersales.shop.ShopEvent.RefundSucceeded;
import com.aftersales.shop.ShopEvent.Source;
import com.aftersales.shop.ShopEvent.TradeClosed;
import com.aftersales.shop.ShopEvent.TradePaid;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The platform's message service (TMC) messages as {@link ShopEvent}s, topic by topic
 * (docs/taobao-open-platform.md §12b, §12c). A message is {@code {id, topic, content, pub_time, …}}
 * whose {@code content} is a JSON string; ids (message, trade, sub-order, refund) are read as text,
 * never as floating-point numbers.
 *
 * <p>Topics handled: {@value #REFUND_CREATED}, {@value #REFUND_CLOSED}, {@value #REFUND_SUCCESS},
 * {@value #RETURN_GOODS} (the content names no carrier: the refund is read with {@code
 * taobao.refund.get}), {@value #INTER_APPLIED} and {@value #INTERVENED} (the platform steps in),
 * {@value #BUYER_MODIFY} (the buyer changes the request after a refusal: filed again), {@value
 * #TRADE_PAID}, {@value #TRADE_CLOSE}, {@value #MEMO_MODIFIED} (the lines someone wrote by hand;
 * not the buyer's own memo, not the echo of the adapter's own write). Every other topic is no
 * event: confirmed and ignored.
 */
final class TmcMessages {

  static final String REFUND_CREATED = "taobao_refund_RefundCreated";
  static final String REFUND_CLOSED = "taobao_refund_RefundClosed";
  static final String REFUND_SUCCESS = "taobao_refund_RefundSuccess";
  static final String RETURN_GOODS = "taobao_refund_RefundBuyerReturnGoods";
  static final String INTER_APPLIED = "taobao_refund_TaobaoInterApplied";
  static final String INTERVENED = "taobao_refund_TaobaoIntervened";
  static final String BUYER_MODIFY = "taobao_refund_RefundBuyerModifyAgreement";
  static final String TRADE_PAID = "taobao_trade_TradeBuyerPay";
  static final String TRADE_CLOSE = "taobao_trade_TradeClose";
  static final String MEMO_MODIFIED = "taobao_trade_TradeMemoModified";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  /** One message as consumed: its id and topic, its content parsed. */
  record Message(String id, String topic, JsonNode content, OffsetDateTime published) {

    String text(String field) {
      JsonNode v = content.get(field);
      return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }
  }

  /** The content was not the JSON the topic documents. */
  static final class UnreadableMessage extends RuntimeException {
    UnreadableMessage(String why) {
      super(why);
    }
  }

  private TmcMessages() {}

  /** Reads one {@code tmc_message} of the consume answer. */
  static Message read(JsonNode message) {
    String id = message.path("id").asText();
    String topic = message.path("topic").asText();
    JsonNode content;
    try {
      JsonNode raw = message.get("content");
      content = raw == null || raw.isNull() ? JSON.createObjectNode() : parse(raw);
    } catch (JsonProcessingException e) {
      throw new UnreadableMessage("content is not JSON");
    }
    return new Message(id, topic, content, time(message.path("pub_time").asText(null)));
  }

  private static JsonNode parse(JsonNode raw) throws JsonProcessingException {
    JsonNode content = raw.isTextual() ? JSON.readTree(raw.asText()) : raw;
    if (content == null || !content.isObject()) {
      throw new UnreadableMessage("content is not a JSON object");
    }
    return content;
  }

  /**
   * The event a message stands for, or empty for a topic that moves no case.
   *
   * @throws UnreadableMessage when a handled topic lacks its ids
   */
  static Optional<ShopEvent> event(Message m, ShopBackOffice shop, MemoEcho echo) {
    Source source = Source.message(m.id());
    OffsetDateTime modified = Optional.ofNullable(time(m.text("modified"))).orElse(m.published());
    String tid = m.text("tid");
    String refundId = m.text("refund_id");
    ShopEvent event =
        switch (m.topic()) {
          case REFUND_CREATED ->
              new RefundCreated(
                  source,
                  modified,
                  required(refundId, m),
                  required(tid, m),
                  m.text("oid"),
                  money(m.text("refund_fee")),
                  "return_bill".equals(m.text("bill_type")),
                  null);
          case REFUND_CLOSED ->
              new RefundClosed(source, modified, required(refundId, m), required(tid, m), null);
          case REFUND_SUCCESS ->
              new RefundSucceeded(source, modified, required(refundId, m), required(tid, m), null);
          case BUYER_MODIFY ->
              new RefundRefiled(source, modified, required(refundId, m), required(tid, m), null);
          case INTER_APPLIED, INTERVENED ->
              new PlatformIntervened(
                  source, modified, required(refundId, m), required(tid, m), "平台介入");
          case RETURN_GOODS -> returned(m, source, modified, shop);
          case TRADE_PAID -> new TradePaid(source, modified, required(tid, m));
          case TRADE_CLOSE -> new TradeClosed(source, modified, required(tid, m));
          case MEMO_MODIFIED -> memo(m, source, modified, echo);
          default -> null;
        };
    return Optional.ofNullable(event);
  }

  /**
   * The seller memo changed: news only when someone wrote lines by hand (or cleared it), not when
   * the buyer changed their own memo nor when it is the echo of the adapter's own write.
   */
  private static ShopEvent memo(Message m, Source source, OffsetDateTime modified, MemoEcho echo) {
    if ("buyer".equals(m.text("action_type"))) {
      return null;
    }
    String tid = required(m.text("tid"), m);
    String handWritten = echo.handWritten(tid, m.text("seller_memo"));
    return handWritten == null ? null : new MemoModified(source, modified, tid, handWritten);
  }

  /** The content has no carrier and tracking number: the refund itself is read for them. */
  private static ShopEvent returned(
      Message m, Source source, OffsetDateTime modified, ShopBackOffice shop) {
    String refundId = required(m.text("refund_id"), m);
    Optional<PlatformRefund> refund = shop.findRefund(refundId);
    return new BuyerReturnedGoods(
        source,
        modified,
        refundId,
        required(m.text("tid"), m),
        refund.map(PlatformRefund::returnCarrier).orElse(null),
        refund.map(PlatformRefund::returnTrackingNumber).orElse(null),
        null);
  }

  private static String required(String value, Message m) {
    if (value == null) {
      throw new UnreadableMessage("topic " + m.topic() + " without its ids");
    }
    return value;
  }

  private static BigDecimal money(String value) {
    try {
      return value == null ? null : new BigDecimal(value);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** {@code yyyy-MM-dd HH:mm:ss} in the platform's zone. */
  static OffsetDateTime time(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.trim(), TopClient.TIMESTAMP)
          .atZone(TopClient.PLATFORM_ZONE)
          .toOffsetDateTime();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
