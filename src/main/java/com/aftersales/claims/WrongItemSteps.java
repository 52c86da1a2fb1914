package com.aftersales.claims;

import static com.aftersales.cases.CaseVariables.*;
import static com.aftersales.claims.ClaimVariables.*;
import static com.aftersales.claims.WrongItemClaimVariables.*;
import static com.aftersales.refund.RefundCallVariables.*;
import static com.aftersales.warehouse.ReshipCallVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Money;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.shop.Order;
import com.aftersales.shop.OrderStatus;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.warehouse.ReshipCallVariables;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.Spin;
import org.springframework.stereotype.Component;

/**
 * The wrong-item claim's own steps: the warehouse's record of what arrived decides what ships; a
 * supervisor decides when the warehouse cannot confirm the mistake; the offer allows only what the
 * problem allows, and a buyer who keeps a wrong item pays for it at the documented discount.
 */
@Component
class WrongItemSteps {

  private static final BigDecimal MAX_POSTAGE = new BigDecimal("500");

  private final ClaimService claims;
  private final ShopBackOffice shop;
  private final CaseTimeline timeline;

  WrongItemSteps(ClaimService claims, ShopBackOffice shop, CaseTimeline timeline) {
    this.claims = claims;
    this.shop = shop;
    this.timeline = timeline;
  }

  /** The warehouse's finding, and what arrived against what was ordered. */
  void checkVerification(DelegateTask task) {
    claims.checkWarehouseVerification(task);
    Order order = claims.order(task);
    ProblemKind kind = PROBLEM_KIND.get(task);
    boolean wrong = kind == ProblemKind.WRONG_PRODUCT;
    String variant = Inputs.text(task, ORDERED_VARIANT, 100, wrong);
    String arrived = wrong ? Inputs.text(task, ARRIVED_ITEM, 200, true) : null;
    String missing =
        kind == ProblemKind.MISSING_PRODUCT ? Inputs.text(task, MISSING_ITEMS, 200, false) : null;
    String gift =
        kind == ProblemKind.MISSING_GIFT ? Inputs.text(task, MISSING_GIFT, 100, true) : null;
    long affected =
        switch (kind) {
          case WRONG_PRODUCT, MISSING_PRODUCT ->
              Inputs.number(task, AFFECTED_QUANTITY, 1, order.quantity());
          case MISSING_GIFT -> Inputs.number(task, AFFECTED_QUANTITY, 1, 99);
          case WRONG_ADDRESS -> order.quantity();
        };
    WrongItemShipment.Plan plan =
        WrongItemShipment.plan(
            new WrongItemShipment.Report(
                kind,
                order.itemTitle(),
                order.quantity(),
                variant,
                arrived,
                missing,
                gift,
                affected));
    ORDERED_VARIANT.set(task, variant);
    ARRIVED_ITEM.set(task, arrived);
    MISSING_ITEMS.set(task, missing);
    MISSING_GIFT.set(task, gift);
    AFFECTED_QUANTITY.set(task, affected);
    RESHIP_ITEMS.set(task, plan.items());
    RESHIP_QUANTITY.set(task, plan.quantity());
    RESHIP_REASON.set(task, plan.reason());
    RESHIP_CARRIES_GIFT.set(task, plan.gift());
    // what the reship raises on the order: green for a gift, red for a corrected address
    ReshipCallVariables.RESHIP_GIFT.set(task, plan.gift());
    ReshipCallVariables.RESHIP_SHIPPING_CHANGE.set(
        task, kind == ProblemKind.WRONG_ADDRESS ? "按买家确认的正确地址补发" : null);
    BUYER_CHOICE_OPTIONS.set(task, options(kind));
  }

  /** The choices the offer form lists for a problem, as a JSON list of label and value. */
  static Object options(ProblemKind kind) {
    String json =
        WrongItemShipment.CHOICES.get(kind).stream()
            .map(c -> "{\"label\":\"" + c.label + "\",\"value\":\"" + c.name() + "\"}")
            .collect(Collectors.joining(",", "[", "]"));
    return Spin.JSON(json);
  }

  /** The supervisor's call on a mistake the warehouse could not confirm (seed 004). */
  void checkSupervisorDecision(DelegateTask task) {
    boolean ours = Inputs.flag(task, TREAT_AS_OUR_MISTAKE);
    TREAT_AS_OUR_MISTAKE.set(task, ours);
    String note = Inputs.text(task, SUPERVISOR_NOTE, 1000, true);
    if (ours) {
      Inputs.choice(task, CAUSE);
    }
    timeline.record(
        task.getExecution(), (ours ? "仓库无法核实，主管决定按我方差错处理：" : "主管判定不是我方差错，向买家说明：") + note);
  }

  /** What the buyer agreed: only a choice the problem allows, with what that choice needs. */
  void checkResolution(DelegateTask task) {
    Order order = claims.order(task);
    ProblemKind kind = PROBLEM_KIND.get(task);
    String submitted = (String) task.getVariable(BUYER_CHOICE.name());
    BuyerChoice choice = ClaimRules.parseChoice(CaseKind.WRONG_ITEM, submitted);
    Set<BuyerChoice> allowed = WrongItemShipment.CHOICES.get(kind);
    if (!allowed.contains(choice)) {
      throw new InvalidInputException(
          BUYER_CHOICE,
          "“"
              + choice.label
              + "”不适用于这类问题，可选："
              + allowed.stream().map(c -> c.label).collect(Collectors.joining("、")));
    }
    Inputs.text(task, RESOLUTION_NOTE, 1000, false);
    boolean needsApproval = false;
    String rideAlong = null;
    BigDecimal refund = null;
    switch (choice) {
      case REFUND -> {
        refund = Inputs.money(task, REFUND_AMOUNT);
        if (refund == null) {
          throw new InvalidInputException(REFUND_AMOUNT, "请填写" + REFUND_AMOUNT.label());
        }
        ClaimRules.positiveWithin(refund, order.refundable(), REFUND_AMOUNT);
      }
      case RESHIP -> rideAlong = claims.rideAlong(task, order);
      case EXCHANGE -> {
        BigDecimal postage = Inputs.money(task, EXCHANGE_POSTAGE);
        postage = postage == null ? Money.round(0) : postage;
        if (postage.signum() < 0 || postage.compareTo(MAX_POSTAGE) > 0) {
          throw new InvalidInputException(EXCHANGE_POSTAGE, "退货运费 " + postage + " 元不合常理，请核对");
        }
        EXCHANGE_POSTAGE.set(task, postage);
        timeline.record(
            task.getExecution(),
            "换货：买家寄回错发的 " + ARRIVED_ITEM.get(task) + "，仓库收货核对后补发 " + RESHIP_ITEMS.get(task));
      }
      case KEEP_WITH_DISCOUNT -> needsApproval = keep(task, order, kind);
      default -> throw new IllegalStateException(choice.name());
    }
    BUYER_CHOICE.set(task, choice);
    NEEDS_APPROVAL.set(task, needsApproval);
    REFUND_AMOUNT.set(task, refund);
    REFUND_KIND.set(task, refund == null ? null : "REFUND");
    REFUND_REASON.set(task, refund == null ? null : kind.label + "退款");
    RIDE_ALONG_ORDER_ID.set(task, rideAlong);
    RESOLVED_BY.set(task, CaseTimeline.actor(task));
  }

  /**
   * The buyer keeps the wrong item and pays for it at the documented discount (seed 002), then gets
   * what was ordered. Less than the documented difference needs a supervisor.
   */
  private boolean keep(DelegateTask task, Order order, ProblemKind kind) {
    BigDecimal price = Inputs.requiredMoney(task, KEPT_ITEM_PRICE);
    if (price.signum() <= 0) {
      throw new InvalidInputException(KEPT_ITEM_PRICE, KEPT_ITEM_PRICE.label() + "必须大于 0 元");
    }
    VariableMap inputs = Variables.createVariables();
    PROBLEM_KIND.put(inputs, kind);
    ITEM_PRICE.put(inputs, order.itemPrice());
    Map<String, Object> out = claims.decide(WRONG_ITEM_DECISION, inputs);
    Object rate = out.get(KEEP_DISCOUNT_RATE.name());
    if (!(rate instanceof Number r) || r.doubleValue() <= 0) {
      throw new InvalidInputException(BUYER_CHOICE, "错发规则没有给出留用折扣，请改选其他方案");
    }
    long pieces = AFFECTED_QUANTITY.get(task, 1L);
    BigDecimal documented = WrongItemShipment.differenceDue(price, pieces, r.doubleValue());
    BigDecimal agreed = Inputs.money(task, DIFFERENCE_DUE);
    agreed = agreed == null ? documented : agreed;
    if (agreed.signum() <= 0 || agreed.compareTo(documented) > 0) {
      throw new InvalidInputException(
          DIFFERENCE_DUE, "买家应补差价应大于 0 元、不超过 " + documented + " 元（标价按规定折扣后的金额；不填即按这个金额）");
    }
    KEPT_ITEM_PRICE.set(task, price);
    KEEP_DISCOUNT_RATE.set(task, r.doubleValue());
    DIFFERENCE_DUE.set(task, agreed);
    timeline.record(
        task.getExecution(),
        "买家留用错发的 "
            + ARRIVED_ITEM.get(task)
            + " "
            + pieces
            + " 件，按规定折扣应补差价 "
            + documented
            + " 元"
            + (agreed.compareTo(documented) < 0 ? "，协商为 " + agreed + " 元（待主管批准）" : "")
            + "；付款后补发 "
            + RESHIP_ITEMS.get(task));
    return agreed.compareTo(documented) < 0;
  }

  /** The buyer paid the difference through a price-difference order (or declined). */
  void checkDifferencePaid(DelegateTask task) {
    boolean paid = Inputs.flag(task, DIFFERENCE_PAID);
    DIFFERENCE_PAID.set(task, paid);
    String note = Inputs.text(task, DIFFERENCE_NOTE, 1000, !paid);
    if (!paid) {
      timeline.record(task.getExecution(), "买家未补差价，重新协商：" + note);
      return;
    }
    String payment = Inputs.text(task, DIFFERENCE_ORDER_ID, 64, true);
    Order paidOrder =
        shop.findOrder(payment)
            .orElseThrow(
                () -> new InvalidInputException(DIFFERENCE_ORDER_ID, "找不到补差价订单 " + payment));
    if (!paidOrder.buyerId().equals(BUYER_ID.get(task))) {
      throw new InvalidInputException(DIFFERENCE_ORDER_ID, "补差价订单 " + payment + " 不是这位买家的订单");
    }
    BigDecimal due = DIFFERENCE_DUE.get(task);
    if (paidOrder.status() == OrderStatus.WAITING_PAYMENT
        || paidOrder.status() == OrderStatus.CLOSED
        || paidOrder.totalPaid().compareTo(due) < 0) {
      throw new InvalidInputException(
          DIFFERENCE_ORDER_ID,
          "补差价订单 " + payment + " 尚未付清应补的 " + due + " 元（" + paidOrder.status().label() + "）");
    }
    String text = "买家已通过订单 " + payment + " 补差价 " + due + " 元，留用错发商品";
    shop.addRemark(ORDER_ID.get(task), RemarkColumn.INTERNAL, text);
    timeline.record(task.getExecution(), text);
  }
}
