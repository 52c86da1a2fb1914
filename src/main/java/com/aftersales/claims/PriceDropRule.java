package com.aftersales.claims;

import static com.aftersales.claims.PriceDropVariables.*;

import com.aftersales.base.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The price-drop refund's money rule (seed 004, "③价格下降"): the difference is (price paid − new
 * price) × pieces, more than nothing, never above what the order can still refund nor above the
 * configured limit; and the price was cut on or after the day the buyer paid, within the configured
 * window, not in the future. Every refusal names the field the agent corrects.
 */
final class PriceDropRule {

  private PriceDropRule() {}

  /** The difference to refund, in yuan. */
  static BigDecimal amount(
      BigDecimal paidPrice,
      BigDecimal newPrice,
      long quantity,
      long orderedQuantity,
      BigDecimal refundable,
      BigDecimal maxAmount) {
    if (newPrice == null) {
      throw new InvalidInputException(NEW_PRICE, "请填写" + NEW_PRICE.label() + "（元）");
    }
    if (quantity < 1 || quantity > orderedQuantity) {
      throw new InvalidInputException(
          PRICE_DROP_QUANTITY,
          PRICE_DROP_QUANTITY.label()
              + "应在 1 到 "
              + orderedQuantity
              + " 之间（订单共 "
              + orderedQuantity
              + " 件）");
    }
    if (newPrice.compareTo(paidPrice) >= 0) {
      throw new InvalidInputException(
          NEW_PRICE,
          NEW_PRICE.label() + " " + newPrice + " 元不低于买家购买时的价格 " + paidPrice + " 元，没有差价可退");
    }
    if (refundable.signum() <= 0) {
      throw new InvalidInputException(NEW_PRICE, "订单已全额退款，没有可退的差价");
    }
    BigDecimal amount = paidPrice.subtract(newPrice).multiply(BigDecimal.valueOf(quantity));
    if (amount.compareTo(refundable) > 0) {
      throw new InvalidInputException(
          NEW_PRICE,
          "差价 "
              + amount
              + " 元超过订单可退金额 "
              + refundable
              + " 元（不能多于买家实付减去已退），请核对"
              + NEW_PRICE.label()
              + "和"
              + PRICE_DROP_QUANTITY.label());
    }
    if (maxAmount != null && amount.compareTo(maxAmount) > 0) {
      throw new InvalidInputException(
          NEW_PRICE, "差价 " + amount + " 元超过单次退差价上限 " + maxAmount + " 元，请请示主管另行处理");
    }
    return amount;
  }

  /**
   * How many days after the buyer paid the price was cut.
   *
   * @throws InvalidInputException naming {@code priceCutDate} when the cut lies before the payment,
   *     in the future, or outside the window
   */
  static long daysAfterPurchase(LocalDate paid, LocalDate cut, LocalDate today, int windowDays) {
    if (cut.isAfter(today)) {
      throw new InvalidInputException(
          PRICE_CUT_DATE, PRICE_CUT_DATE.label() + " " + cut + " 还没到，请填写已经降价的日期");
    }
    if (cut.isBefore(paid)) {
      throw new InvalidInputException(
          PRICE_CUT_DATE,
          PRICE_CUT_DATE.label() + " " + cut + " 早于买家付款日期 " + paid + "，买家是按降价后的价格买的，没有差价可退");
    }
    long days = ChronoUnit.DAYS.between(paid, cut);
    if (days > windowDays) {
      throw new InvalidInputException(
          PRICE_CUT_DATE,
          "买家 "
              + paid
              + " 付款，"
              + cut
              + " 降价，相隔 "
              + days
              + " 天，超过可申请退差价的 "
              + windowDays
              + " 天，不能申请退差价");
    }
    return days;
  }
}
