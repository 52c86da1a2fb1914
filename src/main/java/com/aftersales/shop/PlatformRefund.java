package com.aftersales.shop;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A refund the buyer filed on the platform, as the platform reports it. Ids stay strings (they
 * exceed JavaScript's safe integers). {@code status} is the platform's (WAIT_SELLER_AGREE,
 * WAIT_BUYER_RETURN_GOODS, WAIT_SELLER_CONFIRM_GOODS, SELLER_REFUSE_BUYER, CLOSED, SUCCESS); {@code
 * version} and {@code phase} (onsale/aftersale) go with every answer the seller gives.
 */
public record PlatformRefund(
    String refundId,
    String orderId,
    String subOrderId,
    BigDecimal amount,
    String status,
    String phase,
    long version,
    boolean goodsReturn,
    String goodStatus,
    String reason,
    String returnCarrier,
    String returnTrackingNumber,
    OffsetDateTime created,
    OffsetDateTime modified) {

  /** The platform's states of a refund that waits for the seller's answer or the buyer's return. */
  public static final java.util.Set<String> OPEN_STATES =
      java.util.Set.of("WAIT_SELLER_AGREE", "WAIT_BUYER_RETURN_GOODS", "WAIT_SELLER_CONFIRM_GOODS");

  public boolean finished() {
    return "SUCCESS".equals(status) || "CLOSED".equals(status);
  }

  /** Still open on the platform: neither paid, closed nor refused by the seller. */
  public boolean open() {
    return OPEN_STATES.contains(status);
  }
}
