package com.aftersales.returns;

import static com.aftersales.returns.ReturnCallVariables.*;
import static com.aftersales.returns.ReturnFlowVariables.BOOK_COURIER_LOSS;
import static com.aftersales.returns.ReturnFlowVariables.POSTAGE_PAID_BY;
import static com.aftersales.returns.ReturnFlowVariables.RETURN_ALLOWED;

import com.aftersales.base.Money;
import com.aftersales.cases.CaseService;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.returns.PostageLiability.Payer;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Starting and ending a return: one opened on its own is a case of its own (registered, closed with
 * its end); one called by a case that decided the return (see {@link ReturnCallVariables}) belongs
 * to that case, starts at the return address and hands its outcome back.
 */
@Component
class ReturnLifecycle {

  /** The ends of the return a caller reads, by element id. */
  static final String RETURNED_END = "endEvent_returned";

  static final String NOTHING_TO_REFUND_END = "endEvent_nothingToRefund";
  static final String ABANDONED_END = "endEvent_abandoned";
  static final String REFUND_REJECTED_END = "endEvent_refundRejected";

  private final CaseService cases;
  private final CaseTimeline timeline;

  ReturnLifecycle(CaseService cases, CaseTimeline timeline) {
    this.cases = cases;
    this.timeline = timeline;
  }

  /** Start listener. */
  void start(DelegateExecution execution) {
    if (execution.getSuperExecution() == null) {
      cases.register(execution);
      RETURN_DECIDED.set(execution, false);
      return;
    }
    // the caller decided the return and the postage: no assessment, table or retention
    RETURN_DECIDED.set(execution, true);
    RETURN_ALLOWED.set(execution, true);
    BOOK_COURIER_LOSS.set(execution, false);
    BigDecimal share = Money.round(POSTAGE_REFUND.get(execution));
    POSTAGE_PAID_BY.set(execution, share.signum() > 0 ? Payer.SHOP : Payer.BUYER);
    timeline.record(
        execution,
        "买家退货："
            + RETURN_QUANTITY.get(execution)
            + " 件（"
            + ReturnCases.label(execution)
            + "），店铺承担退货运费 "
            + share
            + " 元；寄回、验货、入库和退款按退货流程办理");
  }

  /** End listener. */
  void end(DelegateExecution execution) {
    if (execution.getSuperExecution() == null) {
      cases.close(execution, ReturnCases.category(execution));
      return;
    }
    RETURN_OUTCOME.set(execution, outcome(execution.getCurrentActivityId()));
  }

  static String outcome(String endId) {
    if (ABANDONED_END.equals(endId)) {
      return NOT_SHIPPED;
    }
    if (REFUND_REJECTED_END.equals(endId)) {
      return REFUND_REJECTED;
    }
    if (RETURNED_END.equals(endId) || NOTHING_TO_REFUND_END.equals(endId)) {
      return RETURNED;
    }
    throw new IllegalStateException("a called return cannot end at " + endId);
  }
}
