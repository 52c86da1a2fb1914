package com.aftersales.returns;

import static com.aftersales.cases.CaseVariables.*;
import static com.aftersales.returns.ReturnFlowVariables.*;

import com.aftersales.base.Money;
import com.aftersales.cases.BuyerMessages;
import com.aftersales.cases.CannedReplies;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.cases.ReturnAddress;
import com.aftersales.returns.PostageLiability.Payer;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What a return or exchange tells the buyer, worded with the case's values and put on the agent's
 * form: why the request cannot be accepted, where to send the goods (and who bears the postage),
 * and a reminder when the parcel is late. The agent sends each in Qianniu and confirms it; see
 * {@link BuyerMessages}. Nothing here writes that the buyer was told before the agent confirmed.
 */
@Component
class ReturnMessages {

  private final BuyerMessages messages;
  private final ShopBackOffice shop;
  private final CaseTimeline timeline;
  private final ReturnAddress returnAddress;

  ReturnMessages(
      BuyerMessages messages,
      ShopBackOffice shop,
      CaseTimeline timeline,
      ReturnAddress returnAddress) {
    this.messages = messages;
    this.shop = shop;
    this.timeline = timeline;
    this.returnAddress = returnAddress;
  }

  /** Create listener of explaining a refusal: the rules' reason, in the buyer's words. */
  void prepareRefusal(DelegateTask task) {
    messages.prepare(
        task,
        CannedReplies.refusal(
            what(task), ORDER_ID.get(task), ITEM_TITLE.get(task), REFUSAL_REASON.get(task)));
  }

  /**
   * The request is accepted and the goods come back: the address is handed to the agent (it was the
   * remark "sent" before anything was). Cases of earlier releases read the address here.
   */
  void returnAccepted(DelegateExecution execution) {
    String address = returnAddress.returnAddress();
    RETURN_ADDRESS_TEXT.set(execution, address);
    remark(
        execution,
        "同意"
            + what(execution)
            + "，待客服在千牛把退货地址发给买家（"
            + address
            + "），请买家附纸条写明会员名、电话和退货原因；运费由"
            + ReturnCases.payer(execution)
            + "承担");
  }

  /** Create listener of waiting for the parcel: the address, due when the case gives up. */
  void prepareReturnAddress(DelegateTask task) {
    String address = returnAddress.returnAddress();
    RETURN_ADDRESS_TEXT.set(task, address);
    messages.prepareOnce(
        task,
        MessagePurpose.RETURN_ADDRESS,
        CannedReplies.returnAddress(
            ORDER_ID.get(task),
            ITEM_TITLE.get(task),
            address,
            postage(task),
            messages.when(task.getDueDate())));
  }

  /**
   * Create listener of keeping the sale: where the buyer caused the postage (seed 001), the agent
   * tells the buyer it is taken off the refund.
   */
  void prepareDeduction(DelegateTask task) {
    if (!Boolean.TRUE.equals(DEDUCT_POSTAGE.get(task))) {
      return;
    }
    messages.prepare(
        task,
        CannedReplies.postageDeduction(
            ORDER_ID.get(task),
            ITEM_TITLE.get(task),
            ReturnCases.label(task),
            Money.round(DEDUCTED_POSTAGE.get(task)).toPlainString()));
  }

  /** The parcel is late: a reminder goes onto the open waiting task for the agent to send. */
  void remindShipment(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String item = ITEM_TITLE.get(execution);
    String address = returnAddress.returnAddress();
    boolean added =
        messages.prepareReminder(
            execution,
            AWAIT_SHIPMENT_TASK,
            due -> CannedReplies.returnReminder(orderId, item, address, messages.when(due)));
    String text = "买家尚未寄回退货" + (added ? "，提醒买家的话已交给客服在千牛发送" : "");
    shop.addRemark(orderId, RemarkColumn.INTERNAL, text);
    if (!added) {
      timeline.record(execution, text);
    }
  }

  private void remark(DelegateExecution execution, String text) {
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }

  private static String what(VariableScope scope) {
    return ReturnCases.exchange(scope) ? "换货" : "退货";
  }

  private static String postage(VariableScope scope) {
    if (ReturnCases.decided(scope)) {
      BigDecimal share = Money.round(ReturnCallVariables.POSTAGE_REFUND.get(scope));
      return share.signum() > 0
          ? "寄回的运费请您先垫付，其中 " + share.toPlainString() + " 元由我们承担，会和货款一起退给您。"
          : "寄回的运费需要您自己承担哦，请选择寄付，不要到付。";
    }
    return POSTAGE_PAID_BY.get(scope) == Payer.BUYER
        ? "寄回的运费需要您自己承担哦，请选择寄付，不要到付。"
        : "寄回的运费请您先垫付，寄出后把运费金额告诉我们，我们会退还给您。";
  }
}
