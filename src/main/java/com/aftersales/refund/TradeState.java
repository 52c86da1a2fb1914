package com.aftersales.refund;

import com.aftersales.shop.Order;

/** The trade states a refund starts from (SOP §5); the state decides the refund's path. */
enum TradeState {
  NOT_SHIPPED("买家已付款，未发货"),
  NOT_RECEIVED("已发货，买家未收货"),
  RECEIVED("买家已收货"),
  TRADE_SUCCEEDED("交易成功"),
  NONE("无可退金额");

  final String label;

  TradeState(String label) {
    this.label = label;
  }

  static TradeState of(Order order) {
    if (order.refundable().signum() <= 0) {
      return NONE;
    }
    return switch (order.status()) {
      case PAID -> NOT_SHIPPED;
      case SHIPPED -> order.signedAt() == null ? NOT_RECEIVED : RECEIVED;
      case SUCCEEDED -> TRADE_SUCCEEDED;
      case WAITING_PAYMENT, CLOSED -> NONE;
    };
  }
}
