package com.aftersales.dunning;

import java.math.BigDecimal;

/**
 * What the agent says to an unpaid order's buyer (催付话术): on the phone, for both who may answer, and
 * the reminder sent in Qianniu chat with the order's values filled in.
 */
final class DunningWording {
  private DunningWording() {}

  static String buyer(String item, BigDecimal amount, String autoClose) {
    return "亲，您好！这里是店铺售后客服。看到您拍下的“"
        + item
        + "”（"
        + amount
        + " 元）还没有付款，是付款时遇到什么问题了吗？需要的话我来帮您看看。"
        + "这款库存不多，订单会在 "
        + autoClose
        + " 自动关闭，您方便的时候尽快付款，我们当天就给您安排发货～";
  }

  static String other(String item) {
    return "您好，打扰了！这里是店铺客服，" + "想跟机主确认一下在我们店拍下的“" + item + "”的订单。麻烦您转告一声，方便的时候回个电话或在旺旺上联系我们，谢谢您！";
  }

  /** The reminder an agent sends in Qianniu: the order, its items, what is due and by when. */
  static String chatReminder(
      String orderId, String item, int quantity, BigDecimal amount, String autoClose) {
    return "亲，您好！这里是店铺客服～您在本店拍下的“"
        + item
        + "”×"
        + quantity
        + "（订单号 "
        + orderId
        + "）还没有付款哦，应付金额 "
        + amount
        + " 元。订单会在 "
        + autoClose
        + " 自动关闭，如果还需要，请在这之前完成付款，我们会尽快为您安排发货；"
        + "付款时遇到任何问题，直接在旺旺回复我就好～";
  }
}
