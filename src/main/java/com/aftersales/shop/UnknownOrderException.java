package com.aftersales.shop;

/** The back office knows no order with this id. */
public class UnknownOrderException extends RuntimeException {
  private final String orderId;

  public UnknownOrderException(String orderId) {
    super("找不到订单 " + orderId + "，请核对订单编号");
    this.orderId = orderId;
  }

  public String orderId() {
    return orderId;
  }
}
