package com.aftersales.logistics;

/** What the agent sends the buyer in Qianniu about the parcel, filled in from the case. */
final class LogisticsWording {
  private LogisticsWording() {}

  /** The order is on its way now (it was paid but not shipped, or not marked shipped). */
  static String shipped(String orderId, String item, String carrier, String trackingNumber) {
    return "亲，让您久等了！您订单 "
        + orderId
        + " 的「"
        + item
        + "」已经发出啦～快递："
        + carrier
        + "，物流单号："
        + trackingNumber
        + "，在淘宝订单详情里就能查到物流，收到后有任何问题随时联系我们～";
  }

  /** The trace is normal: where the parcel is. */
  static String normal(String orderId, String item, String latestStep) {
    return "亲，帮您查过了，您订单 "
        + orderId
        + " 的「"
        + item
        + "」物流一切正常"
        + (latestStep == null || latestStep.isBlank() ? "" : "，最新进度：" + latestStep)
        + "。请您耐心等待派送，有任何问题随时联系我们～";
  }

  /** Keeps the buyer informed while the courier is chased. */
  static String progress(String orderId, String item, String note) {
    return "亲，您订单 "
        + orderId
        + " 的「"
        + item
        + "」我们一直在帮您催快递"
        + (note == null || note.isBlank() ? "" : "，最新情况：" + note)
        + "。我们会跟进到您收到为止，给您添麻烦了，非常抱歉～";
  }
}
