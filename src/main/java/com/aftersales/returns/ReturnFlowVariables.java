package com.aftersales.returns;

import com.aftersales.base.Variable;
import com.aftersales.returns.PostageLiability.CauseGroup;
import com.aftersales.returns.PostageLiability.Payer;
import com.aftersales.returns.RequestAssessment.ReceiptState;
import java.math.BigDecimal;

/**
 * What {@code bpmn/return.bpmn} and {@code bpmn/exchange.bpmn} share: the postage-liability
 * decision, the refusal, the buyer sending the goods back, the warehouse's inspection and what is
 * handed to the refund. Both {@link ReturnVariables#PROCESS} and {@link ExchangeVariables#PROCESS}
 * list this holder. (The cause is declared by each process: its forms name it differently.)
 */
final class ReturnFlowVariables {

  // element ids (the same in both models)
  static final String RECEIVE_TASK = "userTask_receiveReturn";
  static final String AWAIT_SHIPMENT_TASK = "userTask_awaitBuyerShipment";

  // the postage-liability decision (its single result, and the outputs copied out of it)
  static final Variable<Object> POSTAGE_LIABILITY = Variable.value("postageLiability");
  static final Variable<CauseGroup> CAUSE_GROUP =
      Variable.choice("causeGroup", "责任方", CauseGroup.class);
  static final Variable<Payer> POSTAGE_PAID_BY =
      Variable.choice("postagePaidBy", "运费承担", Payer.class);
  static final Variable<Boolean> BOOK_COURIER_LOSS = Variable.flag("bookCourierLoss", "记快递损失");
  static final Variable<Boolean> RETURN_ALLOWED = Variable.flag("returnAllowed", "可以退换");
  static final Variable<String> REFUSAL_REASON = Variable.text("refusalReason", "不能退换的原因");

  /** The table says the postage the buyer caused is deducted from the refund (seed 001). */
  static final Variable<Boolean> DEDUCT_POSTAGE = Variable.flag("deductPostage", "运费从退款中扣除");

  /** The postage the buyer caused (wrong address, unreachable, refused), as the agent typed it. */
  static final Variable<BigDecimal> DEDUCTED_POSTAGE =
      Variable.money("deductedPostage", "买家原因产生的运费（元，退款时扣除）");

  // explain-refusal
  static final Variable<String> EXPLANATION = Variable.text("explanation", "向买家的说明");

  // assessment (the exchange records them too)
  static final Variable<ReceiptState> RECEIPT_STATE =
      Variable.choice("receiptState", "收货情况", ReceiptState.class);
  static final Variable<Boolean> GIFT_INCLUDED = Variable.flag("giftIncluded", "订单含赠品");
  static final Variable<BigDecimal> GIFT_VALUE = Variable.money("giftValue", "赠品价值");

  // buyer-ships-return (and exchange-assess)
  static final Variable<String> RETURN_CARRIER = Variable.text("returnCarrier", "退货快递公司");
  static final Variable<String> RETURN_TRACKING_NUMBER =
      Variable.text("returnTrackingNumber", "退货物流单号");
  static final Variable<BigDecimal> RETURN_POSTAGE = Variable.money("returnPostage", "退货运费");

  // inspect-return
  static final Variable<Long> PARCELS = Variable.count("parcels", "包裹件数");
  static final Variable<Boolean> MATCHES_CASE = Variable.flag("matchesCase", "实物与售后单一致");
  static final Variable<Boolean> TRANSIT_DAMAGE = Variable.flag("transitDamage", "运输途中有新增破损");
  static final Variable<Boolean> RESALEABLE = Variable.flag("resaleable", "可以二次销售");
  static final Variable<Boolean> GIFT_RETURNED = Variable.flag("giftReturned", "赠品已退回");
  static final Variable<String> INSPECTION_NOTE = Variable.text("inspectionNote", "验货记录");

  /** The courier's loss the claims' {@code recordCourierLoss} books. */
  static final Variable<BigDecimal> LOSS_AMOUNT = Variable.money("lossAmount", "快递损失金额");

  // handed to the refund (camunda:in) and back (camunda:out)

  private ReturnFlowVariables() {}
}
