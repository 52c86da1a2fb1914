package com.aftersales.returns;

import static com.aftersales.refund.RefundCallVariables.*;
import static com.aftersales.returns.ExchangeVariables.*;
import static com.aftersales.returns.ReturnFlowVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Money;
import com.aftersales.returns.PostageLiability.CauseGroup;
import com.aftersales.returns.RequestAssessment.ReceiptState;
import com.aftersales.shop.Order;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The steps only an exchange has: its own assessment (the seal, the replacement, allergy details,
 * the buyer's risk), what the replacement and the postage refund need once the rules allow it, and
 * collecting the postage a buyer bears.
 */
@Component
class ExchangeSteps {

  private final ReturnCases cases;

  ExchangeSteps(ReturnCases cases) {
    this.cases = cases;
  }

  void assessExchange(DelegateTask task) {
    Order order = cases.order(task);
    ReturnCause cause = Inputs.choice(task, CAUSE);
    SEAL_INTACT.set(task, Inputs.flag(task, SEAL_INTACT));
    BADLY_DAMAGED.set(task, Inputs.flag(task, BADLY_DAMAGED));
    String replacement = Inputs.text(task, REPLACEMENT_ITEM, 200, false);
    REPLACEMENT_ITEM.set(task, replacement == null ? order.itemTitle() : replacement);
    if (cause == ReturnCause.BUYER_ALLERGY) {
      Inputs.text(task, SKIN_TYPE, 100, true);
      Inputs.text(task, BUYER_AGE, 50, true);
      Inputs.text(task, BUYER_REGION, 100, true);
      Inputs.text(task, USAGE, 500, true);
    }
    boolean insists = Inputs.flag(task, BUYER_INSISTS_ON_PRODUCT);
    BUYER_INSISTS_ON_PRODUCT.set(task, insists);
    boolean acknowledged = Inputs.flag(task, RISK_ACKNOWLEDGED);
    if (insists && !acknowledged) {
      throw new InvalidInputException(
          RISK_ACKNOWLEDGED, "买家坚持要指定商品时，须告知再次出现问题由买家自行承担，并勾选“买家已知晓风险”");
    }
    RISK_ACKNOWLEDGED.set(task, acknowledged);
    RETURN_POSTAGE.set(task, ReturnCases.postage(task));
    RECEIPT_STATE.set(task, ReceiptState.RECEIVED);
    ReturnCases.gift(task, order);
  }

  /**
   * Once the rules have run: whether the goods must come back, what the reship sends, and the
   * refund of the postage the buyer advanced (paid only when the shop bears it).
   */
  void prepareReplacement(DelegateExecution execution, Order order) {
    boolean courier = CAUSE_GROUP.get(execution) == CauseGroup.COURIER;
    MUST_RETURN.set(execution, !(courier && Boolean.TRUE.equals(BADLY_DAMAGED.get(execution))));
    RESHIP_ITEMS.set(execution, REPLACEMENT_ITEM.get(execution));
    // a calling case says how many and why; an exchange of its own replaces the whole order
    RESHIP_QUANTITY.set(execution, RESHIP_QUANTITY.get(execution, (long) order.quantity()));
    if (RESHIP_REASON.get(execution) == null) {
      RESHIP_REASON.set(execution, "换货：" + ReturnCases.label(execution));
    }
    BigDecimal postage = Money.round(RETURN_POSTAGE.get(execution));
    REFUND_AMOUNT.set(execution, postage);
    REFUND_KIND.set(execution, "POSTAGE");
    REFUND_REASON.set(execution, "换货：退还买家垫付的退货运费 " + postage + " 元");
  }

  /**
   * Start of the exchange: true when another case called it (a wrong item sent back). The caller
   * handed in the cause, the replacement and the postage; the case stays the caller's.
   */
  boolean openedByCase(DelegateExecution execution) {
    boolean called = execution.getSuperExecution() != null;
    CALLED_BY_CASE.set(execution, called);
    if (called) {
      RETURN_POSTAGE.set(execution, ReturnCases.postage(execution));
      RECEIPT_STATE.set(execution, ReceiptState.RECEIVED);
    }
    return called;
  }

  /**
   * End of the exchange: for a calling case, where it ended (the caller reads it back and closes
   * its own case); false for an exchange case of its own.
   */
  boolean closedForCase(DelegateExecution execution) {
    if (!Boolean.TRUE.equals(CALLED_BY_CASE.get(execution))) {
      return false;
    }
    String end = execution.getCurrentActivityId();
    ExchangeCallVariables.EXCHANGE_OUTCOME.set(
        execution, end != null && end.startsWith("endEvent_") ? end.substring(9) : end);
    return true;
  }

  void checkPostageCollected(DelegateTask task) {
    if (!Inputs.flag(task, POSTAGE_COLLECTED)) {
      throw new InvalidInputException(POSTAGE_COLLECTED, "换货运费由买家承担，请先收取运费再完成此任务");
    }
    Inputs.requiredMoney(task, COLLECTED_POSTAGE);
  }
}
