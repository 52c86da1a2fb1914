package com.aftersales.returns;

import static com.aftersales.refund.RefundCallVariables.*;
import static com.aftersales.returns.ReturnFlowVariables.*;
import static com.aftersales.returns.ReturnVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.returns.RequestAssessment.ReceiptState;
import com.aftersales.shop.Order;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * A return the rules allow: the agent tries to keep the sale (a price difference is refunded); a
 * buyer who insists is refunded at once when nothing was shipped, else is registered for the
 * return.
 */
@Component
class Retention {

  enum RetentionOffer {
    REDIRECT,
    WAIT,
    PRICE_DIFFERENCE,
    SMALL_GIFT,
    NONE
  }

  enum RetentionOutcome {
    RETAINED,
    INSISTS
  }

  private final ReturnCases cases;

  Retention(ReturnCases cases) {
    this.cases = cases;
  }

  void retention(DelegateTask task) {
    Order order = cases.order(task);
    RetentionOffer offer = Inputs.choice(task, RETENTION_OFFER);
    RetentionOutcome outcome = Inputs.choice(task, RETENTION_OUTCOME);
    Inputs.text(task, RETENTION_NOTE, 1000, offer != RetentionOffer.NONE);
    BigDecimal difference = Inputs.money(task, PRICE_DIFFERENCE);
    if (outcome == RetentionOutcome.RETAINED && offer == RetentionOffer.PRICE_DIFFERENCE) {
      if (difference == null || difference.signum() <= 0) {
        throw new InvalidInputException(PRICE_DIFFERENCE, "请填写退给买家的差价金额");
      }
      if (difference.compareTo(order.refundable()) > 0) {
        throw new InvalidInputException(
            PRICE_DIFFERENCE, "差价 " + difference + " 元超过买家实付可退金额 " + order.refundable() + " 元");
      }
    } else {
      difference = BigDecimal.ZERO;
    }
    PRICE_DIFFERENCE.set(task, difference);
    if (difference.signum() > 0) {
      REFUND_AMOUNT.set(task, difference);
      REFUND_KIND.set(task, "PRICE_DIFFERENCE");
      REFUND_REASON.set(task, "挽留成功，退还差价");
    }
    if (outcome == RetentionOutcome.INSISTS) {
      ReceiptState state = RECEIPT_STATE.get(task);
      if (state == ReceiptState.NOT_SHIPPED) {
        REFUND_AMOUNT.set(task, order.refundable());
        REFUND_KIND.set(task, "REFUND");
        REFUND_REASON.set(task, "未发货，买家坚持退款");
      } else {
        boolean courierReturns = state == ReceiptState.NOT_RECEIVED;
        cases.registerAgentPart(
            task,
            order,
            courierReturns ? order.carrier() : null,
            courierReturns ? order.trackingNumber() : null,
            "退货退款");
      }
    }
  }
}
