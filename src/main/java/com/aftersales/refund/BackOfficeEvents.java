package com.aftersales.refund;

import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Money;
import com.aftersales.shop.ShopEvent;
import com.aftersales.shop.ShopEvent.BuyerReturnedGoods;
import com.aftersales.shop.ShopEvent.PlatformIntervened;
import com.aftersales.shop.ShopEvent.RefundClosed;
import com.aftersales.shop.ShopEvent.RefundCreated;
import com.aftersales.shop.ShopEvent.RefundRefiled;
import com.aftersales.shop.ShopEvent.RefundSucceeded;
import com.aftersales.shop.ShopEvent.RefundWithdrawn;
import com.aftersales.shop.ShopEvent.Source;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * The local back office's refund events ({@code POST /api/refunds/events}) as {@link ShopEvent}s,
 * checked field by field: the same events the platform's messages become.
 */
final class BackOfficeEvents {

  static final int MAX_NOTE = 500;
  static final int MAX_EVENT_ID = 100;

  // fields of the request body
  static final String AMOUNT = "amount"; // not a process variable: a field of the event
  static final String CARRIER = "carrier"; // not a process variable: a field of the event
  static final String TRACKING = "trackingNumber"; // not a process variable: a field of the event

  private BackOfficeEvents() {}

  static ShopEvent of(
      RefundDesk.Event event,
      RefundEventType type,
      String orderId,
      String reportedBy,
      OffsetDateTime now) {
    String note = optional(event.note());
    if (note != null && note.length() > MAX_NOTE) {
      throw new InvalidInputException("note", "说明最多 " + MAX_NOTE + " 个字");
    }
    String refundId = optional(event.refundId());
    if (refundId != null
        && (refundId.length() > 32 || !refundId.chars().allMatch(c -> c >= '0' && c <= '9'))) {
      throw new InvalidInputException("refundId", "平台退款编号 “" + refundId + "” 格式不对：应为最多 32 位数字");
    }
    String eventId = optional(event.eventId());
    if (eventId != null && eventId.length() > MAX_EVENT_ID) {
      throw new InvalidInputException("eventId", "事件编号最多 " + MAX_EVENT_ID + " 个字符");
    }
    Source source = new Source(eventId == null ? null : "api:" + eventId, reportedBy);
    return switch (type) {
      case CREATED -> created(event, source, now, refundId, orderId, note);
      case RETURNED -> returned(event, source, now, refundId, orderId, note);
      case PAID -> new RefundSucceeded(source, now, refundId, orderId, note);
      case CLOSED -> new RefundClosed(source, now, refundId, orderId, note);
      case WITHDRAWN -> new RefundWithdrawn(source, now, refundId, orderId, note);
      case REFILED -> new RefundRefiled(source, now, refundId, orderId, note);
      case DISPUTED -> new PlatformIntervened(source, now, refundId, orderId, note);
    };
  }

  private static RefundCreated created(
      RefundDesk.Event event,
      Source source,
      OffsetDateTime now,
      String refundId,
      String orderId,
      String note) {
    if (refundId == null) {
      throw new InvalidInputException("refundId", "新退款（CREATED）需要平台退款编号 refundId");
    }
    BigDecimal amount = Money.of(event.amount(), AMOUNT, "退款金额");
    if (amount != null && amount.signum() <= 0) {
      throw new InvalidInputException(AMOUNT, "退款金额必须大于 0 元");
    }
    return new RefundCreated(
        source,
        now,
        refundId,
        orderId,
        null,
        amount,
        Boolean.TRUE.equals(event.returnGoods()),
        note);
  }

  private static BuyerReturnedGoods returned(
      RefundDesk.Event event,
      Source source,
      OffsetDateTime now,
      String refundId,
      String orderId,
      String note) {
    String carrier = optional(event.carrier());
    String trackingNumber = optional(event.trackingNumber());
    if (carrier == null) {
      throw new InvalidInputException(CARRIER, "买家寄回（RETURNED）需要退货物流公司 carrier");
    }
    if (trackingNumber == null) {
      throw new InvalidInputException(TRACKING, "买家寄回（RETURNED）需要退货物流单号 trackingNumber");
    }
    return new BuyerReturnedGoods(source, now, refundId, orderId, carrier, trackingNumber, note);
  }

  private static String optional(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
