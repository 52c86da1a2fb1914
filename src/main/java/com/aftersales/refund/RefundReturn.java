package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.deadlines.Deadlines;
import com.aftersales.refund.RefundApproval.Decision;
import com.aftersales.refund.RefundClocks.AnswerPath;
import com.aftersales.refund.RefundClocks.WindowClock;
import com.aftersales.refund.RefundClocks.WindowResult;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * Received, return needed: the buyer gets the return address and ships the goods back; the
 * platform's return clock runs from the buyer's shipment, and the warehouse inspects before finance
 * refunds (a failed inspection is a rejection).
 */
@Service
class RefundReturn {

  enum InspectionResult {
    PASSED,
    FAILED
  }

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;
  private final Deadlines deadlines;
  private final RefundConfig config;

  RefundReturn(
      ShopBackOffice shop, CaseTimeline timeline, Deadlines deadlines, RefundConfig config) {
    this.shop = shop;
    this.timeline = timeline;
    this.deadlines = deadlines;
    this.config = config;
  }

  void agreeReturn(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String returnAddress = config.returnAddress();
    RETURN_ADDRESS_TEXT.set(execution, returnAddress);
    shop.agreeReturn(orderId, PLATFORM_REFUND_ID.get(execution), returnAddress);
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "同意退货退款，已发送退货地址：" + returnAddress + "；等待买家寄回");
    WINDOW_RESULT.set(execution, WindowResult.RETURN_AGREED);
    timeline.record(execution, "同意退货，已发送退货地址");
  }

  void checkReturnShipment(DelegateTask task) {
    Inputs.text(task, RETURN_CARRIER, 64, true);
    Inputs.trackingNumber(task, RETURN_TRACKING_NUMBER);
    Date now = ClockUtil.getCurrentTime();
    RETURN_SHIPPED_AT.set(task, now);
    RETURN_ANSWER_DUE.set(task, deadlines.dueFrom("refundReturnAnswer", now));
  }

  void checkInspection(DelegateTask task) {
    InspectionResult result = Inputs.choice(task, INSPECTION_RESULT);
    String note = Inputs.text(task, INSPECTION_NOTE, 500, result == InspectionResult.FAILED);
    boolean passed = result == InspectionResult.PASSED;
    INSPECTION_PASSED.set(task, passed);
    if (passed) {
      ANSWER_PATH.set(task, AnswerPath.FINANCE);
      WINDOW_CLOCK.set(task, WindowClock.RETURN);
    } else {
      REFUND_DECISION.set(task, Decision.REJECT);
      FINANCE_NOTE.set(task, "验货不通过：" + note);
    }
  }
}
