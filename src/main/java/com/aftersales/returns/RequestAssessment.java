package com.aftersales.returns;

import static com.aftersales.returns.ReturnFlowVariables.*;
import static com.aftersales.returns.ReturnVariables.ASSESS_NOTE;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.shop.Order;
import com.aftersales.shop.OrderStatus;
import java.math.BigDecimal;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The start of both flows: the agent records why the buyer wants to return (or exchange), the
 * postage-liability table decides who is responsible, and the seven-day rule decides no-reason
 * requests; a refused request is explained to the buyer.
 */
@Component
class RequestAssessment {

  /** Where the parcel is when the buyer asks. */
  enum ReceiptState {
    NOT_SHIPPED,
    NOT_RECEIVED,
    RECEIVED
  }

  private final ReturnCases cases;
  private final ProductPolicies policies;
  private final ExchangeSteps exchanges;
  private final CaseTimeline timeline;
  private final Clock clock;

  RequestAssessment(
      ReturnCases cases,
      ProductPolicies policies,
      ExchangeSteps exchanges,
      CaseTimeline timeline,
      Clock clock) {
    this.cases = cases;
    this.policies = policies;
    this.exchanges = exchanges;
    this.timeline = timeline;
    this.clock = clock;
  }

  void assessReturn(DelegateTask task) {
    Order order = cases.order(task);
    Inputs.choice(task, ReturnVariables.CAUSE);
    ReceiptState state =
        order.status() == OrderStatus.PAID
            ? ReceiptState.NOT_SHIPPED
            : Inputs.choice(task, RECEIPT_STATE);
    if (state == ReceiptState.NOT_SHIPPED && order.status() != OrderStatus.PAID) {
      throw new InvalidInputException(RECEIPT_STATE, "订单已发货，不能选“未发货”；请选择买家是否已签收");
    }
    RECEIPT_STATE.set(task, state);
    ReturnCases.gift(task, order);
    Inputs.text(task, ASSESS_NOTE, 1000, false);
  }

  /**
   * After the postage-liability table: applies the seven-day rule to no-reason requests (and the
   * intact seal to no-reason exchanges) and records the verdict for the gateway.
   */
  void applyRules(DelegateExecution execution) {
    Order order = cases.order(execution);
    boolean allowed = Boolean.TRUE.equals(RETURN_ALLOWED.get(execution));
    String reason = REFUSAL_REASON.get(execution);
    boolean exchange = ReturnCases.exchange(execution);
    if (allowed && ReturnVariables.CAUSE.get(execution) == ReturnCause.BUYER_NO_REASON) {
      if (exchange && !Boolean.TRUE.equals(ExchangeVariables.SEAL_INTACT.get(execution))) {
        allowed = false;
        reason = "七天无理由换货需要商品包装密封完好";
      } else {
        ProductPolicies.Policy policy = policies.of(order.itemTitle());
        SevenDayRule.Verdict verdict =
            SevenDayRule.check(
                order.signedAt(),
                clock.instant(),
                clock.getZone(),
                policy.category(),
                policy.acceptsNoReason());
        allowed = verdict.allowed();
        reason = verdict.reason();
      }
    }
    RETURN_ALLOWED.set(execution, allowed);
    REFUSAL_REASON.set(execution, allowed ? null : reason);
    if (exchange) {
      exchanges.prepareReplacement(execution, order);
    }
    BigDecimal deducted = allowed ? deductedPostage(execution) : null;
    timeline.record(
        execution,
        allowed
            ? "可以"
                + (exchange ? "换货" : "退货")
                + "，运费由"
                + ReturnCases.payer(execution)
                + "承担"
                + (deducted == null
                    ? ""
                    : "；因买家原因（" + ReturnCases.label(execution) + "）产生的运费 " + deducted + " 元在退款时扣除")
            : "不能" + (exchange ? "换货" : "退货") + "：" + reason);
  }

  /**
   * Where the table says the buyer caused the postage (seed 001: wrong address, unreachable phone,
   * refused delivery), the amount the agent typed on the assessment is required; elsewhere none is
   * kept.
   */
  private static BigDecimal deductedPostage(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(DEDUCT_POSTAGE.get(execution))) {
      DEDUCTED_POSTAGE.set(execution, null);
      return null;
    }
    BigDecimal amount = Inputs.requiredMoney(execution, DEDUCTED_POSTAGE);
    if (amount.compareTo(ReturnCases.MAX_POSTAGE) > 0) {
      throw new InvalidInputException(DEDUCTED_POSTAGE, "运费 " + amount + " 元不合常理，请核对");
    }
    DEDUCTED_POSTAGE.set(execution, amount);
    return amount;
  }

  void checkExplanation(DelegateTask task) {
    Inputs.text(task, EXPLANATION, 1000, true);
  }
}
