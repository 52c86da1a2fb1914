package com.aftersales.claims;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;
import com.aftersales.refund.RefundCallVariables;
import com.aftersales.returns.ExchangeCallVariables;
import com.aftersales.warehouse.ReshipCallVariables;
import java.math.BigDecimal;

/** {@code bpmn/wrong-item-claim.bpmn}: its key, the decision it calls, and its own variables. */
final class WrongItemClaimVariables {
  static final String PROCESS_KEY = "wrong-item-claim";

  // decisions
  static final String WRONG_ITEM_DECISION = "wrong-item-resolution";

  // warehouse-verify
  static final Variable<Boolean> MISTAKE_CONFIRMED = Variable.flag("mistakeConfirmed", "确认我方差错");
  static final Variable<ProblemKind> PROBLEM_KIND =
      Variable.choice("problemKind", "问题类型", ProblemKind.class);
  static final Variable<Cause> CAUSE = Variable.choice("cause", "差错原因", Cause.class);
  static final Variable<String> VERIFY_NOTE = Variable.text("verifyNote", "核实说明");

  // warehouse-verify: what arrived against what was ordered (it decides what ships)
  static final Variable<String> ORDERED_VARIANT =
      Variable.text("orderedVariant", "拍下的款式（颜色/尺码/型号）");
  static final Variable<String> ARRIVED_ITEM = Variable.text("arrivedItem", "实际收到的商品及款式");
  static final Variable<String> MISSING_ITEMS = Variable.text("missingItems", "缺少的商品");
  static final Variable<String> MISSING_GIFT = Variable.text("missingGift", "漏发的赠品");
  static final Variable<Long> AFFECTED_QUANTITY = Variable.count("affectedQuantity", "发错/少发件数");

  /**
   * True when what is reshipped is a gift the order came with (the shipment's gift flag is set from
   * it).
   */
  static final Variable<Boolean> RESHIP_CARRIES_GIFT = Variable.flag("reshipCarriesGift", "补发的是赠品");

  /** The choices the offer form lists: only those the problem allows (a JSON list). */
  static final Variable<Object> BUYER_CHOICE_OPTIONS = Variable.value("buyerChoiceOptions");

  // supervise-unconfirmed-mistake
  static final Variable<Boolean> TREAT_AS_OUR_MISTAKE =
      Variable.flag("treatAsOurMistake", "按我方差错处理");
  static final Variable<String> SUPERVISOR_NOTE = Variable.text("supervisorNote", "主管意见");

  // explain-verification
  static final Variable<String> EXPLANATION = Variable.text("explanation", "向买家的说明");

  // wrong-item-resolution: its result and the output only it has (agentLimit, hardCap and
  // suggestedResolution are shared with the damage claim)
  static final Variable<Object> WRONG_ITEM_ADVICE = Variable.value("wrongItemAdvice");
  static final Variable<String> POSTAGE_PAID_BY = Variable.text("postagePaidBy", "运费承担");

  /** The discount off the wrong item's price when the buyer keeps it (0.3 = 30 % off). */
  static final Variable<Double> KEEP_DISCOUNT_RATE = Variable.decimal("keepDiscountRate");

  // wrong-item-offer: keeping the wrong item, or sending it back in an exchange
  static final Variable<BigDecimal> KEPT_ITEM_PRICE = Variable.money("keptItemPrice", "错发商品标价");
  static final Variable<BigDecimal> DIFFERENCE_DUE = Variable.money("differenceDue", "买家应补差价");
  static final Variable<BigDecimal> EXCHANGE_POSTAGE = Variable.money("returnPostage", "买家垫付的退货运费");

  // collect-difference
  static final Variable<Boolean> DIFFERENCE_PAID = Variable.flag("differencePaid", "买家已付补差价");
  static final Variable<String> DIFFERENCE_ORDER_ID = Variable.text("differenceOrderId", "补差价订单号");
  static final Variable<String> DIFFERENCE_NOTE = Variable.text("differenceNote", "补差价记录");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(
          PROCESS_KEY,
          WrongItemClaimVariables.class,
          ClaimVariables.class,
          ReshipCallVariables.class,
          CaseVariables.class,
          RefundCallVariables.class,
          ExchangeCallVariables.class);

  private WrongItemClaimVariables() {}
}
