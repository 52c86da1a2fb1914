package com.aftersales.shop;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An order as the shop back office knows it. Money in yuan: {@code totalPaid} is what the buyer
 * paid, {@code orderTotal} the order's total as the back office reports it (what the buyer owes;
 * unknown for orders that did not come from an order report).
 */
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
    OffsetDateTime signedAt,
    BigDecimal orderTotal) {

  /** What can still be refunded on this order. */
  public BigDecimal refundable() {
    return totalPaid.subtract(refundedAmount == null ? BigDecimal.ZERO : refundedAmount);
  }

  /** What the buyer owes: the order's total, or else the items plus postage. */
  public BigDecimal amountDue() {
    return orderTotal != null
        ? orderTotal
        : itemPrice.multiply(BigDecimal.valueOf(quantity)).add(postage);
  }
}
