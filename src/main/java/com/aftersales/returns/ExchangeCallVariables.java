package com.aftersales.returns;

import com.aftersales.base.Variable;

/**
 * What a case that calls {@code bpmn/exchange.bpmn} gets back ({@code camunda:out}): declared in
 * the exchange's {@code PROCESS} and in every caller's. A caller hands in the case's variables, the
 * cause ({@code cause}), the replacement ({@code replacementItem}, {@code reshipQuantity}, {@code
 * reshipReason}) and the postage the buyer advances ({@code returnPostage}); the exchange then
 * skips its own assessment and neither opens nor closes a case of its own.
 */
public final class ExchangeCallVariables {

  /** Where a called exchange ended: {@code exchanged}, {@code abandoned} or {@code refused}. */
  public static final Variable<String> EXCHANGE_OUTCOME = Variable.text("exchangeOutcome", "换货结果");

  private ExchangeCallVariables() {}
}
