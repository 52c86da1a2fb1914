package com.aftersales.claims;

import static com.aftersales.cases.CaseVariables.*;
import static com.aftersales.claims.ClaimVariables.COLLECT_EVIDENCE_TASK;

import com.aftersales.cases.BuyerMessages;
import com.aftersales.cases.CannedReplies;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.cases.ReturnAddress;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the claims tell the buyer, worded with the case's values and put on the agent's form: the
 * request for photos (and the reminder when they are late), the return address, and why a wrong
 * item turned out to be no mistake of ours. The agent sends each in Qianniu and confirms it; see
 * {@link BuyerMessages}.
 */
@Component
class ClaimMessages {

  private final BuyerMessages messages;
  private final ShopBackOffice shop;
  private final CaseTimeline timeline;
  private final ReturnAddress returnAddress;

  ClaimMessages(
      BuyerMessages messages,
      ShopBackOffice shop,
      CaseTimeline timeline,
      ReturnAddress returnAddress) {
    this.messages = messages;
    this.shop = shop;
    this.timeline = timeline;
    this.returnAddress = returnAddress;
  }

  /** Create listener of the evidence task: the request, due when the claim gives up waiting. */
  void prepareEvidenceRequest(DelegateTask task) {
    messages.prepare(
        task,
        CannedReplies.evidenceRequest(
            kindOf(task),
            ORDER_ID.get(task),
            ITEM_TITLE.get(task),
            messages.when(task.getDueDate())));
  }

  /**
   * The photos are late: the reminder goes onto the open evidence task for the agent to send. The
   * order's remark says it waits for the agent, never that the buyer was reminded.
   */
  void remindBuyer(DelegateExecution execution) {
    CaseKind kind = kindOf(execution);
    String orderId = ORDER_ID.get(execution);
    String item = ITEM_TITLE.get(execution);
    boolean added =
        messages.prepareReminder(
            execution,
            COLLECT_EVIDENCE_TASK,
            due -> CannedReplies.evidenceReminder(kind, orderId, item, messages.when(due)));
    String text = "凭证超过时限未收到" + (added ? "，提醒买家的话已交给客服在千牛发送" : "");
    shop.addRemark(orderId, RemarkColumn.INTERNAL, text);
    if (!added) {
      timeline.record(execution, text);
    }
  }

  /** Create listener of arranging the return: the address, unless the buyer already has it. */
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
            "退货运费请您先垫付，13 元以内由我们承担（运费险已赔付的部分除外），寄出前请告诉我们运费金额。",
            ""));
  }

  /** Create listener of explaining a verified shipment: no mistake was found. */
  void prepareExplanation(DelegateTask task) {
    messages.prepare(
        task, CannedReplies.shippedAsOrdered(ORDER_ID.get(task), ITEM_TITLE.get(task)));
  }

  private static CaseKind kindOf(VariableScope scope) {
    return CaseKind.valueOf(CASE_KIND.get(scope));
  }
}
