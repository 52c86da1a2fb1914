package com.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The proposal checks, without an engine. */
class ClaimRulesTest {

  private static final ClaimRules.Limits LIMITS =
      new ClaimRules.Limits(
          new BigDecimal("5.00"), new BigDecimal("25.00"), new BigDecimal("50.00"));

  private static ClaimRules.Proposal damage(String choice, String compensation, String refund) {
    return new ClaimRules.Proposal(
        CaseKind.DAMAGE,
        choice,
        compensation == null ? null : new BigDecimal(compensation),
        null,
        refund == null ? null : new BigDecimal(refund),
        1);
  }

  @Test
  void compensationUpToTheAgentLimitNeedsNoApproval() {
    var r = ClaimRules.check(damage("ACCEPT_COMPENSATION", "5.00", null), LIMITS, 1);
    assertThat(r.needsApproval()).isFalse();
    assertThat(r.refundAmount()).isEqualByComparingTo("5.00");
    assertThat(r.refundKind()).isEqualTo("COMPENSATION");
  }

  @Test
  void compensationAboveTheAgentLimitNeedsApproval() {
    assertThat(
            ClaimRules.check(damage("ACCEPT_COMPENSATION", "5.01", null), LIMITS, 1)
                .needsApproval())
        .isTrue();
    assertThat(
            ClaimRules.check(damage("ACCEPT_COMPENSATION", "25.00", null), LIMITS, 1)
                .needsApproval())
        .isTrue();
  }

  @Test
  void compensationAboveHalfThePriceIsRefusedEvenForASupervisor() {
    assertThatThrownBy(
            () -> ClaimRules.check(damage("ACCEPT_COMPENSATION", "25.01", null), LIMITS, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("超过封顶 25.00 元");
  }

  @Test
  void amountsMustBePositiveAndWithinWhatWasPaid() {
    assertThatThrownBy(() -> ClaimRules.check(damage("ACCEPT_COMPENSATION", "0", null), LIMITS, 1))
        .hasMessageContaining("必须大于 0 元");
    assertThatThrownBy(() -> ClaimRules.check(damage("REFUND", null, "50.01"), LIMITS, 1))
        .hasMessageContaining("超过买家实付可退金额 50.00 元");
    assertThatThrownBy(() -> ClaimRules.check(damage("REFUND", null, null), LIMITS, 1))
        .hasMessageContaining("请填写退款金额");
    assertThat(ClaimRules.check(damage("REFUND", null, "50.00"), LIMITS, 1).refundAmount())
        .isEqualByComparingTo("50");
  }

  @Test
  void choicesBelongToTheirCaseKind() {
    assertThatThrownBy(() -> ClaimRules.check(damage("KEEP_WITH_DISCOUNT", null, null), LIMITS, 1))
        .hasMessageContaining("不适用于破损售后");
    assertThatThrownBy(() -> ClaimRules.check(damage(null, null, null), LIMITS, 1))
        .hasMessageContaining("请选择");
    var wrong = new ClaimRules.Proposal(CaseKind.WRONG_ITEM, "EXCHANGE", null, null, null, 2);
    assertThat(ClaimRules.check(wrong, LIMITS, 2).reshipReason()).startsWith("换货");
    var tooMany = new ClaimRules.Proposal(CaseKind.WRONG_ITEM, "RESHIP", null, null, null, 3);
    assertThatThrownBy(() -> ClaimRules.check(tooMany, LIMITS, 2)).hasMessageContaining("1 到 2 件");
  }

  @Test
  void aReturnRefundsTheDefectiveItemsAndThePostageShareButNeverMoreThanRefundable() {
    assertThat(
            ClaimRules.returnRefund(
                new BigDecimal("40"), 1, new BigDecimal("2.00"), new BigDecimal("80")))
        .isEqualByComparingTo("42.00");
    assertThat(
            ClaimRules.returnRefund(
                new BigDecimal("40"), 2, new BigDecimal("5.00"), new BigDecimal("80")))
        .isEqualByComparingTo("80.00");
  }

  @ParameterizedTest(name = "compensation {0} + cash-back {1} -> {2}, approval {3}")
  @CsvSource({
    "2.00, 3.00, 3.00, false", // seed 001: 2 + 3, within the agent's 5
    "2.00,     , 0.00, false", // no cash-back agreed
    "2.00, 0,    0.00, false",
    "2.00, 3.01, 3.01, true", // above 5 together: a supervisor approves
    "20.00, 5.00, 5.00, true", // up to the cap of 25 together
  })
  void theCashBackCountsInTheOffersLimits(
      String compensation, String cashBack, String paidLater, boolean approval) {
    var cb =
        ClaimRules.cashBack(
            new BigDecimal(compensation),
            cashBack == null ? null : new BigDecimal(cashBack),
            LIMITS);
    assertThat(cb.amount()).isEqualByComparingTo(paidLater);
    assertThat(cb.needsApproval()).isEqualTo(approval);
  }

  @ParameterizedTest(name = "compensation {0} + cash-back {1} refused: {2}")
  @CsvSource({
    "20.00, 5.01, 超过封顶 25.00 元",
    "2.00, -1, 不能为负数",
  })
  void theCashBackIsRefusedBeyondTheCap(String compensation, String cashBack, String message) {
    assertThatThrownBy(
            () ->
                ClaimRules.cashBack(new BigDecimal(compensation), new BigDecimal(cashBack), LIMITS))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining(message);
    var smallOrder =
        new ClaimRules.Limits(new BigDecimal("5"), new BigDecimal("25"), new BigDecimal("4.00"));
    assertThatThrownBy(
            () -> ClaimRules.cashBack(new BigDecimal("2"), new BigDecimal("3"), smallOrder))
        .hasMessageContaining("超过买家实付可退金额 4.00 元");
  }

  @ParameterizedTest(name = "{1} x {0} at rate {2}: fee {3}, refund {4} -> {5}")
  @CsvSource({
    "50.00, 1, 0.2, 10.00, 50.00, 40.00", // seed 000: 20 % of the item's value
    "50.00, 2, 0.2, 20.00, 100.00, 80.00",
    "33.33, 1, 0.2, 6.67, 33.33, 26.66", // to the fen, half up
    "19.90, 3, 0.2, 11.94, 59.70, 47.76",
    "50.00, 1, 0, 0.00, 50.00, 50.00", // a table that charges nothing
    "50.00, 1, 0.2, 10.00, 10.01, 0.01", // the smallest refund that is left
  })
  void theRepairFeeIsDeductedFromTheRefund(
      String price, long count, String rate, String fee, String refund, String net) {
    BigDecimal charged = ClaimRules.repairFee(new BigDecimal(price), count, new BigDecimal(rate));
    assertThat(charged).isEqualByComparingTo(fee);
    assertThat(ClaimRules.afterRepairFee(new BigDecimal(refund), charged))
        .isEqualByComparingTo(net);
  }

  @Test
  void nothingLeftAfterTheRepairFeeIsRefusedAndARateAboveOneIsAModelError() {
    assertThatThrownBy(
            () -> ClaimRules.afterRepairFee(new BigDecimal("10.00"), new BigDecimal("10.00")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("扣除维修费 10.00 元后不剩余额");
    assertThatThrownBy(() -> ClaimRules.repairFee(BigDecimal.TEN, 1, new BigDecimal("1.5")))
        .isInstanceOf(IllegalStateException.class);
  }
}
