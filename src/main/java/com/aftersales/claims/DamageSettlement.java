package com.aftersales.claims;

import static com.aftersales.cases.CaseVariables.ITEM_PRICE;
import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.cases.CaseVariables.REFUNDABLE;
import static com.aftersales.claims.ClaimVariables.OFFERED_COMPENSATION;
import static com.aftersales.claims.DamageClaimVariables.*;
import static com.aftersales.refund.RefundCallVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.shop.Order;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/**
 * The damage claim's money rules beyond the offer's limits: the good-review cash-back (好评返现) is
 * agreed with the compensation but paid only once the agent has seen the review (seed 001), and a
 * buyer who unpacked and used the goods before finding the damage gets no return and has the repair
 * fee deducted from the refund (seed 000). The rates come from the compensation standard.
 */
@Service
class DamageSettlement {

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;

  DamageSettlement(ShopBackOffice shop, CaseTimeline timeline) {
    this.shop = shop;
    this.timeline = timeline;
  }

  /**
   * End listener of the compensation standard: the repair fee the offer would deduct from a refund,
   * for the agent to see before agreeing it.
   */
  void prepareOffer(DelegateExecution execution) {
    prefillOffer(execution);
    Double rate = REPAIR_FEE_RATE.get(execution);
    if (rate == null) {
      return;
    }
    Order order = order(execution);
    REPAIR_FEE.set(
        execution,
        ClaimRules.repairFee(
            order.itemPrice(), DEFECTIVE_COUNT.get(execution, 1L), BigDecimal.valueOf(rate)));
  }

  /**
   * The offer's compensation starts at the compensation standard's suggestion and its refund at the
   * defective items' price from the order (the form's amount fields read the variables), so the
   * agent types an amount only to agree another. An amount already agreed (the offer back from a
   * supervisor) stays. Also the offer's create listener: the suggestion again when the last offer
   * was not money.
   */
  void prefillOffer(VariableScope scope) {
    BigDecimal suggested = SUGGESTED_COMPENSATION.get(scope);
    if (OFFERED_COMPENSATION.get(scope) == null && suggested != null && suggested.signum() > 0) {
      OFFERED_COMPENSATION.set(scope, suggested);
    }
    BigDecimal price = ITEM_PRICE.get(scope);
    BigDecimal refundable = REFUNDABLE.get(scope);
    if (REFUND_AMOUNT.get(scope) == null && price != null && refundable != null) {
      // a refund of the defective items, from the order: within what can still be refunded
      REFUND_AMOUNT.set(
          scope,
          price.multiply(BigDecimal.valueOf(DEFECTIVE_COUNT.get(scope, 1L))).min(refundable));
    }
  }

  /**
   * Part of checking the offer (after {@link ClaimRules#check}): the cash-back beside the
   * compensation, the repair fee off the refund. Returns whether a supervisor must approve.
   */
  boolean settle(
      DelegateTask task,
      Order order,
      ClaimRules.Limits limits,
      ClaimRules.Resolution r,
      BigDecimal repairFeeRate) {
    boolean used = Inputs.flag(task, BUYER_UNPACKED_USED);
    BUYER_UNPACKED_USED.set(task, used);
    BigDecimal cashBack = null;
    boolean needsApproval = r.needsApproval();
    BigDecimal fee = null;
    switch (r.choice()) {
      case ACCEPT_COMPENSATION -> {
        ClaimRules.CashBack cb =
            ClaimRules.cashBack(r.refundAmount(), Inputs.money(task, OFFERED_CASH_BACK), limits);
        cashBack = cb.amount();
        needsApproval = cb.needsApproval();
      }
      case RETURN -> {
        if (used) {
          throw new InvalidInputException(
              BUYER_UNPACKED_USED, "买家自行拆封使用后才发现的损坏不接受退货：可退款（扣维修费）、补发或补偿");
        }
      }
      case REFUND -> {
        if (used) {
          fee =
              ClaimRules.repairFee(order.itemPrice(), DEFECTIVE_COUNT.get(task, 1L), repairFeeRate);
          BigDecimal net = ClaimRules.afterRepairFee(r.refundAmount(), fee);
          REFUND_AMOUNT.set(task, net);
          REFUND_REASON.set(
              task,
              r.refundReason()
                  + "（买家自行拆封使用，扣维修费 "
                  + fee
                  + " 元："
                  + r.refundAmount()
                  + " − "
                  + fee
                  + " = "
                  + net
                  + " 元）");
        }
      }
      default -> {}
    }
    if (r.choice() != BuyerChoice.ACCEPT_COMPENSATION && OFFERED_COMPENSATION.get(task) != null) {
      // the suggestion filled in, not agreed: kept off the timeline and the approval
      OFFERED_COMPENSATION.set(task, null);
    }
    boolean pending = cashBack != null && cashBack.signum() > 0;
    OFFERED_CASH_BACK.set(task, pending ? cashBack : null);
    CASH_BACK_PENDING.set(task, pending);
    REPAIR_FEE.set(task, fee);
    if (pending) {
      timeline.record(
          task.getExecution(), "约定补偿 " + r.refundAmount() + " 元；好评返现 " + cashBack + " 元待核实买家好评后发放");
    }
    if (fee != null) {
      timeline.record(
          task.getExecution(),
          "买家自行拆封使用后发现损坏：退款 "
              + r.refundAmount()
              + " 元扣除维修费 "
              + fee
              + " 元，实退 "
              + REFUND_AMOUNT.get(task)
              + " 元");
    }
    return needsApproval;
  }

  /** Complete listener of "确认买家已好评": seen or not, and a word on it when not. */
  void checkReview(DelegateTask task) {
    boolean seen = Inputs.flag(task, GOOD_REVIEW_CONFIRMED);
    GOOD_REVIEW_CONFIRMED.set(task, seen);
    Inputs.text(task, REVIEW_NOTE, 500, !seen);
    if (seen) {
      timeline.record(
          task.getExecution(), "已核实买家好评，好评返现 " + OFFERED_CASH_BACK.get(task) + " 元交财务发放");
    }
  }

  /** The review is late: the agent is told on the case and in the internal remark. */
  void remindReview(DelegateExecution execution) {
    String text = "好评返现 " + OFFERED_CASH_BACK.get(execution) + " 元：尚未核实到买家好评，请查看评价";
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }

  /** No review (the agent found none, or the wait ran out): no cash-back, and it is recorded. */
  void recordNoCashBack(DelegateExecution execution) {
    String text =
        "未见买家好评，好评返现 "
            + OFFERED_CASH_BACK.get(execution)
            + " 元不发放"
            + (REVIEW_NOTE.get(execution) == null ? "" : "：" + REVIEW_NOTE.get(execution));
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }

  private Order order(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    return shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
  }

  /** A rate the decision table gave (a number), or zero when the table has none. */
  static BigDecimal rate(Object decisionOutput) {
    return decisionOutput == null ? BigDecimal.ZERO : new BigDecimal(decisionOutput.toString());
  }
}
