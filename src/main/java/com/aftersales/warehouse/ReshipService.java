package com.aftersales.warehouse;

import static com.aftersales.cases.CaseVariables.*;
import static com.aftersales.warehouse.ReshipCallVariables.*;
import static com.aftersales.warehouse.ReshipVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.BuyerMessages;
import com.aftersales.cases.CaseFlags;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.registers.Registers;
import com.aftersales.shop.Flag;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Service;

/** The reship flow: reship order and form, shipping, tracking to the buyer, receipt. */
@Service
class ReshipService {

  private final ShopBackOffice shop;
  private final Registers registers;
  private final CaseTimeline timeline;
  private final BuyerMessages messages;
  private final CaseFlags flags;

  ReshipService(
      ShopBackOffice shop,
      Registers registers,
      CaseTimeline timeline,
      BuyerMessages messages,
      CaseFlags flags) {
    this.flags = flags;
    this.shop = shop;
    this.registers = registers;
    this.timeline = timeline;
    this.messages = messages;
  }

  void createReshipOrder(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String items = RESHIP_ITEMS.get(execution);
    long quantity = RESHIP_QUANTITY.get(execution);
    String reason = RESHIP_REASON.get(execution);
    String rideAlong = RIDE_ALONG_ORDER_ID.get(execution);
    String note =
        "补发："
            + items
            + " x"
            + quantity
            + "，原因："
            + reason
            + (rideAlong == null ? "" : "；随订单 " + rideAlong + " 一起发出，免运费");
    String reshipOrderId = shop.createReshipOrder(orderId, items, (int) quantity, note);
    if (rideAlong != null) {
      shop.addRemark(
          rideAlong,
          RemarkColumn.SHIPPING,
          "随单补发 " + reshipOrderId + "：" + items + " x" + quantity);
    }
    shop.addRemark(orderId, RemarkColumn.SHIPPING, note + "（补发单 " + reshipOrderId + "）");
    registers.reshipForm(
        execution.getProcessBusinessKey(),
        RESOLVED_BY.get(execution),
        BUYER_ID.get(execution),
        orderId,
        reshipOrderId,
        items,
        quantity,
        reason);
    RESHIP_ORDER_ID.set(execution, reshipOrderId);
    timeline.record(execution, "补发单 " + reshipOrderId + "：" + items + " x" + quantity + "，已登记重发单");
    raiseFlags(execution, reshipOrderId, items, quantity);
  }

  /** Red for a changed address or courier, green for a gift: the warehouse acts on them. */
  private void raiseFlags(
      DelegateExecution execution, String reshipOrderId, String items, long quantity) {
    String change = RESHIP_SHIPPING_CHANGE.get(execution);
    if (change != null && !change.isBlank()) {
      flags.raise(execution, Flag.RED, "补发单 " + reshipOrderId + "：" + change.strip());
    }
    if (Boolean.TRUE.equals(RESHIP_GIFT.get(execution))) {
      flags.raise(
          execution, Flag.GREEN, "补发单 " + reshipOrderId + " 含赠品：" + items + " x" + quantity);
    }
  }

  void checkTracking(DelegateTask task) {
    Inputs.text(task, RESHIP_CARRIER, 64, true);
    Inputs.trackingNumber(task, RESHIP_TRACKING_NUMBER);
  }

  /**
   * The warehouse shipped: registers it and puts the tracking number, in the words the agent sends
   * the buyer in Qianniu, on the case. Nothing reaches the buyer here; the agent's task that shows
   * the text records the message once the agent confirms sending it.
   */
  void sendTracking(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String carrier = RESHIP_CARRIER.get(execution);
    String tracking = RESHIP_TRACKING_NUMBER.get(execution);
    String reshipOrderId = RESHIP_ORDER_ID.get(execution);
    registers.reshipShipped(reshipOrderId, carrier, tracking);
    messages.prepare(
        execution,
        ReshipWording.tracking(
            RESHIP_ITEMS.get(execution),
            RESHIP_QUANTITY.get(execution),
            RESHIP_REASON.get(execution),
            carrier,
            tracking,
            RIDE_ALONG_ORDER_ID.get(execution)));
    String shipped = "补发 " + reshipOrderId + " 已发出：" + carrier + " " + tracking;
    shop.addRemark(orderId, RemarkColumn.INTERNAL, shipped + "，待客服在千牛告知买家单号");
    timeline.record(execution, shipped + "（待告知买家）");
    String change = RESHIP_SHIPPING_CHANGE.get(execution);
    if (change != null && !change.isBlank()) {
      flags.lower(execution, Flag.RED, "补发 " + reshipOrderId + " 已按要求发出");
    }
    if (Boolean.TRUE.equals(RESHIP_GIFT.get(execution))) {
      flags.lower(execution, Flag.GREEN, "补发 " + reshipOrderId + " 已随赠品发出");
    }
  }

  /** After the agent's confirmed message: the order's remark says the buyer has the number. */
  void trackingTold(DelegateTask task) {
    shop.addRemark(
        ORDER_ID.get(task),
        RemarkColumn.INTERNAL,
        "已在千牛告知买家补发物流：" + RESHIP_CARRIER.get(task) + " " + RESHIP_TRACKING_NUMBER.get(task));
  }

  void remindTracking(DelegateExecution execution) {
    String text = "补发物流 " + RESHIP_TRACKING_NUMBER.get(execution) + " 尚未确认签收，请查看物流并联系买家";
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }

  void receiptUnconfirmed(DelegateExecution execution) {
    String text = "补发 " + RESHIP_ORDER_ID.get(execution) + " 长期未确认签收，跟踪结束";
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }

  void checkReceived(DelegateTask task) {
    if (!Inputs.flag(task, RECEIVED_CONFIRMED)) {
      throw new InvalidInputException(RECEIVED_CONFIRMED, "请在买家确认收到补发商品后再完成此任务（物流未签收时任务保持打开）");
    }
    Inputs.text(task, FOLLOW_NOTE, 1000, false);
  }

  void markReceived(DelegateExecution execution) {
    registers.reshipReceived(RESHIP_ORDER_ID.get(execution));
  }
}
