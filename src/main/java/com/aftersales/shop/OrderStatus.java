package com.aftersales.shop;

/** Trade states of an order, with the wording the back office shows. */
public enum OrderStatus {
  WAITING_PAYMENT("等待买家付款"),
  PAID("买家已付款，等待卖家发货"),
  SHIPPED("卖家已发货，等待买家确认"),
  SUCCEEDED("交易成功"),
  CLOSED("交易关闭");

  private final String label;

  OrderStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
