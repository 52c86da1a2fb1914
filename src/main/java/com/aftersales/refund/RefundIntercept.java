package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.refund.RefundClocks.AnswerPath;
import com.aftersales.refund.RefundClocks.WindowClock;
import com.aftersales.refund.RefundClocks.WindowResult;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * Shipped, not received: the warehouse intercepts the parcel; when it cannot be recovered in time
 * the agent rejects with evidence and the buyer files again once the parcel has come back.
 */
@Service
class RefundIntercept {

  enum InterceptOutcome {
    RECOVERED,
    NOT_RECOVERABLE
  }

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;

  RefundIntercept(ShopBackOffice shop, CaseTimeline timeline) {
    this.shop = shop;
    this.timeline = timeline;
  }

  void checkIntercept(DelegateTask task) {
    InterceptOutcome outcome = Inputs.choice(task, INTERCEPT_OUTCOME);
    Inputs.text(task, INTERCEPT_NOTE, 500, outcome == InterceptOutcome.NOT_RECOVERABLE);
  }

  void checkNotRecoverable(DelegateTask task) {
    Inputs.text(task, REJECT_EXPLANATION, 1000, true);
    Inputs.text(task, REJECT_EVIDENCE, 500, true);
    WINDOW_RESULT.set(task, WindowResult.REJECTED_IN_TRANSIT);
  }

  void rejectInTransit(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String explanation = REJECT_EXPLANATION.get(execution);
    String evidence = REJECT_EVIDENCE.get(execution);
    shop.rejectRefund(
        orderId, PLATFORM_REFUND_ID.get(execution), explanation + "（凭证：" + evidence + "）");
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "包裹未能及时追回，已拒绝退款并举证：" + explanation + "（凭证：" + evidence + "）；包裹退回后请买家再次申请");
    timeline.record(execution, "已拒绝并举证，等待买家在包裹退回后再次申请：" + explanation);
  }

  /** The buyer filed again: finance decides under the shipped order's clock. */
  void refiled(DelegateExecution execution) {
    ANSWER_PATH.set(execution, AnswerPath.FINANCE);
    WINDOW_CLOCK.set(execution, WindowClock.SHIPPED);
    timeline.record(execution, "买家再次申请退款（包裹已退回）");
  }
}
