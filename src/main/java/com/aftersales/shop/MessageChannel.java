package com.aftersales.shop;

/**
 * How a message reached the buyer. The platform offers an API for a message on a refund only; chat
 * (Wangwang/Qianniu) has no sending API for a seller's back office, so an agent copies the text
 * into Qianniu and confirms that it was sent.
 */
public enum MessageChannel {
  /** A message on the buyer's refund, sent through the platform's API. */
  REFUND_MESSAGE("退款留言"),
  /** Sent by an agent in Qianniu chat, who confirmed it. */
  QIANNIU("千牛聊天（客服发送后确认）");

  private final String label;

  MessageChannel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
