package com.aftersales.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;

/**
 * One order as the back office's order report shows it, read from a report row: what the local
 * adapter's order book takes in. A report may leave columns out: {@code buyerId}, {@code status}
 * and {@code createdAt} are null when it has no such column, money is null when its cell is empty
 * or missing, and a text the report does not give is empty or null. Such an order can update one
 * the book knows, never create one.
 */
public record ReportedOrder(
    String orderId,
    String buyerId,
    String buyerName,
    String phone,
    String address,
    String shopName,
    String itemTitle,
    int quantity,
    BigDecimal goods,
    BigDecimal postage,
    BigDecimal total,
    BigDecimal paid,
    OrderStatus status,
    OffsetDateTime createdAt,
    OffsetDateTime paidAt,
    String trackingNumber,
    String carrier,
    String remark,
    String closeReason,
    String buyerMessage) {

  /** Unit price for our orders table: goods divided by quantity. */
  public BigDecimal unitPrice() {
    BigDecimal g =
        goods != null ? goods : total != null ? total.subtract(postageOrZero()) : BigDecimal.ZERO;
    return g.divide(BigDecimal.valueOf(Math.max(1, quantity)), 2, RoundingMode.HALF_UP);
  }

  public BigDecimal postageOrZero() {
    return postage == null ? BigDecimal.ZERO : postage;
  }

  /** What the buyer owes for the order. */
  public BigDecimal amountDue() {
    if (total != null) {
      return total;
    }
    return (goods == null ? BigDecimal.ZERO : goods).add(postageOrZero());
  }

  /** Whether the row says what the order costs (its 总金额 or 买家应付货款). */
  public boolean hasAmounts() {
    return total != null || goods != null;
  }

  /** What the buyer paid: nothing while the order waits for payment. */
  public BigDecimal amountPaid() {
    return amountPaid(status);
  }

  /**
   * What the buyer paid once the order is in {@code state}: nothing while it waits for payment, and
   * nothing for a trade closed without a payment time or paid amount (closed unpaid).
   */
  public BigDecimal amountPaid(OrderStatus state) {
    if (state == OrderStatus.WAITING_PAYMENT) {
      return BigDecimal.ZERO;
    }
    if (state == OrderStatus.CLOSED && paid == null && paidAt == null) {
      return BigDecimal.ZERO;
    }
    return paid != null ? paid : amountDue();
  }
}
