package com.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseKind;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

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
}
