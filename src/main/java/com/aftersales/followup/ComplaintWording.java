package com.aftersales.followup;

/** What the agent sends a complaining buyer in Qianniu, with the order filled in. */
final class ComplaintWording {
  private ComplaintWording() {}

  static String apology(String orderId, String item) {
    return "亲，您好！我是店铺的售后客服。您对订单 "
        + orderId
        + "（“"
        + item
        + "”）反映的情况，我已经详细记下来了。给您带来这么不好的体验，真的非常抱歉！"
        + "我们会马上认真核查，尽快给您一个答复，处理的每一步进展也会及时告诉您，请您放心。";
  }
}
