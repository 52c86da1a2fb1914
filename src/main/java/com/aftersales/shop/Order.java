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

  /**
   * The buyer's phone for a register: masked as the platform masks it ({@code 138****5678}), a
   * number that arrived masked kept as it is; never the name or the address.
   */
  public String maskedContact() {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    String p = phone.strip();
    if (p.contains("*")) {
      return p;
    }
    if (p.length() < 7) {
      return "*".repeat(p.length());
    }
    return p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
  }

  /** What the buyer owes: the order's total, or else the items plus postage. */
  public BigDecimal amountDue() {
    return orderTotal != null
        ? orderTotal
        : itemPrice.multiply(BigDecimal.valueOf(quantity)).add(postage);
  }
}
