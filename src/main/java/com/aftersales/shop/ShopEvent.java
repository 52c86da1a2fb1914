package com.aftersales.shop;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * Something that happened in the shop and may move cases: a refund the buyer filed, closed or that
 * succeeded, a return the buyer shipped, the platform stepping in, a trade paid or closed, the
 * seller memo changed. The platform's messages (TMC), the reconciliation of refunds and the local
 * back office's event API all arrive as these, and {@link ShopEvents} hands each to every {@link
 * ShopEventHandler}.
 *
 * <p>Every event carries its {@link Source} (the id a repeat is recognised by, and who reported it)
 * and the platform's time of the change ({@code modified}): a handler never applies a change older
 * than one it already applied. Ids (order, refund) stay strings: they exceed JavaScript's safe
 * integers.
 */
public sealed interface ShopEvent {

  Source source();

  /** When the change happened on the platform (for the local back office: when it was reported). */
  OffsetDateTime modified();

  /** The order (on Taobao the trade, {@code tid}). */
  String orderId();

  /**
   * Where an event came from. {@code id} is the same for every delivery of the same change (a TMC
   * message id, {@code refund:<id>:<version>:<kind>} for reconciliation), or {@code null} when the
   * reporter gave none; {@code by} is who reported it, as the timeline names them.
   */
  record Source(String id, String by) {

    /** The platform's message service ({@code by} {@value #PLATFORM}). */
    public static Source message(String messageId) {
      return new Source("tmc:" + messageId, PLATFORM);
    }

    /** The reconciliation of the platform's refunds. */
    public static Source reconciliation(String refundId, long version, String kind) {
      return new Source("refund:" + refundId + ":" + version + ":" + kind, PLATFORM);
    }

    /** The platform, as the timeline names it. */
    public static final String PLATFORM = "淘宝平台";
  }

  /** An event about one refund the buyer filed on the platform. */
  sealed interface OfRefund extends ShopEvent {
    /** The platform's refund id, or {@code null} when the local back office named none. */
    String refundId();

    /** A note from the back office, or {@code null}. */
    String note();
  }

  /** The buyer filed a refund ({@code goodsReturn}: the buyer sends the goods back). */
  record RefundCreated(
      Source source,
      OffsetDateTime modified,
      String refundId,
      String orderId,
      String subOrderId,
      BigDecimal amount,
      boolean goodsReturn,
      String note)
      implements OfRefund {}

  /**
   * The refund was closed (withdrawn by the buyer, refused to the end, or closed by the platform).
   */
  record RefundClosed(
      Source source, OffsetDateTime modified, String refundId, String orderId, String note)
      implements OfRefund {}

  /** The refund was paid to the buyer. */
  record RefundSucceeded(
      Source source, OffsetDateTime modified, String refundId, String orderId, String note)
      implements OfRefund {}

  /** The buyer withdrew the refund (the local back office reports it apart from closing). */
  record RefundWithdrawn(
      Source source, OffsetDateTime modified, String refundId, String orderId, String note)
      implements OfRefund {}

  /** The buyer filed the refund again (changed the request after the seller refused). */
  record RefundRefiled(
      Source source, OffsetDateTime modified, String refundId, String orderId, String note)
      implements OfRefund {}

  /** The buyer shipped the goods of the refund back: carrier and tracking number. */
  record BuyerReturnedGoods(
      Source source,
      OffsetDateTime modified,
      String refundId,
      String orderId,
      String carrier,
      String trackingNumber,
      String note)
      implements OfRefund {}

  /** The buyer asked the platform to step in: the seller's 24 hours to answer with evidence run. */
  record PlatformIntervened(
      Source source, OffsetDateTime modified, String refundId, String orderId, String note)
      implements OfRefund {}

  /** The buyer paid the order. */
  record TradePaid(Source source, OffsetDateTime modified, String orderId) implements ShopEvent {}

  /** The order was closed unpaid (or after a full refund). */
  record TradeClosed(Source source, OffsetDateTime modified, String orderId) implements ShopEvent {}

  /** The seller memo of the order was changed in the back office. */
  record MemoModified(Source source, OffsetDateTime modified, String orderId, String memo)
      implements ShopEvent {}
}
