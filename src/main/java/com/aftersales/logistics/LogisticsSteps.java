package com.aftersales.logistics;

import static com.aftersales.cases.CaseVariables.*;
import static com.aftersales.logistics.LogisticsVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.BuyerMessages;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.cases.TaskEscalation;
import com.aftersales.deadlines.Deadlines;
import com.aftersales.logistics.LogisticsChoices.ProblemType;
import com.aftersales.logistics.LogisticsChoices.ReceiptExtension;
import com.aftersales.logistics.LogisticsChoices.Situation;
import com.aftersales.logistics.LogisticsChoices.WarehouseFinding;
import com.aftersales.registers.LogisticsRegister;
import com.aftersales.shop.Flag;
import com.aftersales.shop.Order;
import com.aftersales.shop.OrderStatus;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.TraceStep;
import com.aftersales.shop.UnknownOrderException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The first half of a logistics case: the order's state and trace from the back office, the
 * warehouse for a paid order not shipped, the agent's reading of the trace, and the buyer's receipt
 * time (extended through the port before the platform would confirm receipt by itself).
 */
@Component
class LogisticsSteps {

  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final Set<Long> PLATFORM_DAYS = Set.of(3L, 5L, 7L, 10L);

  private final ShopBackOffice shop;
  private final Deadlines deadlines;
  private final LogisticsRegister register;
  private final LogisticsConfig config;
  private final CaseTimeline timeline;
  private final BuyerMessages messages;
  private final TaskEscalation escalation;
  private final ZoneId zone;

  LogisticsSteps(
      ShopBackOffice shop,
      Deadlines deadlines,
      LogisticsRegister register,
      LogisticsConfig config,
      CaseTimeline timeline,
      BuyerMessages messages,
      TaskEscalation escalation,
      Clock clock) {
    this.shop = shop;
    this.deadlines = deadlines;
    this.register = register;
    this.config = config;
    this.timeline = timeline;
    this.messages = messages;
    this.escalation = escalation;
    this.zone = clock.getZone();
  }

  /** Reads the order and its trace: shipped or not, the trace for the agent, the auto-confirm. */
  void readTrace(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    Order order = shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    boolean shipped =
        order.status() == OrderStatus.SHIPPED || order.status() == OrderStatus.SUCCEEDED;
    ORDER_SHIPPED.set(execution, shipped);
    if (!shipped) {
      TRACE_TEXT.set(execution, "订单尚未发货（" + order.status().label() + "）");
      timeline.record(execution, "后台显示未发货：" + order.status().label());
      return;
    }
    List<TraceStep> trace = shop.logisticsTrace(orderId);
    TRACE_TEXT.set(execution, traceText(trace));
    Instant shippedAt =
        trace.isEmpty() || trace.get(0).time() == null
            ? (order.paidAt() != null ? order.paidAt() : order.createdAt()).toInstant()
            : trace.get(0).time().toInstant();
    Date autoConfirm = deadlines.dueFrom("logisticsAutoConfirm", Date.from(shippedAt));
    AUTO_CONFIRM_TEXT.set(execution, TEXT.format(autoConfirm.toInstant().atZone(zone)));
    // escalate this long before the auto-confirmation; at once when that moment has passed
    long margin =
        deadlines.dueFrom("logisticsExtendMargin", new Date(0)).getTime(); // the margin in ms
    Date due = new Date(Math.max(autoConfirm.getTime() - margin, now().getTime()));
    RECEIPT_EXTENSION_DUE.set(execution, due);
    timeline.record(execution, "查物流：" + (trace.isEmpty() ? "暂无物流信息" : latest(trace)));
  }

  static String traceText(List<TraceStep> trace) {
    if (trace.isEmpty()) {
      return "暂无物流信息";
    }
    StringBuilder text = new StringBuilder();
    for (TraceStep step : trace.subList(Math.max(0, trace.size() - 10), trace.size())) {
      text.append(step.time() == null ? "" : TEXT.format(step.time()))
          .append(" ")
          .append(step.description())
          .append("\n");
    }
    return text.toString().strip();
  }

  private static String latest(List<TraceStep> trace) {
    TraceStep last = trace.get(trace.size() - 1);
    return (last.time() == null ? "" : TEXT.format(last.time()) + " ") + last.description();
  }

  // ---------------------------------------------------------------- paid, not shipped

  void checkWarehouseFinding(DelegateTask task) {
    WarehouseFinding finding = Inputs.choice(task, WAREHOUSE_FINDING);
    if (finding == WarehouseFinding.SHIPPED_NOT_MARKED) {
      checkShipment(task);
    }
    PROBLEM_TYPE.set(task, ProblemType.NOT_SHIPPED.name());
    register.problem(caseId(task), ProblemType.NOT_SHIPPED.name(), ProblemType.NOT_SHIPPED.label);
    register.action(
        caseId(task),
        null,
        finding == WarehouseFinding.NOT_ARRANGED ? "仓库核实：尚未安排发货" : "仓库核实：已发货但后台未点发货");
  }

  void checkShipment(DelegateTask task) {
    Inputs.text(task, SHIP_CARRIER, 64, true);
    Inputs.trackingNumber(task, SHIP_TRACKING_NUMBER);
  }

  void flagShipNow(DelegateExecution execution) {
    String note = "买家查件：仓库尚未安排发货，请尽快发货（售后单 " + execution.getProcessBusinessKey() + "）";
    shop.setFlag(ORDER_ID.get(execution), Flag.BLUE, note);
    register.action(execution.getProcessBusinessKey(), null, "已插蓝旗催仓库发货");
    timeline.record(execution, note);
  }

  /** The back office marks the order shipped; the buyer is told the number by the agent. */
  void markShipped(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String carrier = SHIP_CARRIER.get(execution);
    String tracking = SHIP_TRACKING_NUMBER.get(execution);
    shop.shipOrder(orderId, carrier, tracking);
    shop.addRemark(orderId, RemarkColumn.SHIPPING, "查件后发货：" + carrier + " " + tracking);
    CARRIER.set(execution, carrier);
    TRACKING_NUMBER.set(execution, tracking);
    register.waybill(execution.getProcessBusinessKey(), carrier, tracking);
    register.action(execution.getProcessBusinessKey(), null, "后台已发货 " + carrier + " " + tracking);
    messages.prepare(
        execution, LogisticsWording.shipped(orderId, ITEM_TITLE.get(execution), carrier, tracking));
    timeline.record(execution, "已发货：" + carrier + " " + tracking + "，待客服告知买家");
  }

  // ---------------------------------------------------------------- shipped: the agent's reading

  void checkAssessment(DelegateTask task) {
    Situation situation = Inputs.choice(task, PARCEL_SITUATION);
    if (situation == Situation.DIFFICULT_COURIER) {
      Inputs.choice(task, COURIER_CAUSE);
    } else {
      task.setVariable(COURIER_CAUSE.name(), null);
    }
    String note = Inputs.text(task, ASSESS_NOTE, 1000, situation != Situation.NORMAL);
    register.action(
        caseId(task),
        CaseTimeline.actor(task),
        "查件：" + situation.label + (note == null ? "" : "，" + note));
  }

  /** End listener of the decision: its advice as the case's variables and the register's type. */
  void takeAdvice(DelegateExecution execution) {
    @SuppressWarnings("unchecked")
    Map<String, Object> advice = (Map<String, Object>) HANDLING_ADVICE.get(execution);
    ProblemType type = ProblemType.valueOf((String) advice.get(PROBLEM_TYPE.name()));
    PROBLEM_TYPE.set(execution, type.name());
    EXTEND_RECEIPT.set(execution, Boolean.TRUE.equals(advice.get(EXTEND_RECEIPT.name())));
    register.problem(execution.getProcessBusinessKey(), type.name(), type.label);
  }

  /** The normal trace, worded for the buyer on the agent's task. */
  void prepareNormal(DelegateTask task) {
    String trace = TRACE_TEXT.get(task);
    String latest = trace == null ? null : trace.substring(trace.lastIndexOf('\n') + 1);
    messages.prepare(
        task, LogisticsWording.normal(ORDER_ID.get(task), ITEM_TITLE.get(task), latest));
  }

  // ---------------------------------------------------------------- the buyer's receipt time

  void checkExtension(DelegateTask task) {
    ReceiptExtension choice = Inputs.choice(task, RECEIPT_EXTENSION);
    if (choice == ReceiptExtension.EXTEND) {
      long days = Inputs.number(task, EXTEND_DAYS, 1, 10);
      if (!PLATFORM_DAYS.contains(days)) {
        throw new InvalidInputException(EXTEND_DAYS, "平台只能延长 3、5、7 或 10 天");
      }
      return;
    }
    String orderId = ORDER_ID.get(task);
    Order order = shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    boolean delivered =
        order.signedAt() != null
            || order.status() == OrderStatus.SUCCEEDED
            || StalledParcels.judge(
                    shop.logisticsTrace(orderId),
                    config.deliveredWords(),
                    now().toInstant(),
                    t -> t)
                == StalledParcels.Verdict.DELIVERED;
    if (!delivered) {
      throw new InvalidInputException(
          RECEIPT_EXTENSION, "包裹还没有签收，交易会在 " + AUTO_CONFIRM_TEXT.get(task) + " 自动确认收货：请延长收货时间");
    }
  }

  /** Extends the receipt time through the port (or records that the parcel arrived first). */
  void extendReceipt(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    if (RECEIPT_EXTENSION.get(execution) == ReceiptExtension.NOT_NEEDED) {
      register.action(caseId, null, "包裹已签收，无需延长收货时间");
      timeline.record(execution, "包裹已签收，无需延长收货时间");
      return;
    }
    int days = EXTEND_DAYS.get(execution).intValue();
    shop.extendReceiptTime(ORDER_ID.get(execution), days);
    shop.addRemark(
        ORDER_ID.get(execution), RemarkColumn.INTERNAL, "已延长收货时间 " + days + " 天（" + caseId + "）");
    register.action(caseId, null, "已延长收货时间 " + days + " 天");
    timeline.record(execution, "已延长买家收货时间 " + days + " 天");
  }

  void escalateExtension(DelegateExecution execution) {
    escalation.escalate(
        execution,
        EXTEND_TASK,
        "交易将在 " + AUTO_CONFIRM_TEXT.get(execution) + " 自动确认收货，收货时间还没有延长：已升级给客服主管");
    register.action(execution.getProcessBusinessKey(), null, "延长收货时间超时，已升级主管");
  }

  private Date now() {
    return ClockUtil.getCurrentTime();
  }

  static String caseId(DelegateTask task) {
    return task.getExecution().getProcessBusinessKey();
  }
}
