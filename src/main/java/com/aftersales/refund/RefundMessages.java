package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.CARRIER;
import static com.aftersales.cases.CaseVariables.ITEM_TITLE;
import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.cases.CaseVariables.TRACKING_NUMBER;
import static com.aftersales.refund.RefundVariables.*;

import com.aftersales.cases.BuyerMessages;
import com.aftersales.cases.CannedReplies;
import com.aftersales.cases.ReturnAddress;
import com.aftersales.shop.MessagePurpose;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the refund tells the buyer in Qianniu when no platform refund carries it: why the refund was
 * refused (by finance, or because the parcel could not be stopped) and where to send the goods
 * back. Worded with the case's values, put on the agent's form, recorded once the agent confirms;
 * see {@link BuyerMessages}. With a platform refund the refusal and the return agreement carry it.
 */
@Component
class RefundMessages {

  private final BuyerMessages messages;
  private final ReturnAddress returnAddress;

  RefundMessages(BuyerMessages messages, ReturnAddress returnAddress) {
    this.messages = messages;
    this.returnAddress = returnAddress;
  }

  /** The buyer's refund on the platform, or null when the case has none. */
  static String platformRefund(VariableScope scope) {
    String id = PLATFORM_REFUND_ID.get(scope);
    return id == null || id.isBlank() ? null : id.trim();
  }

  /** Create listener of telling the buyer why finance refused. */
  void prepareRejection(DelegateTask task) {
    messages.prepare(
        task,
        CannedReplies.refundRefused(
            ORDER_ID.get(task),
            RefundWording.amount(task).toPlainString(),
            FINANCE_NOTE.get(task)));
  }

  /**
   * Create listener of refusing while the parcel is on its way: in chat without a platform refund.
   */
  void prepareNotRecoverable(DelegateTask task) {
    if (platformRefund(task) != null) {
      return;
    }
    messages.prepare(
        task,
        CannedReplies.parcelNotRecoverable(
            ORDER_ID.get(task), dash(CARRIER.get(task)), dash(TRACKING_NUMBER.get(task))));
  }

  /**
   * Create listener of recording the buyer's return parcel: the address in chat, unless the return
   * agreement on the platform refund already gave it.
   */
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
            "",
            messages.when(task.getDueDate())));
  }

  /** The short message on the platform refund that goes with agreeing the return. */
  static String returnAddressOnRefund(String address) {
    return "已同意您的退货申请，请寄回：" + address + "。请在包裹里附纸条写明会员名、订单号和退货原因，寄出后在退款页面填写物流单号，我们收到后尽快为您退款～";
  }

  private static String dash(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }
}
