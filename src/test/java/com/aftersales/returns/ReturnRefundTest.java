package com.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The refund of a return, row by row: the goods, plus the postage the shop bears, less a gift that
 * did not come back, never more than is still refundable; then less the postage the buyer caused
 * (seed 001), never below zero — and the deduction recorded is what was actually taken off.
 */
class ReturnRefundTest {

  @ParameterizedTest(
      name =
          "goods {0} + shop postage {1} - gift {2}, buyer caused {3}, refundable {4}"
              + " -> {5} refunded, {6} deducted")
  @CsvSource({
    // nothing deducted: as before
    "50.00, 0.00,  0.00,  0.00, 65.00, 50.00,  0.00",
    "50.00, 12.00, 0.00,  0.00, 65.00, 62.00,  0.00",
    "50.00, 0.00,  8.00,  0.00, 65.00, 42.00,  0.00",
    "50.00, 20.00, 0.00,  0.00, 65.00, 65.00,  0.00", // never above what is refundable
    // wrong address / unreachable / refused: the postage comes off the refund
    "50.00, 0.00,  0.00, 12.00, 65.00, 38.00, 12.00",
    "50.00, 0.00,  0.00, 20.50, 65.00, 29.50, 20.50",
    "50.00, 0.00,  8.00, 12.00, 65.00, 30.00, 12.00",
    "50.00, 0.00,  0.00, 12.00, 30.00, 18.00, 12.00", // partly refunded already
    "50.00, 0.00,  0.00, 49.99, 65.00,  0.01, 49.99",
    "50.00, 0.00,  0.00, 50.00, 65.00,  0.00, 50.00",
    "50.00, 0.00,  0.00, 80.00, 65.00,  0.00, 50.00", // never below zero
    "50.00, 0.00,  0.00, 12.00,  0.00,  0.00,  0.00", // nothing left to refund
  })
  void refund(
      String goods,
      String shopPostage,
      String gift,
      String buyerCaused,
      String refundable,
      String amount,
      String deducted) {
    WarehouseInspection.Refund r =
        WarehouseInspection.refund(
            new BigDecimal(goods),
            new BigDecimal(shopPostage),
            new BigDecimal(gift),
            new BigDecimal(buyerCaused),
            new BigDecimal(refundable));
    assertThat(r.amount()).isEqualByComparingTo(amount);
    assertThat(r.postageDeducted()).isEqualByComparingTo(deducted);
    assertThat(r.amount().signum()).isNotNegative();
    assertThat(r.amount()).isLessThanOrEqualTo(new BigDecimal(refundable));
  }
}
