package com.aftersales.returns;

import static com.aftersales.cases.CaseVariables.ITEM_TITLE;
import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundCallVariables.*;
import static com.aftersales.returns.ReturnFlowVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.Money;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.cases.TaskEscalation;
import com.aftersales.registers.ReturnRegister;
import com.aftersales.returns.PostageLiability.Payer;
import com.aftersales.shop.Order;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The parcel reaches the warehouse: it is inspected (and the refund of a return worked out),
 * escalated when it takes too long to arrive, and put back on sale when it can be sold again.
 */
@Component
class WarehouseInspection {

  private final ReturnCases cases;
  private final ShopBackOffice shop;
  private final ReturnRegister register;
  private final CaseTimeline timeline;
  private final TaskEscalation escalation;

  WarehouseInspection(
      ReturnCases cases,
      ShopBackOffice shop,
      ReturnRegister register,
      CaseTimeline timeline,
      TaskEscalation escalation) {
    this.cases = cases;
    this.shop = shop;
    this.register = register;
    this.timeline = timeline;
    this.escalation = escalation;
  }

  void inspect(DelegateTask task) {
    Order order = cases.order(task);
    long parcels = Inputs.number(task, PARCELS, 1, 99);
    boolean matches = Inputs.flag(task, MATCHES_CASE);
    boolean transit = Inputs.flag(task, TRANSIT_DAMAGE);
    boolean resaleable = Inputs.flag(task, RESALEABLE);
    boolean giftIncluded = Boolean.TRUE.equals(GIFT_INCLUDED.get(task));
    Boolean giftReturned = giftIncluded ? Inputs.flag(task, GIFT_RETURNED) : null;
    String note = Inputs.text(task, INSPECTION_NOTE, 1000, !matches || transit);
    MATCHES_CASE.set(task, matches);
    TRANSIT_DAMAGE.set(task, transit);
    RESALEABLE.set(task, resaleable);
    GIFT_RETURNED.set(task, giftReturned);
    String caseId = task.getExecution().getProcessBusinessKey();
    register.warehousePart(
        caseId,
        new ReturnRegister.WarehousePart(
            CaseTimeline.actor(task),
            (int) parcels,
            matches,
            transit,
            resaleable,
            giftReturned,
            note));
    if (!ReturnCases.exchange(task)) {
      Refund refund = refundFor(task, order, giftIncluded && !Boolean.TRUE.equals(giftReturned));
      REFUND_AMOUNT.set(task, refund.amount());
      REFUND_KIND.set(task, "RETURN");
      REFUND_REASON.set(
          task,
          "退货退款（"
              + ReturnCases.label(task)
              + "）"
              + (refund.postageDeducted().signum() > 0
                  ? "；已扣除买家原因产生的运费 " + refund.postageDeducted() + " 元"
                  : "")
              + (matches ? "" : "；验货与售后单不符：" + note));
      register.total(caseId, refund.amount());
      if (refund.postageDeducted().signum() > 0) {
        register.postageDeducted(caseId, refund.postageDeducted());
        timeline.record(
            task.getExecution(),
            "退款 "
                + refund.amount()
                + " 元：已扣除买家原因（"
                + ReturnCases.label(task)
                + "）产生的运费 "
                + refund.postageDeducted()
                + " 元");
      }
    }
    if (Boolean.TRUE.equals(BOOK_COURIER_LOSS.get(task))) {
      LOSS_AMOUNT.set(task, order.itemPrice().multiply(BigDecimal.valueOf(order.quantity())));
    }
  }

  /** A return's refund, and how much of the postage the buyer caused was taken off it. */
  record Refund(BigDecimal amount, BigDecimal postageDeducted) {}

  /**
   * The refund of a return: the goods, plus the return postage the shop bears, less the gift when
   * it did not come back, never more than is still refundable; then less the postage the buyer
   * caused (seed 001), never below zero.
   */
  static Refund refund(
      BigDecimal goods,
      BigDecimal shopPostage,
      BigDecimal giftDeduction,
      BigDecimal buyerCausedPostage,
      BigDecimal refundable) {
    BigDecimal before =
        goods.add(shopPostage).subtract(giftDeduction).max(BigDecimal.ZERO).min(refundable);
    BigDecimal amount = before.subtract(buyerCausedPostage).max(BigDecimal.ZERO);
    return new Refund(Money.round(amount), Money.round(before.subtract(amount)));
  }

  private Refund refundFor(VariableScope scope, Order order, boolean deductGift) {
    long pieces = ReturnCallVariables.RETURN_QUANTITY.get(scope, (long) order.quantity());
    BigDecimal goods = order.itemPrice().multiply(BigDecimal.valueOf(pieces));
    BigDecimal gift = deductGift ? Money.round(GIFT_VALUE.get(scope)) : BigDecimal.ZERO;
    BigDecimal deducted =
        Boolean.TRUE.equals(DEDUCT_POSTAGE.get(scope))
            ? Money.round(DEDUCTED_POSTAGE.get(scope))
            : BigDecimal.ZERO;
    return refund(goods, shopPostage(scope), gift, deducted, order.refundable());
  }

  /**
   * The return postage the shop refunds: what a calling case decided, else what the buyer advanced
   * when the shop bears it.
   */
  private static BigDecimal shopPostage(VariableScope scope) {
    if (ReturnCases.decided(scope)) {
      return Money.round(ReturnCallVariables.POSTAGE_REFUND.get(scope, BigDecimal.ZERO));
    }
    return POSTAGE_PAID_BY.get(scope) == Payer.SHOP
        ? Money.round(RETURN_POSTAGE.get(scope))
        : BigDecimal.ZERO;
  }

  void escalateReceipt(DelegateExecution execution) {
    escalation.escalate(execution, RECEIVE_TASK, "退货寄出已久仍未签收，平台将在买家寄出10天后自动退款，已升级给客服主管");
  }

  void restock(DelegateExecution execution) {
    register.restocked(execution.getProcessBusinessKey());
    String text = "退回商品验货完好，已入库上架：" + ITEM_TITLE.get(execution);
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.SHIPPING, text);
    timeline.record(execution, text);
  }
}
