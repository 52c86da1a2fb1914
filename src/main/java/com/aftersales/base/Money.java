package com.aftersales.base;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money in yuan: process variables carry numbers, our code computes with two-decimal BigDecimal.
 */
public final class Money {
  /** Nobody types an amount above this into a form; anything larger is a typo. */
  public static final BigDecimal MAX = new BigDecimal("1000000");

  private Money() {}

  /** Reads a variable as yuan; null when absent. */
  public static BigDecimal of(Object value, String field, String label) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    BigDecimal amount;
    try {
      amount =
          value instanceof BigDecimal b
              ? b
              : value instanceof Number n
                  ? new BigDecimal(n.toString())
                  : new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(field, label + "必须是金额数字（元），例如 12.50");
    }
    if (amount.signum() < 0) {
      throw new InvalidInputException(field, label + "不能为负数");
    }
    if (amount.compareTo(MAX) > 0) {
      throw new InvalidInputException(field, label + (label.endsWith("金额") ? "" : "金额") + "过大，请核对");
    }
    if (amount.stripTrailingZeros().scale() > 2) {
      throw new InvalidInputException(field, label + "最多保留两位小数（角、分）");
    }
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  public static BigDecimal required(Object value, String field, String label) {
    BigDecimal amount = of(value, field, label);
    if (amount == null) {
      throw new InvalidInputException(field, "请填写" + label);
    }
    return amount;
  }

  /** Rounds a computed amount (e.g. from a decision table) to fen. */
  public static BigDecimal round(Object number) {
    if (number == null) {
      return BigDecimal.ZERO.setScale(2);
    }
    return new BigDecimal(number.toString()).setScale(2, RoundingMode.HALF_UP);
  }

  /** As a process variable (forms and decision tables read numbers). */
  public static Double variable(BigDecimal amount) {
    return amount == null ? null : amount.doubleValue();
  }
}
