package com.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.base.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The price-drop refund's money rule: (price paid − new price) × pieces, above nothing, within the
 * order's refundable amount and the configured limit; and the window between paying and the cut.
 */
class PriceDropRuleTest {

  @ParameterizedTest(name = "paid {0}, now {1}, {2} of {3}, refundable {4}, limit {5} → {6}")
  @CsvSource(
      nullValues = "-",
      value = {
        // paid,  new,   qty, ordered, refundable, limit, amount or field:refusal
        "100.00, 80.00,  2,   2,       200.00,     -,     40.00",
        "100.00, 80.00,  1,   2,       200.00,     -,     20.00",
        "59.90,  49.90,  3,   3,       179.70,     -,     30.00",
        "100.00, 0.00,   1,   1,       100.00,     -,     100.00",
        "100.00, 99.99,  1,   1,       100.00,     -,     0.01",
        "100.00, 80.00,  2,   2,       40.00,      -,     40.00",
        "100.00, 80.00,  2,   2,       200.00,     40.00, 40.00",
        "100.00, 100.00, 1,   1,       100.00,     -,     newPrice:不低于买家购买时的价格",
        "100.00, 120.00, 1,   1,       100.00,     -,     newPrice:没有差价可退",
        "100.00, -,      1,   1,       100.00,     -,     newPrice:请填写降价后的价格",
        "100.00, 80.00,  2,   2,       39.99,      -,     newPrice:超过订单可退金额 39.99 元",
        "100.00, 80.00,  2,   2,       0.00,       -,     newPrice:订单已全额退款",
        "100.00, 80.00,  2,   2,       200.00,     30.00, newPrice:超过单次退差价上限 30.00 元",
        "100.00, 80.00,  3,   2,       200.00,     -,     priceDropQuantity:应在 1 到 2 之间",
        "100.00, 80.00,  0,   2,       200.00,     -,     priceDropQuantity:应在 1 到 2 之间",
      })
  void theDifferenceIsPaidPriceLessNewPriceTimesPiecesWithinWhatTheOrderAllows(
      String paid,
      String newPrice,
      long quantity,
      long ordered,
      String refundable,
      String limit,
      String expected) {
    BigDecimal paidPrice = new BigDecimal(paid);
    BigDecimal now = newPrice == null ? null : new BigDecimal(newPrice);
    BigDecimal canRefund = new BigDecimal(refundable);
    BigDecimal max = limit == null ? null : new BigDecimal(limit);
    if (expected.contains(":")) {
      String field = expected.substring(0, expected.indexOf(':'));
      String refusal = expected.substring(expected.indexOf(':') + 1);
      assertThatThrownBy(
              () -> PriceDropRule.amount(paidPrice, now, quantity, ordered, canRefund, max))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo(field))
          .hasMessageContaining(refusal);
    } else {
      assertThat(PriceDropRule.amount(paidPrice, now, quantity, ordered, canRefund, max))
          .isEqualByComparingTo(expected);
    }
  }

  @ParameterizedTest(name = "paid {0}, cut {1}, today {2}, window {3} → {4}")
  @CsvSource({
    // paid,      cut,        today,      window, days or refusal
    "2025-06-01, 2025-06-01, 2025-06-20, 15,     0",
    "2025-06-01, 2025-06-16, 2025-06-20, 15,     15",
    "2025-06-01, 2025-06-17, 2025-06-20, 15,     相隔 16 天，超过可申请退差价的 15 天",
    "2025-06-01, 2025-06-17, 2025-06-20, 30,     16",
    "2025-06-10, 2025-06-09, 2025-06-20, 15,     早于买家付款日期 2025-06-10",
    "2025-06-10, 2025-06-21, 2025-06-20, 15,     还没到",
    "2025-06-10, 2025-06-20, 2025-06-20, 15,     10",
  })
  void aPriceCutCountsWithinTheWindowAfterPaying(
      String paid, String cut, String today, int window, String expected) {
    LocalDate p = LocalDate.parse(paid);
    LocalDate c = LocalDate.parse(cut);
    LocalDate t = LocalDate.parse(today);
    if (expected.chars().allMatch(Character::isDigit)) {
      assertThat(PriceDropRule.daysAfterPurchase(p, c, t, window))
          .isEqualTo(Long.parseLong(expected));
    } else {
      assertThatThrownBy(() -> PriceDropRule.daysAfterPurchase(p, c, t, window))
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("priceCutDate"))
          .hasMessageContaining(expected);
    }
  }
}
