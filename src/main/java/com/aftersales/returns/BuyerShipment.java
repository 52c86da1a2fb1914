package com.aftersales.returns;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.returns.ReturnFlowVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.registers.ReturnRegister;
import com.aftersales.shop.Order;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The buyer sends the goods back: the agent records the buyer's parcel; a buyer who does not ship
 * is closed as abandoned. (What the buyer is told on the way is {@link ReturnMessages}.)
 */
@Component
class BuyerShipment {

  private final ReturnCases cases;
  private final ShopBackOffice shop;
  private final ReturnRegister register;
  private final CaseTimeline timeline;

  BuyerShipment(
      ReturnCases cases, ShopBackOffice shop, ReturnRegister register, CaseTimeline timeline) {
    this.cases = cases;
    this.shop = shop;
    this.register = register;
    this.timeline = timeline;
  }

  void buyerShipped(DelegateTask task) {
    String carrier = Inputs.text(task, RETURN_CARRIER, 64, true);
    String tracking = Inputs.trackingNumber(task, RETURN_TRACKING_NUMBER);
    boolean exchange = ReturnCases.exchange(task);
    if (!exchange && !ReturnCases.decided(task)) {
      // a calling case decided the postage already; its form does not ask again
      RETURN_POSTAGE.set(task, ReturnCases.postage(task));
    }
    Order order = cases.order(task);
    cases.registerAgentPart(task, order, carrier, tracking, exchange ? "换货" : "退货退款");
    register.shipped(task.getExecution().getProcessBusinessKey(), carrier, tracking);
  }

  void closeAbandoned(DelegateExecution execution) {
    remark(execution, "买家超过时限未寄回，售后单 " + execution.getProcessBusinessKey() + " 按放弃处理");
  }

  private void remark(DelegateExecution execution, String text) {
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }
}
