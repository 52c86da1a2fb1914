package com.aftersales.followup;

/** Why an order is called. */
public enum Scenario {
  RECEIVED("已签收回访"),
  NOT_RECEIVED("未收到货回访"),
  OUT_OF_STOCK("缺货通知");

  final String label;

  Scenario(String label) {
    this.label = label;
  }
}
