package com.aftersales.returns;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;
import com.aftersales.refund.RefundCallVariables;
import java.math.BigDecimal;

/**
 * {@code bpmn/exchange.bpmn}: its key and its own variables; what it shares with the return is in
 * {@link ReturnFlowVariables}.
 */
final class ExchangeVariables {
  static final String PROCESS_KEY = "exchange";

  // exchange-assess
  /** The same variable as {@link ReturnVariables#CAUSE}, in the exchange forms' words. */
  static final Variable<ReturnCause> CAUSE = Variable.choice("cause", "换货原因", ReturnCause.class);

  static final Variable<String> REPLACEMENT_ITEM = Variable.text("replacementItem", "换成的商品");
  static final Variable<Boolean> SEAL_INTACT = Variable.flag("sealIntact", "包装密封完好");
  static final Variable<Boolean> BADLY_DAMAGED = Variable.flag("badlyDamaged", "损坏严重无需寄回");
  static final Variable<String> SKIN_TYPE = Variable.text("skinType", "肤质");
  static final Variable<String> BUYER_AGE = Variable.text("buyerAge", "年龄段");
  static final Variable<String> BUYER_REGION = Variable.text("buyerRegion", "所在地区");
  static final Variable<String> USAGE = Variable.text("usage", "使用方法");
  static final Variable<Boolean> BUYER_INSISTS_ON_PRODUCT =
      Variable.flag("buyerInsistsOnProduct", "买家坚持要指定商品");
  static final Variable<Boolean> RISK_ACKNOWLEDGED = Variable.flag("riskAcknowledged", "买家已知晓风险");

  /** True when another case called the exchange (its assessment is skipped). */
  static final Variable<Boolean> CALLED_BY_CASE = Variable.flag("calledByCase");

  /** False when a courier-damaged item is too broken to be worth sending back. */
  static final Variable<Boolean> MUST_RETURN = Variable.flag("mustReturn");

  // collect-postage
  static final Variable<Boolean> POSTAGE_COLLECTED = Variable.flag("postageCollected", "已收取买家运费");
  static final Variable<BigDecimal> COLLECTED_POSTAGE = Variable.money("collectedPostage", "收取的运费");

  // handed to the reship (which gets all variables) and back
  static final Variable<String> RESHIP_ITEMS = Variable.text("reshipItems");
  static final Variable<Long> RESHIP_QUANTITY = Variable.count("reshipQuantity");
  static final Variable<String> RESHIP_REASON = Variable.text("reshipReason");
  static final Variable<String> RESHIP_ORDER_ID = Variable.text("reshipOrderId");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(
          PROCESS_KEY,
          ReturnCallVariables.class, // the buyer-ships-return form the return shares
          ExchangeVariables.class,
          ReturnFlowVariables.class,
          CaseVariables.class,
          RefundCallVariables.class,
          ExchangeCallVariables.class);

  private ExchangeVariables() {}
}
