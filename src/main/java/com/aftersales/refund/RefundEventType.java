package com.aftersales.refund;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the shop back office can tell us about a refund, and the message each one sends. */
public enum RefundEventType {
  PAID("refundPaid", "退款已到账"),
  CLOSED("refundClosed", "退款已关闭"),
  WITHDRAWN("refundWithdrawn", "买家已撤销退款申请"),
  DISPUTED("refundDisputed", "买家申请平台介入"),
  REFILED("refundRefiled", "买家再次申请退款"),
  /** Opens a refund case (no message: the case starts). */
  CREATED(null, "买家申请退款"),
  /** Completes "登记买家退货物流" (no message: the task waits for it). */
  RETURNED(null, "买家已寄回退货");

  final String message;
  final String label;

  RefundEventType(String message, String label) {
    this.message = message;
    this.label = label;
  }

  public String label() {
    return label;
  }

  static Optional<RefundEventType> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim().toUpperCase();
    return Arrays.stream(values()).filter(t -> t.name().equals(v)).findFirst();
  }

  static String choices() {
    return Arrays.stream(values())
        .map(t -> t.name() + " " + t.label)
        .collect(Collectors.joining("、"));
  }
}
