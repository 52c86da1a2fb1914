package com.aftersales.logistics;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;
import com.aftersales.logistics.LogisticsChoices.BuyerBack;
import com.aftersales.logistics.LogisticsChoices.ChaseOutcome;
import com.aftersales.logistics.LogisticsChoices.CourierCause;
import com.aftersales.logistics.LogisticsChoices.OutOfAreaOption;
import com.aftersales.logistics.LogisticsChoices.ReceiptExtension;
import com.aftersales.logistics.LogisticsChoices.Situation;
import com.aftersales.logistics.LogisticsChoices.Source;
import com.aftersales.logistics.LogisticsChoices.WarehouseFinding;
import com.aftersales.warehouse.ReshipCallVariables;
import java.math.BigDecimal;
import java.util.Date;

/** {@code bpmn/logistics-exception.bpmn}: its key, the decision it calls, and its variables. */
final class LogisticsVariables {
  static final String PROCESS_KEY = "logistics-exception";
  static final String HANDLING_DECISION = "logistics-exception-handling";

  // element ids code names
  static final String EXTEND_TASK = "userTask_extendReceipt";

  // start form (open-logistics) and how the case came in
  static final Variable<String> WAYBILL_NUMBER = Variable.text("waybillNumber", "运单号");
  static final Variable<Source> REPORT_SOURCE = Variable.choice("reportSource", "来源", Source.class);
  static final Variable<String> REPORT_SOURCE_LABEL = Variable.text("reportSourceLabel", "来源");

  // read from the back office: shipped, the trace, the platform's auto-confirmation
  static final Variable<Boolean> ORDER_SHIPPED = Variable.flag("orderShipped");
  static final Variable<String> TRACE_TEXT = Variable.text("traceText", "物流轨迹");
  static final Variable<String> AUTO_CONFIRM_TEXT = Variable.text("autoConfirmText", "平台自动确认收货时间");
  static final Variable<Date> RECEIPT_EXTENSION_DUE = Variable.time("receiptExtensionDue");

  // logistics-warehouse-check, logistics-ship-now
  static final Variable<WarehouseFinding> WAREHOUSE_FINDING =
      Variable.choice("warehouseFinding", "仓库核实结果", WarehouseFinding.class);
  static final Variable<String> SHIP_CARRIER = Variable.text("shipCarrier", "快递公司");
  static final Variable<String> SHIP_TRACKING_NUMBER = Variable.text("shipTrackingNumber", "物流单号");

  // logistics-assess and the decision table's advice
  static final Variable<Situation> PARCEL_SITUATION =
      Variable.choice("parcelSituation", "包裹情况", Situation.class);
  static final Variable<CourierCause> COURIER_CAUSE =
      Variable.choice("courierCause", "快递原因", CourierCause.class);
  static final Variable<String> ASSESS_NOTE = Variable.text("assessNote", "查件记录");
  static final Variable<Object> HANDLING_ADVICE = Variable.value("handlingAdvice");
  static final Variable<String> PROBLEM_TYPE = Variable.text("problemType", "问题类型");
  static final Variable<Boolean> EXTEND_RECEIPT = Variable.flag("extendReceipt", "需延长收货时间");

  // logistics-extend-receipt
  static final Variable<ReceiptExtension> RECEIPT_EXTENSION =
      Variable.choice("receiptExtension", "延长收货时间", ReceiptExtension.class);
  static final Variable<Long> EXTEND_DAYS = Variable.count("extendDays", "延长天数");

  // difficult parcel, the buyer's cause
  static final Variable<Boolean> DETAILS_CONFIRMED =
      Variable.flag("detailsConfirmed", "买家已提供可联系的电话或正确地址，并已告知快递");
  static final Variable<Boolean> COURIER_TOLD = Variable.flag("courierTold", "已把处理结果反馈给快递");
  static final Variable<String> CONTACT_NOTE = Variable.text("contactNote", "联系记录");
  static final Variable<Boolean> RETURN_REQUESTED =
      Variable.flag("returnRequested", "已通知当地快递一周内将件退回");
  static final Variable<BuyerBack> BUYER_BACK =
      Variable.choice("buyerBack", "买家是否主动联系", BuyerBack.class);

  // difficult parcel, the courier's cause
  static final Variable<ChaseOutcome> CHASE_OUTCOME =
      Variable.choice("chaseOutcome", "催件结果", ChaseOutcome.class);
  static final Variable<String> CHASE_NOTE = Variable.text("chaseNote", "催件记录");

  // out of area, lost
  static final Variable<OutOfAreaOption> OUT_OF_AREA_OPTION =
      Variable.choice("outOfAreaOption", "超区件处理方案", OutOfAreaOption.class);
  static final Variable<Boolean> LOSS_CONFIRMED = Variable.flag("lossConfirmed", "已与快递公司核实确认丢件");
  static final Variable<BigDecimal> LOSS_AMOUNT = Variable.money("lossAmount", "丢失商品价值（元）");

  // reship and the original parcel
  static final Variable<Boolean> RECOVER_ORIGINAL = Variable.flag("recoverOriginal", "追回原件");
  static final Variable<Boolean> ORIGINAL_RECEIVED = Variable.flag("originalReceived", "原件已退回仓库");
  static final Variable<Boolean> DELIVERED_CONFIRMED = Variable.flag("deliveredConfirmed", "买家已签收");
  static final Variable<String> FOLLOW_NOTE = Variable.text("deliveryNote", "跟进记录");

  // damaged: the damage claim it opened
  static final Variable<String> DAMAGE_CASE_ID = Variable.text("damageCaseId", "破损售后单号");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(
          PROCESS_KEY, LogisticsVariables.class, ReshipCallVariables.class, CaseVariables.class);

  private LogisticsVariables() {}
}
