package com.aftersales.shop;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An order as the shop back office knows it. Money in yuan. */
public record Order(
    String orderId,
    String buyerId,
    String buyerName,
    String phone,
    String address,
    String shopName,
    String itemTitle,
    int quantity,
    BigDecimal itemPrice,
    BigDecimal postage,
    BigDecimal totalPaid,
    OrderStatus status,
    OffsetDateTime createdAt,
    OffsetDateTime paidAt,
    String trackingNumber,
    String carrier,
    BigDecimal refundedAmount,
    OffsetDateTime signedAt) {

  /** What can still be refunded on this order. */
  public BigDecimal refundable() {
    return totalPaid.subtract(refundedAmount == null ? BigDecimal.ZERO : refundedAmount);
  }
}
