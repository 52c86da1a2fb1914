package com.aftersales.returns;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;
import com.aftersales.refund.RefundCallVariables;
import com.aftersales.returns.Retention.RetentionOffer;
import com.aftersales.returns.Retention.RetentionOutcome;
import java.math.BigDecimal;

/**
 * {@code bpmn/return.bpmn}: its key and its own variables; what it shares with the exchange is in
 * {@link ReturnFlowVariables}.
 */
final class ReturnVariables {
  static final String PROCESS_KEY = "return";

  // return-assess
  /** The same variable as {@link ExchangeVariables#CAUSE}; steps both flows share read this one. */
  static final Variable<ReturnCause> CAUSE = Variable.choice("cause", "退货原因", ReturnCause.class);

  static final Variable<String> ASSESS_NOTE = Variable.text("assessNote", "备注");

  // return-retention
  static final Variable<RetentionOffer> RETENTION_OFFER =
      Variable.choice("retentionOffer", "挽留方式", RetentionOffer.class);
  static final Variable<RetentionOutcome> RETENTION_OUTCOME =
      Variable.choice("retentionOutcome", "挽留结果", RetentionOutcome.class);
  static final Variable<BigDecimal> PRICE_DIFFERENCE = Variable.money("priceDifference", "退差价金额");
  static final Variable<String> RETENTION_NOTE = Variable.text("retentionNote", "挽留记录");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(
          PROCESS_KEY,
          ReturnCallVariables.class,
          ReturnVariables.class,
          ReturnFlowVariables.class,
          CaseVariables.class,
          RefundCallVariables.class);

  private ReturnVariables() {}
}
