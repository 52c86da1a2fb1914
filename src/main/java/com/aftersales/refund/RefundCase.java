package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.DESCRIPTION;
import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseService;
import com.aftersales.shop.Order;
import com.aftersales.shop.OrderStatus;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Opening and closing a refund: one opened on its own (API or Tasklist) is a case of its own,
 * checked against the trade state before anything is written; one called by a claim, return or
 * exchange belongs to that case, which reads {@code refundOutcome} when the refund ends.
 */
@Service
class RefundCase {

  /** What the refund ended with; the calling case reads it. */
  enum Outcome {
    NONE,
    PENDING,
    AGREED,
    REJECTED,
    WITHDRAWN,
    CLOSED
  }

  /** Who paid the refund back when it was agreed. */
  enum Settlement {
    FINANCE,
    TRANSFER,
    PLATFORM,
    BACK_OFFICE
  }

  private final ShopBackOffice shop;
  private final CaseService cases;

  RefundCase(ShopBackOffice shop, CaseService cases) {
    this.shop = shop;
    this.cases = cases;
  }

  /**
   * Start listener: registers a standalone refund as a case, after checking the order can be
   * refunded the amount asked (the whole refundable amount when none is given).
   */
  void registerStandalone(DelegateExecution execution) {
    if (execution.getSuperExecution() != null) {
      return;
    }
    cases.register(execution);
    String orderId = ORDER_ID.get(execution);
    Order order = shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    if (order.status() == OrderStatus.WAITING_PAYMENT) {
      throw new InvalidInputException(ORDER_ID, "订单 " + orderId + " 买家还没有付款，没有可退的钱");
    }
    if (order.status() == OrderStatus.CLOSED) {
      throw new InvalidInputException(ORDER_ID, "订单 " + orderId + " 交易已关闭，不能再退款");
    }
    BigDecimal refundable = order.refundable();
    if (refundable.signum() <= 0) {
      throw new InvalidInputException(ORDER_ID, "订单 " + orderId + " 已全额退款，没有可退金额");
    }
    BigDecimal amount = Inputs.money(execution, REFUND_AMOUNT);
    if (amount == null) {
      amount = refundable;
    }
    if (amount.signum() <= 0) {
      throw new InvalidInputException(REFUND_AMOUNT, "退款金额必须大于 0 元");
    }
    if (amount.compareTo(refundable) > 0) {
      throw new InvalidInputException(
          REFUND_AMOUNT, "退款金额 " + amount + " 元超过可退金额 " + refundable + " 元（不能多于买家实付）");
    }
    TradeState state = TradeState.of(order);
    if (state == TradeState.NOT_RECEIVED && amount.compareTo(refundable) != 0) {
      throw new InvalidInputException(
          REFUND_AMOUNT, "已发货未收货只能整单退款（" + refundable + " 元），不能只退邮费、优惠或部分金额");
    }
    boolean returnRequired = Inputs.flag(execution, RETURN_REQUIRED);
    if (returnRequired && state != TradeState.RECEIVED) {
      throw new InvalidInputException(
          RETURN_REQUIRED, "订单当前“" + state.label + "”，买家手上没有货，不需要退货；请取消“需要买家退货”");
    }
    String platformRefundId = Inputs.text(execution, PLATFORM_REFUND_ID, 32, false);
    if (platformRefundId != null && !platformRefundId.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidInputException(
          PLATFORM_REFUND_ID, "平台退款编号 “" + platformRefundId + "” 格式不对：应为数字");
    }
    PLATFORM_REFUND_ID.set(execution, platformRefundId);
    REFUND_AMOUNT.set(execution, amount);
    REFUND_KIND.set(execution, "REFUND");
    REFUND_REASON.set(execution, DESCRIPTION.get(execution));
    RETURN_REQUIRED.set(execution, returnRequired);
  }

  /** End listener: the outcome of ends that have no step of their own, and the register row. */
  void closeStandalone(DelegateExecution execution) {
    String end = execution.getCurrentActivityId();
    if (NOT_REFILED_END.equals(end)) {
      REFUND_OUTCOME.set(execution, Outcome.REJECTED);
    } else if (RETURN_NOT_SHIPPED_END.equals(end)) {
      REFUND_OUTCOME.set(execution, Outcome.WITHDRAWN);
    }
    if (execution.getSuperExecution() == null) {
      Outcome outcome = REFUND_OUTCOME.get(execution);
      Settlement settlement = REFUND_SETTLEMENT.get(execution);
      cases.close(
          execution,
          outcome == null ? null : outcome + (settlement == null ? "" : "/" + settlement));
    }
  }
}
