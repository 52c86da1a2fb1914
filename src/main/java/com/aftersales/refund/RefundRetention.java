package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundVariables.*;
import static com.aftersales.refund.RefundWording.caseRef;

import com.aftersales.base.Inputs;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.refund.RefundCase.Outcome;
import com.aftersales.refund.RefundClocks.WindowResult;
import com.aftersales.shop.Flag;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/**
 * Not shipped yet: the agent tries to keep the sale; if the buyer agrees the warehouse ships at
 * once and the buyer withdraws the request, otherwise finance decides.
 */
@Service
class RefundRetention {

  enum RetainOutcome {
    KEPT,
    REFUND
  }

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;

  RefundRetention(ShopBackOffice shop, CaseTimeline timeline) {
    this.shop = shop;
    this.timeline = timeline;
  }

  void checkRetainSale(DelegateTask task) {
    RetainOutcome outcome = Inputs.choice(task, RETAIN_OUTCOME);
    Inputs.text(task, RETAIN_NOTE, 500, true);
    RETAIN_OUTCOME.set(task, outcome);
  }

  void checkKeptShipment(DelegateTask task) {
    Inputs.text(task, SHIP_CARRIER, 64, true);
    Inputs.trackingNumber(task, SHIP_TRACKING_NUMBER);
  }

  void withdrawRequest(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String carrier = SHIP_CARRIER.get(execution);
    String tracking = SHIP_TRACKING_NUMBER.get(execution);
    shop.shipOrder(orderId, carrier, tracking);
    shop.setFlag(orderId, Flag.PURPLE, "退款申请已撤销：挽留成功，已发货" + caseRef(execution));
    shop.addRemark(orderId, RemarkColumn.SHIPPING, "挽留成功，已发货 " + carrier + " " + tracking);
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "挽留成功：" + RETAIN_NOTE.get(execution) + "；已发货 " + carrier + " " + tracking + "，买家撤销退款申请");
    WINDOW_RESULT.set(execution, WindowResult.SALE_KEPT);
    REFUND_OUTCOME.set(execution, Outcome.WITHDRAWN);
    timeline.record(execution, "挽留成功，已发货 " + carrier + " " + tracking + "，退款申请撤销");
  }
}
