package com.aftersales.refund;

import com.aftersales.base.Variable;
import java.math.BigDecimal;

/**
 * What a case hands the called refund ({@code bpmn/refund.bpmn}) and reads back from it: the
 * refund's published contract with its callers (the claims, returns and exchanges), declared once.
 */
public final class RefundCallVariables {

  /** The amount to refund, in yuan. */
  public static final Variable<BigDecimal> REFUND_AMOUNT = Variable.money("refundAmount", "退款金额");

  /** What the money is for: REFUND, COMPENSATION, POSTAGE, PRICE_DIFFERENCE, RETURN, … */
  public static final Variable<String> REFUND_KIND = Variable.text("refundKind", "类型");

  public static final Variable<String> REFUND_REASON = Variable.text("refundReason", "退款原因");

  /** How the refund ended, as its callers' gateways read it (the name of the refund's outcome). */
  public static final Variable<String> REFUND_OUTCOME = Variable.text("refundOutcome", "退款结果");

  /**
   * The refund the buyer filed on the platform that this refund answers (its id, a string of
   * digits), or absent when none was filed: agreeing, refusing and the return go to that refund.
   */
  public static final Variable<String> PLATFORM_REFUND_ID =
      Variable.text("platformRefundId", "平台退款编号");

  private RefundCallVariables() {}
}
