package com.aftersales.returns;

import static com.aftersales.cases.CaseVariables.CASE_KIND;
import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.returns.ReturnFlowVariables.CAUSE_GROUP;
import static com.aftersales.returns.ReturnFlowVariables.GIFT_INCLUDED;
import static com.aftersales.returns.ReturnFlowVariables.GIFT_VALUE;
import static com.aftersales.returns.ReturnFlowVariables.POSTAGE_PAID_BY;
import static com.aftersales.returns.ReturnFlowVariables.RETURN_POSTAGE;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.registers.ReturnRegister;
import com.aftersales.returns.PostageLiability.CauseGroup;
import com.aftersales.returns.PostageLiability.Payer;
import com.aftersales.shop.Order;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What the steps of both flows read from a return or exchange case: its order, its kind, its cause
 * in words, who pays the postage; and the agent's part of the return register they write.
 */
@Component
class ReturnCases {

  static final BigDecimal MAX_POSTAGE = new BigDecimal("500");

  private final ShopBackOffice shop;
  private final ReturnRegister register;

  ReturnCases(ShopBackOffice shop, ReturnRegister register) {
    this.shop = shop;
    this.register = register;
  }

  Order order(VariableScope scope) {
    String orderId = ORDER_ID.get(scope);
    return shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
  }

  /** Writes (or updates) the agent's part of the case's register row. */
  void registerAgentPart(
      DelegateTask task, Order order, String carrier, String tracking, String solution) {
    long quantity = ReturnCallVariables.RETURN_QUANTITY.get(task, (long) order.quantity());
    register.agentPart(
        new ReturnRegister.AgentPart(
            task.getExecution().getProcessBusinessKey(),
            CaseTimeline.actor(task),
            order.buyerId(),
            order.orderId(),
            String.valueOf(CAUSE_GROUP.get(task)),
            order.itemTitle(),
            (int) quantity,
            carrier,
            tracking,
            solution));
  }

  /** A return a calling case decided (see {@link ReturnCallVariables}). */
  static boolean decided(VariableScope scope) {
    return Boolean.TRUE.equals(ReturnCallVariables.RETURN_DECIDED.get(scope));
  }

  static boolean exchange(VariableScope scope) {
    return CaseKind.EXCHANGE.name().equals(CASE_KIND.get(scope));
  }

  /** The cause in the clerk's words (as stored, if it is not one of ours). */
  static String label(VariableScope scope) {
    try {
      return ReturnVariables.CAUSE.get(scope).label;
    } catch (RuntimeException e) {
      return String.valueOf(scope.getVariable(ReturnVariables.CAUSE.name()));
    }
  }

  /** Who bears the return postage, in words (the shop unless the table says the buyer). */
  static String payer(VariableScope scope) {
    return (POSTAGE_PAID_BY.get(scope) == Payer.BUYER ? Payer.BUYER : Payer.SHOP).label;
  }

  /** The return postage the buyer advanced, as typed; zero when left empty. */
  static BigDecimal postage(VariableScope scope) {
    BigDecimal postage = Inputs.money(scope, RETURN_POSTAGE);
    if (postage == null) {
      return BigDecimal.ZERO;
    }
    if (postage.compareTo(MAX_POSTAGE) > 0) {
      throw new InvalidInputException(RETURN_POSTAGE, "退货运费 " + postage + " 元不合常理，请核对");
    }
    return postage;
  }

  /** Whether the order came with a gift, and its value (never more than was paid). */
  static void gift(DelegateTask task, Order order) {
    boolean gift = Inputs.flag(task, GIFT_INCLUDED);
    GIFT_INCLUDED.set(task, gift);
    BigDecimal value = Inputs.money(task, GIFT_VALUE);
    if (gift && value != null && value.compareTo(order.totalPaid()) > 0) {
      throw new InvalidInputException(GIFT_VALUE, "赠品价值不能超过订单实付金额");
    }
    GIFT_VALUE.set(task, gift && value != null ? value : BigDecimal.ZERO);
  }

  /** The category the case register shows for a closed case: "group/cause". */
  static String category(DelegateExecution execution) {
    CauseGroup group = CAUSE_GROUP.get(execution);
    ReturnCause cause = ReturnVariables.CAUSE.get(execution);
    return cause == null ? null : (group == null ? "" : group + "/") + cause;
  }
}
