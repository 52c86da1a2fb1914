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
 * The buyer sends the goods back: the return address goes out, the agent records the buyer's
 * parcel; a buyer who does not ship is reminded, then the case is closed as abandoned.
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

  void sendReturnAddress(DelegateExecution execution) {
    String text = "已发送退货地址给买家，请在包裹内附纸条写明会员名、电话和退货原因；运费由" + ReturnCases.payer(execution) + "承担";
    remark(execution, text);
  }

  void buyerShipped(DelegateTask task) {
    String carrier = Inputs.text(task, RETURN_CARRIER, 64, true);
    String tracking = Inputs.trackingNumber(task, RETURN_TRACKING_NUMBER);
    boolean exchange = ReturnCases.exchange(task);
    if (!exchange) {
      RETURN_POSTAGE.set(task, ReturnCases.postage(task));
    }
    Order order = cases.order(task);
    cases.registerAgentPart(task, order, carrier, tracking, exchange ? "换货" : "退货退款");
    register.shipped(task.getExecution().getProcessBusinessKey(), carrier, tracking);
  }

  void remindShipment(DelegateExecution execution) {
    remark(execution, "买家尚未寄回退货，已提醒买家尽快寄出并提供物流单号");
  }

  void closeAbandoned(DelegateExecution execution) {
    remark(execution, "买家超过时限未寄回，售后单 " + execution.getProcessBusinessKey() + " 按放弃处理");
  }

  private void remark(DelegateExecution execution, String text) {
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }
}
