package com.aftersales.warehouse;

/**
 * What the agent sends the buyer in Qianniu once the reship left the warehouse: what was sent and
 * why, the carrier and the tracking number, filled in from the case.
 */
final class ReshipWording {
  private ReshipWording() {}

  static String tracking(
      String items,
      long quantity,
      String reason,
      String carrier,
      String trackingNumber,
      String rideAlongOrderId) {
    return "亲，您好！您的“"
        + items
        + "”×"
        + quantity
        + (reason == null || reason.isBlank() ? "" : "（" + reason + "）")
        + "已经给您发出啦"
        + (rideAlongOrderId == null ? "" : "，和您的新订单 " + rideAlongOrderId + " 放在一起寄出")
        + "～快递："
        + carrier
        + "，物流单号："
        + trackingNumber
        + "，在淘宝订单详情或快递官网都能查到物流。收到后麻烦您检查一下，有任何问题随时联系我们～";
  }
}
