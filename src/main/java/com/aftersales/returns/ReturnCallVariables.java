package com.aftersales.returns;

import com.aftersales.base.Variable;
import java.math.BigDecimal;

/**
 * What a case hands the called return ({@code bpmn/return.bpmn}) when it has already decided the
 * return and who pays the postage (a damage claim's buyer who refuses compensation), and what it
 * reads back: the return's published contract with its callers, declared once. Such a return starts
 * at the return address: the buyer ships within the configured days, the warehouse inspects and
 * restocks, the return register is filled and the goods are refunded.
 */
public final class ReturnCallVariables {

  /** The caller decided the return: no assessment, postage table or retention. */
  public static final Variable<Boolean> RETURN_DECIDED = Variable.flag("returnDecided", "退货已决定");

  /** Why the goods come back: the name of one of the return's causes (QUALITY, COURIER_DAMAGE…). */
  public static final Variable<String> RETURN_CAUSE = Variable.text("cause", "退货原因");

  /** Who is responsible: BUYER, SHOP, QUALITY or COURIER (the register's return type). */
  public static final Variable<String> RETURN_CAUSE_GROUP = Variable.text("causeGroup", "责任方");

  /** How many pieces come back (and are refunded); the whole order when absent. */
  public static final Variable<Long> RETURN_QUANTITY = Variable.count("returnQuantity", "退回件数");

  /** The return postage the caller decided the shop refunds with the goods, in yuan. */
  public static final Variable<BigDecimal> POSTAGE_REFUND =
      Variable.money("postageRefund", "店铺承担的退货运费");

  /** How the return ended: {@link #RETURNED}, {@link #NOT_SHIPPED} or {@link #REFUND_REJECTED}. */
  public static final Variable<String> RETURN_OUTCOME = Variable.text("returnOutcome", "退货结果");

  /** {@link #RETURN_OUTCOME}: the goods came back and were refunded (or nothing was left to). */
  public static final String RETURNED = "RETURNED";

  /** {@link #RETURN_OUTCOME}: the buyer did not ship within the configured days; closed. */
  public static final String NOT_SHIPPED = "NOT_SHIPPED";

  /** {@link #RETURN_OUTCOME}: the goods came back but the refund was refused. */
  public static final String REFUND_REJECTED = "REFUND_REJECTED";

  private ReturnCallVariables() {}
}
