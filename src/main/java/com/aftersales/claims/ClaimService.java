package com.aftersales.claims;

import static com.aftersales.cases.CaseVariables.*;
import static com.aftersales.claims.ClaimVariables.*;
import static com.aftersales.claims.DamageClaimVariables.*;
import static com.aftersales.claims.WrongItemClaimVariables.*;
import static com.aftersales.refund.RefundCallVariables.*;
import static com.aftersales.warehouse.ReshipCallVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Money;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.registers.Registers;
import com.aftersales.shop.Order;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;

/** The steps of the damage and wrong-item claims that are more than moving variables around. */
@Service
class ClaimService {

  private final ShopBackOffice shop;
  private final Registers registers;
  private final CaseTimeline timeline;
  private final DecisionService decisions;
  private final DamageSettlement settlement;
  private final EvidencePhotos evidencePhotos;

  ClaimService(
      ShopBackOffice shop,
      Registers registers,
      CaseTimeline timeline,
      DecisionService decisions,
      DamageSettlement settlement,
      EvidencePhotos evidencePhotos) {
    this.evidencePhotos = evidencePhotos;
    this.shop = shop;
    this.registers = registers;
    this.timeline = timeline;
    this.decisions = decisions;
    this.settlement = settlement;
  }

  void checkEvidence(DelegateTask task) {
    CaseKind kind = kindOf(task);
    long photos = evidencePhotos.count(task, kind);
    if (!Inputs.flag(task, WAYBILL_PHOTO_RECEIVED) && !evidencePhotos.waybillUploaded(task)) {
      throw new InvalidInputException(WAYBILL_PHOTO_RECEIVED, "还需要买家提供面单/物流单照片");
    }
    WAYBILL_PHOTO_RECEIVED.set(task, true);
    PHOTO_COUNT.set(task, photos);
    Inputs.text(task, EVIDENCE_DESCRIPTION, 1000, true);
    if (kind == CaseKind.DAMAGE) {
      // the photos are all there (counted above): the agent may check them in the same step
      boolean checkedNow = Inputs.flag(task, CHECKED_WITH_EVIDENCE);
      if (checkedNow) {
        checkDamageEvidence(task);
      }
      CHECKED_WITH_EVIDENCE.set(task, checkedNow);
    }
  }

  void checkDamageEvidence(DelegateTask task) {
    Order order = order(task);
    Inputs.choice(task, DAMAGE_TYPE);
    long defective = Inputs.number(task, DEFECTIVE_COUNT, 1, order.quantity());
    boolean courier = Inputs.flag(task, COURIER_AT_FAULT);
    COURIER_AT_FAULT.set(task, courier);
    PARCEL_INTACT.set(task, Inputs.flag(task, PARCEL_INTACT));
    DEFECTIVE_COUNT.set(task, defective);
    BigDecimal loss = Inputs.money(task, LOSS_AMOUNT);
    if (courier) {
      if (loss == null) {
        loss = order.itemPrice().multiply(BigDecimal.valueOf(defective));
      }
      if (loss.compareTo(order.totalPaid()) > 0) {
        throw new InvalidInputException(
            LOSS_AMOUNT, "快递损失金额 " + loss + " 元超过订单实付 " + order.totalPaid() + " 元");
      }
      LOSS_AMOUNT.set(task, loss);
    }
    Inputs.text(task, CHECK_NOTE, 1000, false);
  }

  void recordCourierLoss(DelegateExecution execution) {
    Order order = order(execution);
    BigDecimal loss = Inputs.requiredMoney(execution, LOSS_AMOUNT);
    registers.courierLoss(
        execution.getProcessBusinessKey(),
        order.orderId(),
        order.carrier(),
        order.trackingNumber(),
        loss);
    timeline.record(execution, "快递损失 " + loss + " 元，已登记向" + nullToDash(order.carrier()) + "索赔");
  }

  /** Copies a single-result decision's outputs into variables of the same names. */
  void flattenDecisionResult(DelegateExecution execution) {
    FlowElement element = execution.getBpmnModelElementInstance();
    if (!(element instanceof BusinessRuleTask task) || task.getCamundaResultVariable() == null) {
      return;
    }
    Object result = execution.getVariable(task.getCamundaResultVariable());
    if (result instanceof Map<?, ?> map) {
      map.forEach((k, v) -> execution.setVariable(k.toString(), v));
    }
  }

  void checkResolution(DelegateTask task) {
    CaseKind kind = kindOf(task);
    Order order = order(task);
    Map<String, Object> decided = decide(task, kind, order);
    ClaimRules.Limits limits =
        new ClaimRules.Limits(
            Money.round(decided.get(AGENT_LIMIT.name())),
            Money.round(decided.get(HARD_CAP.name())),
            order.refundable());
    // as submitted: an unknown choice is refused with the choices that fit the case
    String submitted = (String) task.getVariable(BUYER_CHOICE.name());
    BuyerChoice choice = ClaimRules.parseChoice(kind, submitted);
    boolean reship = choice == BuyerChoice.RESHIP || choice == BuyerChoice.EXCHANGE;
    ClaimRules.Proposal proposal =
        new ClaimRules.Proposal(
            kind,
            submitted,
            Inputs.money(task, OFFERED_COMPENSATION),
            Inputs.money(task, DISCOUNT_AMOUNT),
            Inputs.money(task, REFUND_AMOUNT),
            reship ? reshipQuantity(task, kind) : 0);
    ClaimRules.Resolution r = ClaimRules.check(proposal, limits, order.quantity());
    Inputs.text(task, RESOLUTION_NOTE, 1000, false);
    String rideAlong = rideAlong(task, order);
    BUYER_CHOICE.set(task, r.choice());
    NEEDS_APPROVAL.set(task, r.needsApproval());
    REFUND_AMOUNT.set(task, r.refundAmount());
    REFUND_KIND.set(task, r.refundKind());
    REFUND_REASON.set(task, r.refundReason());
    if (reship) {
      RESHIP_ITEMS.set(task, order.itemTitle());
      RESHIP_QUANTITY.set(task, r.reshipQuantity());
      RESHIP_REASON.set(task, r.reshipReason());
    }
    RIDE_ALONG_ORDER_ID.set(task, rideAlong);
    RESOLVED_BY.set(task, CaseTimeline.actor(task));
    if (kind == CaseKind.DAMAGE) {
      BigDecimal rate = DamageSettlement.rate(decided.get(REPAIR_FEE_RATE.name()));
      NEEDS_APPROVAL.set(task, settlement.settle(task, order, limits, r, rate));
    }
  }

  /** The buyer's new order a reship travels with, when given: it must be the same buyer's. */
  String rideAlong(DelegateTask task, Order order) {
    String rideAlong = Inputs.text(task, RIDE_ALONG_ORDER_ID, 64, false);
    if (rideAlong != null) {
      Order other =
          shop.findOrder(rideAlong)
              .orElseThrow(
                  () -> new InvalidInputException(RIDE_ALONG_ORDER_ID, "找不到随单补发的订单 " + rideAlong));
      if (!other.buyerId().equals(order.buyerId())) {
        throw new InvalidInputException(RIDE_ALONG_ORDER_ID, "随单补发的订单 " + rideAlong + " 不是这位买家的订单");
      }
    }
    return rideAlong;
  }

  void checkApproval(DelegateTask task) {
    boolean approved = Inputs.flag(task, APPROVED);
    APPROVED.set(task, approved);
    Inputs.text(task, APPROVAL_NOTE, 1000, !approved);
  }

  void checkReturnArrangement(DelegateTask task) {
    BigDecimal postage = Inputs.requiredMoney(task, RETURN_POSTAGE);
    if (postage.compareTo(new BigDecimal("500")) > 0) {
      throw new InvalidInputException(RETURN_POSTAGE, "退货运费 " + postage + " 元不合常理，请核对");
    }
    BigDecimal insurance = Inputs.money(task, FREIGHT_INSURANCE);
    RETURN_POSTAGE.set(task, postage);
    FREIGHT_INSURANCE.set(task, insurance == null ? BigDecimal.ZERO : insurance);
    BUYER_INSISTS_ON_RETURN.set(task, Inputs.flag(task, BUYER_INSISTS_ON_RETURN));
    if (DEFECTIVE_COUNT.get(task) == null) {
      DEFECTIVE_COUNT.set(task, (long) order(task).quantity());
    }
  }

  void checkReturnReceipt(DelegateTask task) {
    Order order = order(task);
    String carrier = Inputs.text(task, RETURN_CARRIER, 64, true);
    String tracking = Inputs.trackingNumber(task, RETURN_TRACKING_NUMBER);
    boolean matches = Inputs.flag(task, MATCHES_CASE);
    MATCHES_CASE.set(task, matches);
    TRANSIT_DAMAGE.set(task, Inputs.flag(task, TRANSIT_DAMAGE));
    Inputs.text(task, INSPECTION_NOTE, 1000, !matches);
    long defective = DEFECTIVE_COUNT.get(task);
    BigDecimal share = SHOP_POSTAGE_SHARE.get(task, Money.round(0));
    BigDecimal amount =
        ClaimRules.returnRefund(order.itemPrice(), defective, share, order.refundable());
    REFUND_AMOUNT.set(task, amount);
    REFUND_KIND.set(task, "RETURN");
    REFUND_REASON.set(
        task,
        "退货退款："
            + defective
            + " 件，含店铺承担运费 "
            + share
            + " 元；退货单号 "
            + carrier
            + " "
            + tracking
            + (matches ? "" : "（仓库验货与售后单不符，请核对）"));
  }

  void checkWarehouseVerification(DelegateTask task) {
    boolean confirmed = Inputs.flag(task, MISTAKE_CONFIRMED);
    MISTAKE_CONFIRMED.set(task, confirmed);
    Inputs.choice(task, PROBLEM_KIND);
    if (confirmed) {
      Inputs.choice(task, CAUSE);
    }
    Inputs.text(task, VERIFY_NOTE, 1000, true);
  }

  void checkExplanation(DelegateTask task) {
    Inputs.text(task, EXPLANATION, 1000, true);
  }

  void closeNoEvidence(DelegateExecution execution) {
    String text = "买家超过时限未提供凭证，售后单 " + execution.getProcessBusinessKey() + " 关闭";
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }

  /** The category the register shows for a closed case. */
  static String category(DelegateExecution execution) {
    DamageType damage = DAMAGE_TYPE.get(execution);
    if (damage != null) {
      return damage.name();
    }
    ProblemKind problem = PROBLEM_KIND.get(execution);
    // as stored: the cause is only checked when the mistake is confirmed
    Object cause = execution.getVariable(CAUSE.name());
    return problem == null ? null : problem + (cause == null ? "" : "/" + cause);
  }

  private long reshipQuantity(DelegateTask task, CaseKind kind) {
    Object q = task.getVariable(RESHIP_QUANTITY.name());
    if (kind == CaseKind.DAMAGE || q == null || q.toString().isBlank()) {
      return DEFECTIVE_COUNT.get(task, 1L);
    }
    return Inputs.number(task, RESHIP_QUANTITY, 1, 999);
  }

  /**
   * The limits and rates of a proposal, evaluated afresh from the decision table: values the form
   * showed could have been altered on the way back.
   */
  private Map<String, Object> decide(DelegateTask task, CaseKind kind, Order order) {
    String decision;
    VariableMap inputs = Variables.createVariables();
    if (kind == CaseKind.DAMAGE) {
      decision = COMPENSATION_DECISION;
      DAMAGE_TYPE.put(inputs, Inputs.choice(task, DAMAGE_TYPE));
    } else {
      decision = WRONG_ITEM_DECISION;
      PROBLEM_KIND.put(inputs, Inputs.choice(task, PROBLEM_KIND));
    }
    ITEM_PRICE.put(inputs, order.itemPrice());
    return decide(decision, inputs);
  }

  /** A single-result decision's outputs, evaluated afresh. */
  Map<String, Object> decide(String decision, VariableMap inputs) {
    return Context.getCommandContext()
        .runWithoutAuthorization(
            () ->
                decisions
                    .evaluateDecisionTableByKey(decision, inputs)
                    .getSingleResult()
                    .getEntryMap());
  }

  Order order(VariableScope scope) {
    String orderId = ORDER_ID.get(scope);
    return shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
  }

  private static CaseKind kindOf(VariableScope scope) {
    return CaseKind.valueOf(CASE_KIND.get(scope));
  }

  /**
   * A value the back office may not have, in a timeline sentence: a dash where it is missing, so
   * nobody takes a placeholder (such as the heading "快递公司") for the carrier a claim is filed with.
   */
  private static String nullToDash(String s) {
    return s == null || s.isBlank() ? "—" : s;
  }
}
