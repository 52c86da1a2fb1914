package com.aftersales.shop;

/** What the local back office asks of an extension of the buyer's receipt time. */
final class ReceiptExtension {

  private ReceiptExtension() {}

  /** Refuses a trade that does not wait for the buyer's confirmation, and a non-positive span. */
  static void check(Order order, int days) {
    if (days <= 0) {
      throw new IllegalArgumentException("extend the receipt time by a positive number of days");
    }
    if (order.status() != OrderStatus.SHIPPED) {
      throw new ShopRefusedException(
          "订单 "
              + order.orderId()
              + " 现在是“"
              + order.status().label()
              + "”，只有已发货、等待买家确认收货的订单才能延长收货时间");
    }
  }
}
