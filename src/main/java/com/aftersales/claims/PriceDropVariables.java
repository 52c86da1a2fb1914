package com.aftersales.claims;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;
import com.aftersales.refund.RefundCallVariables;
import java.math.BigDecimal;

/** {@code bpmn/price-drop-refund.bpmn}: its key and its own variables. */
final class PriceDropVariables {
  static final String PROCESS_KEY = "price-drop-refund";

  /** What the money is for, as the called refund and finance's form read it. */
  static final String REFUND_KIND_PRICE_DIFFERENCE = "PRICE_DIFFERENCE";

  // open-price-drop (the start form; CaseVariables declares them as the API's start fields)
  static final Variable<BigDecimal> NEW_PRICE = Variable.money("newPrice", "降价后的价格");
  static final Variable<String> PRICE_CUT_DATE = Variable.text("priceCutDate", "降价日期");
  static final Variable<Long> PRICE_DROP_QUANTITY = Variable.count("priceDropQuantity", "退差价件数");

  // set at the start from the order and the configuration, shown to the supervisor
  static final Variable<String> PAID_DATE = Variable.text("paidDate", "买家付款日期");
  static final Variable<Long> DAYS_AFTER_PURCHASE = Variable.count("daysAfterPurchase", "付款后第几天降价");
  static final Variable<Long> WINDOW_DAYS = Variable.count("priceDropWindowDays", "可申请退差价的天数");

  // approve-price-drop
  static final Variable<PriceDropSteps.Approval> APPROVAL =
      Variable.choice("priceDropApproval", "主管决定", PriceDropSteps.Approval.class);
  static final Variable<String> SUPERVISOR_NOTE = Variable.text("priceDropNote", "主管意见");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(
          PROCESS_KEY, PriceDropVariables.class, CaseVariables.class, RefundCallVariables.class);

  private PriceDropVariables() {}
}
