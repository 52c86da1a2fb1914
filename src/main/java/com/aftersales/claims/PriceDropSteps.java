package com.aftersales.claims;

import static com.aftersales.cases.CaseVariables.ITEM_TITLE;
import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.claims.PriceDropVariables.*;
import static com.aftersales.refund.RefundCallVariables.REFUND_AMOUNT;
import static com.aftersales.refund.RefundCallVariables.REFUND_KIND;
import static com.aftersales.refund.RefundCallVariables.REFUND_REASON;

import com.aftersales.base.Access;
import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import com.aftersales.cases.BuyerMessages;
import com.aftersales.cases.CaseService;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.shop.Order;
import com.aftersales.shop.OrderStatus;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The price-drop refund (降价退差价, seed 004): the agent asks with the order, the new price and the day
 * of the cut; the difference is checked against the rule at the start; a supervisor approves or
 * refuses; a refusal is told to the buyer in Qianniu, an approval is paid through the called
 * refund.
 */
@Component
class PriceDropSteps {

  /** The supervisor's answer. */
  enum Approval {
    APPROVE,
    REFUSE
  }

  /** The register's problem category, as seed 004 names the problem. */
  static final String CATEGORY = "价格下降";

  private final CaseService cases;
  private final ShopBackOffice shop;
  private final BuyerMessages messages;
  private final CaseTimeline timeline;
  private final IdentityService identity;
  private final PriceDropSettings settings;
  private final ZoneId zone;

  PriceDropSteps(
      CaseService cases,
      ShopBackOffice shop,
      BuyerMessages messages,
      CaseTimeline timeline,
      IdentityService identity,
      PriceDropSettings settings,
      Clock clock) {
    this.cases = cases;
    this.shop = shop;
    this.messages = messages;
    this.timeline = timeline;
    this.identity = identity;
    this.settings = settings;
    this.zone = clock.getZone();
  }

  /**
   * Start listener: registers the case, then checks the request against the rule; a refusal rolls
   * the whole start back, so no case is opened.
   */
  void opening(DelegateExecution execution) {
    cases.register(execution);
    String orderId = ORDER_ID.get(execution);
    Order order = shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    if (order.status() == OrderStatus.WAITING_PAYMENT || order.paidAt() == null) {
      throw new InvalidInputException(ORDER_ID, "订单 " + orderId + " 买家还没有付款，没有差价可退");
    }
    if (order.status() == OrderStatus.CLOSED) {
      throw new InvalidInputException(ORDER_ID, "订单 " + orderId + " 交易已关闭，不能再退差价");
    }
    LocalDate paid = order.paidAt().atZoneSameInstant(zone).toLocalDate();
    LocalDate cut = cutDate(execution);
    long days = PriceDropRule.daysAfterPurchase(paid, cut, today(), settings.windowDays());
    BigDecimal newPrice = Inputs.money(execution, NEW_PRICE);
    Object given = execution.getVariable(PRICE_DROP_QUANTITY.name());
    long quantity =
        given == null || given.toString().isBlank()
            ? order.quantity()
            : Inputs.number(execution, PRICE_DROP_QUANTITY, 1, Integer.MAX_VALUE);
    BigDecimal amount =
        PriceDropRule.amount(
            order.itemPrice(),
            newPrice,
            quantity,
            order.quantity(),
            order.refundable(),
            settings.maxAmount());
    NEW_PRICE.set(execution, newPrice);
    PRICE_CUT_DATE.set(execution, cut.toString());
    PRICE_DROP_QUANTITY.set(execution, quantity);
    PAID_DATE.set(execution, paid.toString());
    DAYS_AFTER_PURCHASE.set(execution, days);
    WINDOW_DAYS.set(execution, (long) settings.windowDays());
    REFUND_AMOUNT.set(execution, amount);
    REFUND_KIND.set(execution, REFUND_KIND_PRICE_DIFFERENCE);
    String reason =
        "降价退差价：买家 "
            + paid
            + " 以 "
            + order.itemPrice()
            + " 元购买，"
            + cut
            + " 降为 "
            + newPrice
            + " 元，"
            + quantity
            + " 件";
    REFUND_REASON.set(execution, reason);
    timeline.record(execution, reason + "，申请退差价 " + amount + " 元，待主管审批");
  }

  private LocalDate cutDate(DelegateExecution execution) {
    Object value = execution.getVariable(PRICE_CUT_DATE.name());
    if (value instanceof java.util.Date d) {
      return d.toInstant().atZone(zone).toLocalDate();
    }
    String text = Inputs.text(execution, PRICE_CUT_DATE, 32, true);
    try {
      // a date field sends 2025-06-18; a date-time one 2025-06-18T00:00
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          PRICE_CUT_DATE, PRICE_CUT_DATE.label() + " “" + text + "” 格式不对，应为 年-月-日，例如 2025-06-18");
    }
  }

  /** Complete listener of the supervisor's task: only a supervisor decides; a refusal says why. */
  void decide(DelegateTask task) {
    if (!Access.actorIsIn(identity, task.getAssignee(), Roles.SUPERVISORS)) {
      throw new InvalidInputException(APPROVAL, "只有客服主管可以审批退差价");
    }
    Approval approval = Inputs.choice(task, APPROVAL);
    String note = Inputs.text(task, SUPERVISOR_NOTE, 500, approval == Approval.REFUSE);
    APPROVAL.set(task, approval);
    SUPERVISOR_NOTE.set(task, note);
    timeline.record(
        task.getExecution(),
        approval == Approval.APPROVE
            ? "主管批准退差价 " + REFUND_AMOUNT.get(task) + " 元" + (note == null ? "" : "：" + note)
            : "主管不批准退差价：" + note + "（待客服在千牛告知买家）");
  }

  /** Create listener of the agent's task after a refusal: the words for the buyer, with why. */
  void prepareRefusal(DelegateTask task) {
    messages.prepare(
        task,
        "亲，关于您订单 "
            + ORDER_ID.get(task)
            + " 的「"
            + ITEM_TITLE.get(task)
            + "」降价退差价的申请，我们已经认真向主管申请过了，很抱歉这次不能为您退差价："
            + SUPERVISOR_NOTE.get(task)
            + "。给您添麻烦了，您有其他问题随时找我们～");
  }

  /** End listener: the register row, with the outcome of the end reached. */
  void closing(DelegateExecution execution) {
    cases.close(execution, CATEGORY);
  }

  private LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate();
  }
}
