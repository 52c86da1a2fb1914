package com.aftersales.claims;

import static com.aftersales.cases.CaseVariables.QUANTITY;
import static com.aftersales.claims.DamageClaimVariables.COURIER_AT_FAULT;
import static com.aftersales.claims.DamageClaimVariables.DEFECTIVE_COUNT;
import static com.aftersales.claims.DamageClaimVariables.SHOP_POSTAGE_SHARE;
import static com.aftersales.refund.RefundCallVariables.REFUND_AMOUNT;
import static com.aftersales.returns.ReturnCallVariables.*;

import com.aftersales.base.Money;
import com.aftersales.cases.CaseTimeline;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * A damage claim's return goes through the return flow ({@code bpmn/return.bpmn}): the claim hands
 * over what it decided (the defective pieces, why, and the postage the shop bears under the 13-yuan
 * rule) and reads back how the return ended.
 */
@Component
class ClaimReturns {

  /** The return's causes for a damaged item (names of the return's causes and groups). */
  static final String COURIER_DAMAGE = "COURIER_DAMAGE";

  static final String COURIER = "COURIER";
  static final String QUALITY = "QUALITY";

  private final CaseTimeline timeline;

  ClaimReturns(CaseTimeline timeline) {
    this.timeline = timeline;
  }

  /** Start listener of the call: what the return reads. */
  void handOver(DelegateExecution execution) {
    boolean courier = Boolean.TRUE.equals(COURIER_AT_FAULT.get(execution));
    RETURN_DECIDED.set(execution, true);
    RETURN_CAUSE.set(execution, courier ? COURIER_DAMAGE : QUALITY);
    RETURN_CAUSE_GROUP.set(execution, courier ? COURIER : QUALITY);
    RETURN_QUANTITY.set(execution, DEFECTIVE_COUNT.get(execution, QUANTITY.get(execution)));
    POSTAGE_REFUND.set(execution, Money.round(SHOP_POSTAGE_SHARE.get(execution)));
  }

  /** End listener of the call: the return's outcome on the claim's timeline. */
  void recordOutcome(DelegateExecution execution) {
    String outcome = RETURN_OUTCOME.get(execution);
    String text;
    if (RETURNED.equals(outcome)) {
      text = "退货已退回仓库并验货，退款 " + Money.round(REFUND_AMOUNT.get(execution)) + " 元已同意";
    } else if (NOT_SHIPPED.equals(outcome)) {
      text = "买家超过时限未寄回退货，退货关闭";
    } else if (REFUND_REJECTED.equals(outcome)) {
      text = "退货已退回仓库，退款被驳回";
    } else {
      throw new IllegalStateException("unknown return outcome " + outcome);
    }
    timeline.record(execution, "退货结果：" + text);
  }
}
