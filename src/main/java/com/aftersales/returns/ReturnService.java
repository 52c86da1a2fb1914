package com.aftersales.returns;

import static com.aftersales.cases.CaseVariables.*;
import static com.aftersales.returns.ReturnVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Money;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.cases.TaskEscalation;
import com.aftersales.registers.ReturnRegister;
import com.aftersales.shop.Order;
import com.aftersales.shop.OrderStatus;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.math.BigDecimal;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;

/** The steps of the return and exchange flows that are more than moving variables around. */
@Service
class ReturnService {

  static final BigDecimal MAX_POSTAGE = new BigDecimal("500");
  static final String RECEIVE_TASK = "userTask_receiveReturn";

  /** Where the parcel is when the buyer asks. */
  enum ReceiptState {
    NOT_SHIPPED,
    NOT_RECEIVED,
    RECEIVED
  }

  enum RetentionOffer {
    REDIRECT,
    WAIT,
    PRICE_DIFFERENCE,
    SMALL_GIFT,
    NONE
  }

  enum RetentionOutcome {
    RETAINED,
    INSISTS
  }

  private final ShopBackOffice shop;
  private final ReturnRegister register;
  private final ProductPolicies policies;
  private final CaseTimeline timeline;
  private final TaskEscalation escalation;
  private final Clock clock;

  ReturnService(
      ShopBackOffice shop,
      ReturnRegister register,
      ProductPolicies policies,
      CaseTimeline timeline,
      TaskEscalation escalation,
      Clock clock) {
    this.shop = shop;
    this.register = register;
    this.policies = policies;
    this.timeline = timeline;
    this.escalation = escalation;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- assessment and the rules

  void assessReturn(DelegateTask task) {
    Order order = order(task);
    Inputs.choice(task, CAUSE, "退货原因", ReturnCause.class);
    ReceiptState state =
        order.status() == OrderStatus.PAID
            ? ReceiptState.NOT_SHIPPED
            : Inputs.choice(task, RECEIPT_STATE, "收货情况", ReceiptState.class);
    if (state == ReceiptState.NOT_SHIPPED && order.status() != OrderStatus.PAID) {
      throw new InvalidInputException(RECEIPT_STATE, "订单已发货，不能选“未发货”；请选择买家是否已签收");
    }
    task.setVariable(RECEIPT_STATE, state.name());
    gift(task, order);
    Inputs.text(task, "assessNote", "备注", 1000, false);
  }

  void assessExchange(DelegateTask task) {
    Order order = order(task);
    ReturnCause cause = Inputs.choice(task, CAUSE, "换货原因", ReturnCause.class);
    task.setVariable(SEAL_INTACT, Inputs.flag(task, SEAL_INTACT, "包装密封完好"));
    task.setVariable(BADLY_DAMAGED, Inputs.flag(task, BADLY_DAMAGED, "损坏严重无需寄回"));
    String replacement = Inputs.text(task, REPLACEMENT_ITEM, "换成的商品", 200, false);
    task.setVariable(REPLACEMENT_ITEM, replacement == null ? order.itemTitle() : replacement);
    if (cause == ReturnCause.BUYER_ALLERGY) {
      Inputs.text(task, "skinType", "肤质", 100, true);
      Inputs.text(task, "buyerAge", "年龄段", 50, true);
      Inputs.text(task, "buyerRegion", "所在地区", 100, true);
      Inputs.text(task, "usage", "使用方法", 500, true);
    }
    boolean insists = Inputs.flag(task, BUYER_INSISTS_ON_PRODUCT, "买家坚持要指定商品");
    task.setVariable(BUYER_INSISTS_ON_PRODUCT, insists);
    boolean acknowledged = Inputs.flag(task, RISK_ACKNOWLEDGED, "买家已知晓风险");
    if (insists && !acknowledged) {
      throw new InvalidInputException(
          RISK_ACKNOWLEDGED, "买家坚持要指定商品时，须告知再次出现问题由买家自行承担，并勾选“买家已知晓风险”");
    }
    task.setVariable(RISK_ACKNOWLEDGED, acknowledged);
    BigDecimal postage = postage(task);
    task.setVariable(RETURN_POSTAGE, Money.variable(postage));
    task.setVariable(RECEIPT_STATE, ReceiptState.RECEIVED.name());
    gift(task, order);
  }

  /**
   * After the postage-liability table: applies the seven-day rule to no-reason requests (and the
   * intact seal to no-reason exchanges) and records the verdict for the gateway.
   */
  void applyRules(DelegateExecution execution) {
    Order order = order(execution);
    boolean allowed = Boolean.TRUE.equals(execution.getVariable(RETURN_ALLOWED));
    String reason = (String) execution.getVariable(REFUSAL_REASON);
    boolean exchange = CaseKind.EXCHANGE.name().equals(CASE_KIND.get(execution));
    if (allowed && ReturnCause.BUYER_NO_REASON.name().equals(execution.getVariable(CAUSE))) {
      if (exchange && !Boolean.TRUE.equals(execution.getVariable(SEAL_INTACT))) {
        allowed = false;
        reason = "七天无理由换货需要商品包装密封完好";
      } else {
        ProductPolicies.Policy policy = policies.of(order.itemTitle());
        SevenDayRule.Verdict verdict =
            SevenDayRule.check(
                order.signedAt(),
                clock.instant(),
                clock.getZone(),
                policy.category(),
                policy.acceptsNoReason());
        allowed = verdict.allowed();
        reason = verdict.reason();
      }
    }
    execution.setVariable(RETURN_ALLOWED, allowed);
    execution.setVariable(REFUSAL_REASON, allowed ? null : reason);
    if (exchange) {
      boolean courier = "COURIER".equals(execution.getVariable(CAUSE_GROUP));
      execution.setVariable(
          MUST_RETURN, !(courier && Boolean.TRUE.equals(execution.getVariable(BADLY_DAMAGED))));
      execution.setVariable("reshipItems", execution.getVariable(REPLACEMENT_ITEM));
      execution.setVariable("reshipQuantity", (long) order.quantity());
      execution.setVariable("reshipReason", "换货：" + label(execution));
      BigDecimal postage = Money.round(execution.getVariable(RETURN_POSTAGE));
      execution.setVariable(REFUND_AMOUNT, Money.variable(postage));
      execution.setVariable(REFUND_KIND, "POSTAGE");
      execution.setVariable(REFUND_REASON, "换货：退还买家垫付的退货运费 " + postage + " 元");
    }
    timeline.record(
        execution,
        allowed
            ? "可以" + (exchange ? "换货" : "退货") + "，运费由" + payer(execution) + "承担"
            : "不能" + (exchange ? "换货" : "退货") + "：" + reason);
  }

  void checkExplanation(DelegateTask task) {
    Inputs.text(task, "explanation", "向买家的说明", 1000, true);
  }

  // ---------------------------------------------------------------- retention

  void retention(DelegateTask task) {
    Order order = order(task);
    RetentionOffer offer = Inputs.choice(task, RETENTION_OFFER, "挽留方式", RetentionOffer.class);
    RetentionOutcome outcome =
        Inputs.choice(task, RETENTION_OUTCOME, "挽留结果", RetentionOutcome.class);
    Inputs.text(task, "retentionNote", "挽留记录", 1000, offer != RetentionOffer.NONE);
    BigDecimal difference = Money.of(task.getVariable(PRICE_DIFFERENCE), PRICE_DIFFERENCE, "退差价金额");
    if (outcome == RetentionOutcome.RETAINED && offer == RetentionOffer.PRICE_DIFFERENCE) {
      if (difference == null || difference.signum() <= 0) {
        throw new InvalidInputException(PRICE_DIFFERENCE, "请填写退给买家的差价金额");
      }
      if (difference.compareTo(order.refundable()) > 0) {
        throw new InvalidInputException(
            PRICE_DIFFERENCE, "差价 " + difference + " 元超过买家实付可退金额 " + order.refundable() + " 元");
      }
    } else {
      difference = BigDecimal.ZERO;
    }
    task.setVariable(PRICE_DIFFERENCE, Money.variable(difference));
    if (difference.signum() > 0) {
      task.setVariable(REFUND_AMOUNT, Money.variable(difference));
      task.setVariable(REFUND_KIND, "PRICE_DIFFERENCE");
      task.setVariable(REFUND_REASON, "挽留成功，退还差价");
    }
    if (outcome == RetentionOutcome.INSISTS) {
      ReceiptState state = ReceiptState.valueOf((String) task.getVariable(RECEIPT_STATE));
      if (state == ReceiptState.NOT_SHIPPED) {
        task.setVariable(REFUND_AMOUNT, Money.variable(order.refundable()));
        task.setVariable(REFUND_KIND, "REFUND");
        task.setVariable(REFUND_REASON, "未发货，买家坚持退款");
      } else {
        boolean courierReturns = state == ReceiptState.NOT_RECEIVED;
        registerAgentPart(
            task,
            order,
            courierReturns ? order.carrier() : null,
            courierReturns ? order.trackingNumber() : null,
            "退货退款");
      }
    }
  }

  // ---------------------------------------------------------------- the buyer ships it back

  void sendReturnAddress(DelegateExecution execution) {
    String text = "已发送退货地址给买家，请在包裹内附纸条写明会员名、电话和退货原因；运费由" + payer(execution) + "承担";
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }

  void buyerShipped(DelegateTask task) {
    String carrier = Inputs.text(task, RETURN_CARRIER, "退货快递公司", 64, true);
    String tracking = Inputs.trackingNumber(task, RETURN_TRACKING_NUMBER, "退货物流单号");
    if (!CaseKind.EXCHANGE.name().equals(CASE_KIND.get(task))) {
      task.setVariable(RETURN_POSTAGE, Money.variable(postage(task)));
    }
    Order order = order(task);
    registerAgentPart(task, order, carrier, tracking, exchange(task) ? "换货" : "退货退款");
    register.shipped(task.getExecution().getProcessBusinessKey(), carrier, tracking);
  }

  void remindShipment(DelegateExecution execution) {
    String text = "买家尚未寄回退货，已提醒买家尽快寄出并提供物流单号";
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }

  void closeAbandoned(DelegateExecution execution) {
    String text = "买家超过时限未寄回，售后单 " + execution.getProcessBusinessKey() + " 按放弃处理";
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text);
    timeline.record(execution, text);
  }

  // ---------------------------------------------------------------- arrival

  void inspect(DelegateTask task) {
    Order order = order(task);
    long parcels = Inputs.number(task, PARCELS, "包裹件数", 1, 99);
    boolean matches = Inputs.flag(task, MATCHES_CASE, "实物与售后单一致");
    boolean transit = Inputs.flag(task, TRANSIT_DAMAGE, "运输途中有新增破损");
    boolean resaleable = Inputs.flag(task, RESALEABLE, "可以二次销售");
    boolean giftIncluded = Boolean.TRUE.equals(task.getVariable(GIFT_INCLUDED));
    Boolean giftReturned = giftIncluded ? Inputs.flag(task, GIFT_RETURNED, "赠品已退回") : null;
    String note = Inputs.text(task, INSPECTION_NOTE, "验货记录", 1000, !matches || transit);
    task.setVariable(MATCHES_CASE, matches);
    task.setVariable(TRANSIT_DAMAGE, transit);
    task.setVariable(RESALEABLE, resaleable);
    task.setVariable(GIFT_RETURNED, giftReturned);
    String caseId = task.getExecution().getProcessBusinessKey();
    register.warehousePart(
        caseId,
        new ReturnRegister.WarehousePart(
            CaseTimeline.actor(task),
            (int) parcels,
            matches,
            transit,
            resaleable,
            giftReturned,
            note));
    if (!exchange(task)) {
      BigDecimal amount =
          refundFor(task, order, giftIncluded && !Boolean.TRUE.equals(giftReturned));
      task.setVariable(REFUND_AMOUNT, Money.variable(amount));
      task.setVariable(REFUND_KIND, "RETURN");
      task.setVariable(
          REFUND_REASON, "退货退款（" + label(task) + "）" + (matches ? "" : "；验货与售后单不符：" + note));
      register.total(caseId, amount);
    }
    if (Boolean.TRUE.equals(task.getVariable(BOOK_COURIER_LOSS))) {
      task.setVariable(
          LOSS_AMOUNT,
          Money.variable(order.itemPrice().multiply(BigDecimal.valueOf(order.quantity()))));
    }
  }

  /**
   * The refund of a return: the goods, plus the return postage when the shop bears it, less the
   * gift when it did not come back; never more than is still refundable.
   */
  static BigDecimal refundAmount(
      BigDecimal goods,
      BigDecimal postage,
      boolean shopPaysPostage,
      BigDecimal giftDeduction,
      BigDecimal refundable) {
    BigDecimal amount =
        goods.add(shopPaysPostage ? postage : BigDecimal.ZERO).subtract(giftDeduction);
    return amount.max(BigDecimal.ZERO).min(refundable);
  }

  private BigDecimal refundFor(VariableScope scope, Order order, boolean deductGift) {
    BigDecimal goods = order.itemPrice().multiply(BigDecimal.valueOf(order.quantity()));
    BigDecimal postage = Money.round(scope.getVariable(RETURN_POSTAGE));
    BigDecimal gift = deductGift ? Money.round(scope.getVariable(GIFT_VALUE)) : BigDecimal.ZERO;
    return refundAmount(
        goods,
        postage,
        "SHOP".equals(scope.getVariable(POSTAGE_PAID_BY)),
        gift,
        order.refundable());
  }

  void escalateReceipt(DelegateExecution execution) {
    escalation.escalate(execution, RECEIVE_TASK, "退货寄出已久仍未签收，平台将在买家寄出10天后自动退款，已升级给客服主管");
  }

  void restock(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    register.restocked(caseId);
    String text = "退回商品验货完好，已入库上架：" + ITEM_TITLE.get(execution);
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.SHIPPING, text);
    timeline.record(execution, text);
  }

  void checkPostageCollected(DelegateTask task) {
    if (!Inputs.flag(task, POSTAGE_COLLECTED, "已收取买家运费")) {
      throw new InvalidInputException(POSTAGE_COLLECTED, "换货运费由买家承担，请先收取运费再完成此任务");
    }
    Money.required(task.getVariable(COLLECTED_POSTAGE), COLLECTED_POSTAGE, "收取的运费");
  }

  /** The category the register shows for a closed case. */
  static String category(DelegateExecution execution) {
    Object group = execution.getVariable(CAUSE_GROUP);
    Object cause = execution.getVariable(CAUSE);
    return cause == null ? null : (group == null ? "" : group + "/") + cause;
  }

  // ---------------------------------------------------------------- helpers

  private void registerAgentPart(
      DelegateTask task, Order order, String carrier, String tracking, String solution) {
    register.agentPart(
        new ReturnRegister.AgentPart(
            task.getExecution().getProcessBusinessKey(),
            CaseTimeline.actor(task),
            order.buyerId(),
            order.orderId(),
            String.valueOf(task.getVariable(CAUSE_GROUP)),
            order.itemTitle(),
            order.quantity(),
            carrier,
            tracking,
            solution));
  }

  private void gift(DelegateTask task, Order order) {
    boolean gift = Inputs.flag(task, GIFT_INCLUDED, "订单含赠品");
    task.setVariable(GIFT_INCLUDED, gift);
    BigDecimal value = Money.of(task.getVariable(GIFT_VALUE), GIFT_VALUE, "赠品价值");
    if (gift && value != null && value.compareTo(order.totalPaid()) > 0) {
      throw new InvalidInputException(GIFT_VALUE, "赠品价值不能超过订单实付金额");
    }
    task.setVariable(GIFT_VALUE, Money.variable(gift && value != null ? value : BigDecimal.ZERO));
  }

  private static BigDecimal postage(VariableScope scope) {
    BigDecimal postage = Money.of(scope.getVariable(RETURN_POSTAGE), RETURN_POSTAGE, "退货运费");
    if (postage == null) {
      return BigDecimal.ZERO;
    }
    if (postage.compareTo(MAX_POSTAGE) > 0) {
      throw new InvalidInputException(RETURN_POSTAGE, "退货运费 " + postage + " 元不合常理，请核对");
    }
    return postage;
  }

  private static boolean exchange(VariableScope scope) {
    return CaseKind.EXCHANGE.name().equals(CASE_KIND.get(scope));
  }

  private static String label(VariableScope scope) {
    try {
      return ReturnCause.valueOf((String) scope.getVariable(CAUSE)).label;
    } catch (RuntimeException e) {
      return String.valueOf(scope.getVariable(CAUSE));
    }
  }

  private static String payer(VariableScope scope) {
    return "BUYER".equals(scope.getVariable(POSTAGE_PAID_BY)) ? "买家" : "店铺";
  }

  private Order order(VariableScope scope) {
    String orderId = ORDER_ID.get(scope);
    return shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
  }
}
