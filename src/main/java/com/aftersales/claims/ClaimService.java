package com.aftersales.claims;

import static com.aftersales.cases.CaseVariables.*;
import static com.aftersales.claims.ClaimVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Money;
import com.aftersales.cases.CannedReplies;
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
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;

/** The steps of the damage and wrong-item claims that are more than moving variables around. */
@Service
class ClaimService {

  static final String COMPENSATION_DECISION = "compensation-standard";
  static final String WRONG_ITEM_DECISION = "wrong-item-resolution";

  private final ShopBackOffice shop;
  private final Registers registers;
  private final CaseTimeline timeline;
  private final DecisionService decisions;

  ClaimService(
      ShopBackOffice shop, Registers registers, CaseTimeline timeline, DecisionService decisions) {
    this.shop = shop;
    this.registers = registers;
    this.timeline = timeline;
    this.decisions = decisions;
  }

  void checkEvidence(DelegateTask task) {
    CaseKind kind = kindOf(task);
    long minPhotos = kind == CaseKind.DAMAGE ? 2 : 1;
    long photos = Inputs.number(task, PHOTO_COUNT, "照片数量", 0, 50);
    if (photos < minPhotos) {
      throw new InvalidInputException(
          PHOTO_COUNT, kind == CaseKind.DAMAGE ? "破损需要至少 2 张细节照片，请继续向买家索要" : "请至少收到 1 张实收商品照片");
    }
    if (!Inputs.flag(task, WAYBILL_PHOTO_RECEIVED, "面单照片")) {
      throw new InvalidInputException(WAYBILL_PHOTO_RECEIVED, "还需要买家提供面单/物流单照片");
    }
    task.setVariable(WAYBILL_PHOTO_RECEIVED, true);
    task.setVariable(PHOTO_COUNT, photos);
    Inputs.text(task, EVIDENCE_DESCRIPTION, "照片说明", 1000, true);
  }

  void checkDamageEvidence(DelegateTask task) {
    Order order = order(task);
    Inputs.choice(task, DAMAGE_TYPE, "破损情况", DamageType.class);
    long defective = Inputs.number(task, DEFECTIVE_COUNT, "有问题的件数", 1, order.quantity());
    boolean courier = Inputs.flag(task, COURIER_AT_FAULT, "快递责任");
    task.setVariable(COURIER_AT_FAULT, courier);
    task.setVariable(PARCEL_INTACT, Inputs.flag(task, PARCEL_INTACT, "外包装完好"));
    task.setVariable(DEFECTIVE_COUNT, defective);
    BigDecimal loss = Money.of(task.getVariable(LOSS_AMOUNT), LOSS_AMOUNT, "快递损失金额");
    if (courier) {
      if (loss == null) {
        loss = order.itemPrice().multiply(BigDecimal.valueOf(defective));
      }
      if (loss.compareTo(order.totalPaid()) > 0) {
        throw new InvalidInputException(
            LOSS_AMOUNT, "快递损失金额 " + loss + " 元超过订单实付 " + order.totalPaid() + " 元");
      }
      task.setVariable(LOSS_AMOUNT, Money.variable(loss));
    }
    Inputs.text(task, "checkNote", "核验备注", 1000, false);
  }

  void recordCourierLoss(DelegateExecution execution) {
    Order order = order(execution);
    BigDecimal loss = Money.required(execution.getVariable(LOSS_AMOUNT), LOSS_AMOUNT, "快递损失金额");
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
    ClaimRules.Limits limits = limits(task, kind, order);
    BuyerChoice choice = ClaimRules.parseChoice(kind, (String) task.getVariable(BUYER_CHOICE));
    boolean reship = choice == BuyerChoice.RESHIP || choice == BuyerChoice.EXCHANGE;
    ClaimRules.Proposal proposal =
        new ClaimRules.Proposal(
            kind,
            (String) task.getVariable(BUYER_CHOICE),
            Money.of(task.getVariable(OFFERED_COMPENSATION), OFFERED_COMPENSATION, "补偿金额"),
            Money.of(task.getVariable(DISCOUNT_AMOUNT), DISCOUNT_AMOUNT, "补差价金额"),
            Money.of(task.getVariable(REFUND_AMOUNT), REFUND_AMOUNT, "退款金额"),
            reship ? reshipQuantity(task, kind) : 0);
    ClaimRules.Resolution r = ClaimRules.check(proposal, limits, order.quantity());
    Inputs.text(task, RESOLUTION_NOTE, "协商记录", 1000, false);
    String rideAlong = Inputs.text(task, RIDE_ALONG_ORDER_ID, "随单补发的订单号", 64, false);
    if (rideAlong != null) {
      Order other =
          shop.findOrder(rideAlong)
              .orElseThrow(
                  () -> new InvalidInputException(RIDE_ALONG_ORDER_ID, "找不到随单补发的订单 " + rideAlong));
      if (!other.buyerId().equals(order.buyerId())) {
        throw new InvalidInputException(RIDE_ALONG_ORDER_ID, "随单补发的订单 " + rideAlong + " 不是这位买家的订单");
      }
    }
    task.setVariable(BUYER_CHOICE, r.choice().name());
    task.setVariable(NEEDS_APPROVAL, r.needsApproval());
    task.setVariable(REFUND_AMOUNT, Money.variable(r.refundAmount()));
    task.setVariable("refundKind", r.refundKind());
    task.setVariable("refundReason", r.refundReason());
    if (reship) {
      task.setVariable("reshipItems", order.itemTitle());
      task.setVariable(RESHIP_QUANTITY, r.reshipQuantity());
      task.setVariable("reshipReason", r.reshipReason());
    }
    task.setVariable(RIDE_ALONG_ORDER_ID, rideAlong);
    RESOLVED_BY.set(task, CaseTimeline.actor(task));
  }

  void checkApproval(DelegateTask task) {
    boolean approved = Inputs.flag(task, APPROVED, "批准");
    task.setVariable(APPROVED, approved);
    Inputs.text(task, APPROVAL_NOTE, "审批意见", 1000, !approved);
  }

  void checkReturnArrangement(DelegateTask task) {
    BigDecimal postage = Money.required(task.getVariable(RETURN_POSTAGE), RETURN_POSTAGE, "买家退货运费");
    if (postage.compareTo(new BigDecimal("500")) > 0) {
      throw new InvalidInputException(RETURN_POSTAGE, "退货运费 " + postage + " 元不合常理，请核对");
    }
    BigDecimal insurance =
        Money.of(task.getVariable(FREIGHT_INSURANCE), FREIGHT_INSURANCE, "运费险赔付");
    task.setVariable(RETURN_POSTAGE, Money.variable(postage));
    task.setVariable(
        FREIGHT_INSURANCE, Money.variable(insurance == null ? BigDecimal.ZERO : insurance));
    task.setVariable(BUYER_INSISTS_ON_RETURN, Inputs.flag(task, BUYER_INSISTS_ON_RETURN, "买家坚持退货"));
    if (task.getVariable(DEFECTIVE_COUNT) == null) {
      task.setVariable(DEFECTIVE_COUNT, (long) order(task).quantity());
    }
  }

  void checkReturnReceipt(DelegateTask task) {
    Order order = order(task);
    String carrier = Inputs.text(task, RETURN_CARRIER, "退货快递公司", 64, true);
    String tracking = Inputs.trackingNumber(task, RETURN_TRACKING_NUMBER, "退货物流单号");
    boolean matches = Inputs.flag(task, MATCHES_CASE, "与售后单一致");
    task.setVariable(MATCHES_CASE, matches);
    task.setVariable("transitDamage", Inputs.flag(task, "transitDamage", "运输途中新增破损"));
    Inputs.text(task, "inspectionNote", "验货记录", 1000, !matches);
    long defective = ((Number) task.getVariable(DEFECTIVE_COUNT)).longValue();
    BigDecimal share = Money.round(task.getVariable(SHOP_POSTAGE_SHARE));
    BigDecimal amount =
        ClaimRules.returnRefund(order.itemPrice(), defective, share, order.refundable());
    task.setVariable(REFUND_AMOUNT, Money.variable(amount));
    task.setVariable("refundKind", "RETURN");
    task.setVariable(
        "refundReason",
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
    boolean confirmed = Inputs.flag(task, MISTAKE_CONFIRMED, "确认我方差错");
    task.setVariable(MISTAKE_CONFIRMED, confirmed);
    Inputs.choice(task, PROBLEM_KIND, "问题类型", ProblemKind.class);
    if (confirmed) {
      Inputs.choice(task, CAUSE, "差错原因", Cause.class);
    }
    Inputs.text(task, VERIFY_NOTE, "核实说明", 1000, true);
  }

  void checkExplanation(DelegateTask task) {
    Inputs.text(task, "explanation", "向买家的说明", 1000, true);
  }

  void remindBuyer(DelegateExecution execution) {
    shop.addRemark(
        ORDER_ID.get(execution), RemarkColumn.INTERNAL, CannedReplies.evidenceReminder());
    timeline.record(execution, CannedReplies.evidenceReminder());
  }

  void closeNoEvidence(DelegateExecution execution) {
    String text = "买家超过时限未提供凭证，售后单 " + execution.getProcessBusinessKey() + " 关闭";
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }

  /** The category the register shows for a closed case. */
  static String category(DelegateExecution execution) {
    Object damage = execution.getVariable(DAMAGE_TYPE);
    if (damage != null) {
      return damage.toString();
    }
    Object problem = execution.getVariable(PROBLEM_KIND);
    Object cause = execution.getVariable(CAUSE);
    return problem == null ? null : problem + (cause == null ? "" : "/" + cause);
  }

  private long reshipQuantity(DelegateTask task, CaseKind kind) {
    Object q = task.getVariable(RESHIP_QUANTITY);
    if (kind == CaseKind.DAMAGE || q == null || q.toString().isBlank()) {
      Object defective = task.getVariable(DEFECTIVE_COUNT);
      return defective instanceof Number n ? n.longValue() : 1L;
    }
    return Inputs.number(task, RESHIP_QUANTITY, "补发数量", 1, 999);
  }

  /**
   * The limits of a proposal, evaluated afresh from the decision table: values the form showed
   * could have been altered on the way back.
   */
  private ClaimRules.Limits limits(DelegateTask task, CaseKind kind, Order order) {
    String decision;
    Map<String, Object> inputs;
    if (kind == CaseKind.DAMAGE) {
      decision = COMPENSATION_DECISION;
      inputs =
          Variables.createVariables()
              .putValue(
                  DAMAGE_TYPE, Inputs.choice(task, DAMAGE_TYPE, "破损情况", DamageType.class).name())
              .putValue(ITEM_PRICE.name(), ITEM_PRICE.write(order.itemPrice()));
    } else {
      decision = WRONG_ITEM_DECISION;
      inputs =
          Variables.createVariables()
              .putValue(
                  PROBLEM_KIND, Inputs.choice(task, PROBLEM_KIND, "问题类型", ProblemKind.class).name())
              .putValue(ITEM_PRICE.name(), ITEM_PRICE.write(order.itemPrice()));
    }
    Map<String, Object> out =
        Context.getCommandContext()
            .runWithoutAuthorization(
                () ->
                    decisions
                        .evaluateDecisionTableByKey(decision, inputs)
                        .getSingleResult()
                        .getEntryMap());
    return new ClaimRules.Limits(
        Money.round(out.get(AGENT_LIMIT)), Money.round(out.get(HARD_CAP)), order.refundable());
  }

  private Order order(org.camunda.bpm.engine.delegate.VariableScope scope) {
    String orderId = ORDER_ID.get(scope);
    return shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
  }

  private static CaseKind kindOf(org.camunda.bpm.engine.delegate.VariableScope scope) {
    return CaseKind.valueOf(CASE_KIND.get(scope));
  }

  private static String nullToDash(String s) {
    return s == null ? "快递公司" : s;
  }
}
