package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.*;

import com.aftersales.base.Access;
import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Money;
import com.aftersales.base.Roles;
import com.aftersales.cases.CaseService;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.cases.TaskEscalation;
import com.aftersales.deadlines.Deadlines;
import com.aftersales.shop.Flag;
import com.aftersales.shop.Order;
import com.aftersales.shop.OrderStatus;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The refund flow of {@code bpmn/refund.bpmn} (SOP §5): the trade state decides the path, the
 * platform's clocks run while the seller has not answered, finance alone agrees, and every decision
 * reaches the order's internal remark.
 */
@Service
class RefundService {

  static final String REFUND_AMOUNT = "refundAmount";
  static final String REFUND_KIND = "refundKind";
  static final String REFUND_REASON = "refundReason";
  static final String REFUND_DECISION = "refundDecision";
  static final String FINANCE_NOTE = "financeNote";
  static final String REFUND_OUTCOME = "refundOutcome";
  static final String REFUND_SETTLEMENT = "refundSettlement";
  static final String RETURN_REQUIRED = "returnRequired";
  static final String TRADE_STATE = "tradeState";
  static final String TRADE_STATE_LABEL = "tradeStateLabel";
  static final String ANSWER_PATH = "answerPath";
  static final String WINDOW_CLOCK = "windowClock";
  static final String WINDOW_RESULT = "windowResult";
  static final String WAIT_FOR_FILEABLE = "waitForFileable";
  static final String FILEABLE_AT = "refundFileableAt";
  static final String ANSWER_DUE = "sellerAnswerDue";
  static final String ANSWER_DUE_TEXT = "sellerAnswerDueText";
  static final String ANSWER_ESCALATE_AT = "answerEscalateAt";
  static final String DISPUTE_DUE = "disputeDue";
  static final String DISPUTE_DUE_TEXT = "disputeDueText";
  static final String DISPUTE_ESCALATE_AT = "disputeEscalateAt";
  static final String RETURN_SHIPPED_AT = "returnShippedAt";
  static final String RETURN_ANSWER_DUE = "returnAnswerDue";
  static final String REFUND_EVENT = "refundEvent";
  static final String REFUND_EVENT_NOTE = "refundEventNote";

  static final String APPROVE_TASK = "userTask_approveRefund";
  static final String TRANSFER_TASK = "userTask_transferRefund";

  /** The trade states a refund starts from (SOP §5). */
  enum TradeState {
    NOT_SHIPPED("买家已付款，未发货"),
    NOT_RECEIVED("已发货，买家未收货"),
    RECEIVED("买家已收货"),
    TRADE_SUCCEEDED("交易成功"),
    NONE("无可退金额");

    final String label;

    TradeState(String label) {
      this.label = label;
    }

    static TradeState of(Order order) {
      if (order.refundable().signum() <= 0) {
        return NONE;
      }
      return switch (order.status()) {
        case PAID -> NOT_SHIPPED;
        case SHIPPED -> order.signedAt() == null ? NOT_RECEIVED : RECEIVED;
        case SUCCEEDED -> TRADE_SUCCEEDED;
        case WAITING_PAYMENT, CLOSED -> NONE;
      };
    }
  }

  /** What the seller does first, inside the platform's window. */
  enum AnswerPath {
    RETAIN,
    INTERCEPT,
    RETURN,
    FINANCE,
    TRANSFER,
    NONE
  }

  /** Which platform clock runs for the seller's answer. */
  enum WindowClock {
    UNSHIPPED("refundUnshippedAnswer", "refundUnshippedEscalation"),
    SHIPPED("refundShippedAnswer", "refundShippedEscalation"),
    RETURN("refundReturnAnswer", "refundReturnEscalation"),
    DISPUTE(null, null);

    final String answer;
    final String escalation;

    WindowClock(String answer, String escalation) {
      this.answer = answer;
      this.escalation = escalation;
    }
  }

  enum Decision {
    AGREE,
    REJECT
  }

  enum RetainOutcome {
    KEPT,
    REFUND
  }

  enum InterceptOutcome {
    RECOVERED,
    NOT_RECOVERABLE
  }

  enum EvidenceAnswer {
    ACCEPT,
    CONTEST
  }

  enum Verdict {
    REFUNDED,
    CLOSED
  }

  enum InspectionResult {
    PASSED,
    FAILED
  }

  enum PayeeChannel {
    ALIPAY("支付宝"),
    BANK_CARD("银行卡");

    final String label;

    PayeeChannel(String label) {
      this.label = label;
    }
  }

  private static final Pattern ALIPAY_ACCOUNT =
      Pattern.compile("1\\d{10}|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private static final Pattern BANK_CARD = Pattern.compile("\\d{12,19}");
  private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ShopBackOffice shop;
  private final CaseService cases;
  private final CaseTimeline timeline;
  private final TaskEscalation escalation;
  private final Deadlines deadlines;
  private final IdentityService identity;
  private final ZoneId zone;
  private final String returnAddress;

  RefundService(
      ShopBackOffice shop,
      CaseService cases,
      CaseTimeline timeline,
      TaskEscalation escalation,
      Deadlines deadlines,
      IdentityService identity,
      Clock clock,
      @Value("${aftersales.return-address}") String returnAddress) {
    this.shop = shop;
    this.cases = cases;
    this.timeline = timeline;
    this.escalation = escalation;
    this.deadlines = deadlines;
    this.identity = identity;
    this.zone = clock.getZone();
    this.returnAddress = returnAddress;
  }

  // ---------------------------------------------------------------- opening and closing

  /**
   * Start listener: a refund opened on its own (API or Tasklist) is a case of its own, checked
   * against the trade state before anything is written. A refund called by a claim, return or
   * exchange belongs to that case and is not registered again.
   */
  void registerStandalone(DelegateExecution execution) {
    if (execution.getSuperExecution() != null) {
      return;
    }
    cases.register(execution);
    String orderId = ORDER_ID.get(execution);
    Order order = order(orderId);
    if (order.status() == OrderStatus.WAITING_PAYMENT) {
      throw new InvalidInputException(ORDER_ID, "订单 " + orderId + " 买家还没有付款，没有可退的钱");
    }
    if (order.status() == OrderStatus.CLOSED) {
      throw new InvalidInputException(ORDER_ID, "订单 " + orderId + " 交易已关闭，不能再退款");
    }
    BigDecimal refundable = order.refundable();
    if (refundable.signum() <= 0) {
      throw new InvalidInputException(ORDER_ID, "订单 " + orderId + " 已全额退款，没有可退金额");
    }
    BigDecimal amount = Money.of(execution.getVariable(REFUND_AMOUNT), REFUND_AMOUNT, "退款金额");
    if (amount == null) {
      amount = refundable;
    }
    if (amount.signum() <= 0) {
      throw new InvalidInputException(REFUND_AMOUNT, "退款金额必须大于 0 元");
    }
    if (amount.compareTo(refundable) > 0) {
      throw new InvalidInputException(
          REFUND_AMOUNT, "退款金额 " + amount + " 元超过可退金额 " + refundable + " 元（不能多于买家实付）");
    }
    TradeState state = TradeState.of(order);
    if (state == TradeState.NOT_RECEIVED && amount.compareTo(refundable) != 0) {
      throw new InvalidInputException(
          REFUND_AMOUNT, "已发货未收货只能整单退款（" + refundable + " 元），不能只退邮费、优惠或部分金额");
    }
    boolean returnRequired = Inputs.flag(execution, RETURN_REQUIRED, "需要买家退货");
    if (returnRequired && state != TradeState.RECEIVED) {
      throw new InvalidInputException(
          RETURN_REQUIRED, "订单当前“" + state.label + "”，买家手上没有货，不需要退货；请取消“需要买家退货”");
    }
    execution.setVariable(REFUND_AMOUNT, Money.variable(amount));
    execution.setVariable(REFUND_KIND, "REFUND");
    execution.setVariable(REFUND_REASON, DESCRIPTION.get(execution));
    execution.setVariable(RETURN_REQUIRED, returnRequired);
  }

  /** End listener: the outcome of ends that have no step of their own, and the register row. */
  void closeStandalone(DelegateExecution execution) {
    String end = execution.getCurrentActivityId();
    if ("endEvent_notRefiled".equals(end)) {
      execution.setVariable(REFUND_OUTCOME, "REJECTED");
    } else if ("endEvent_returnNotShipped".equals(end)) {
      execution.setVariable(REFUND_OUTCOME, "WITHDRAWN");
    }
    if (execution.getSuperExecution() == null) {
      Object outcome = execution.getVariable(REFUND_OUTCOME);
      Object settlement = execution.getVariable(REFUND_SETTLEMENT);
      cases.close(
          execution,
          outcome == null ? null : outcome + (settlement == null ? "" : "/" + settlement));
    }
  }

  // ---------------------------------------------------------------- trade state and clocks

  void readTradeState(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    Order order = order(orderId);
    boolean standalone = execution.getSuperExecution() == null;
    TradeState state = TradeState.of(order);
    AnswerPath path;
    if (state == TradeState.NONE) {
      path = AnswerPath.NONE;
    } else if (!standalone) {
      // the calling case has talked to the buyer already: finance decides under the platform clock
      path = AnswerPath.FINANCE;
    } else {
      path =
          switch (state) {
            case NOT_SHIPPED -> AnswerPath.RETAIN;
            case NOT_RECEIVED -> AnswerPath.INTERCEPT;
            case RECEIVED ->
                Boolean.TRUE.equals(execution.getVariable(RETURN_REQUIRED))
                    ? AnswerPath.RETURN
                    : AnswerPath.FINANCE;
            case TRADE_SUCCEEDED -> AnswerPath.TRANSFER;
            case NONE -> AnswerPath.NONE;
          };
    }
    execution.setVariable(TRADE_STATE, state.name());
    execution.setVariable(TRADE_STATE_LABEL, state.label);
    execution.setVariable(ANSWER_PATH, path.name());
    REFUNDABLE.set(execution, order.refundable());
    execution.setVariable(
        WINDOW_CLOCK,
        (state == TradeState.NOT_SHIPPED ? WindowClock.UNSHIPPED : WindowClock.SHIPPED).name());
    execution.setVariable(REFUND_OUTCOME, path == AnswerPath.NONE ? "NONE" : "PENDING");
    if (path == AnswerPath.INTERCEPT) {
      // shipped, not received: whole order only (no partial refund of postage or coupons)
      execution.setVariable(REFUND_AMOUNT, order.refundable().doubleValue());
    }
    Date now = ClockUtil.getCurrentTime();
    boolean wait = false;
    if (state == TradeState.NOT_SHIPPED && order.paidAt() != null) {
      Date fileable = deadlines.dueFrom("refundFileDelay", Date.from(order.paidAt().toInstant()));
      execution.setVariable(FILEABLE_AT, fileable);
      wait = fileable.after(now);
    }
    execution.setVariable(WAIT_FOR_FILEABLE, wait);
    String text =
        "交易状态："
            + state.label
            + "（订单状态 "
            + order.status().label()
            + "，可退 "
            + order.refundable()
            + " 元）";
    if (path == AnswerPath.NONE) {
      shop.addRemark(orderId, RemarkColumn.INTERNAL, "退款申请无法处理：" + text);
    }
    if (wait) {
      text += "；付款满24小时后（" + format(execution.getVariable(FILEABLE_AT)) + "）才能申请退款，届时自动受理";
    }
    timeline.record(execution, text);
  }

  /** Starts the platform's clock for the seller's answer; the flag and remarks say until when. */
  void startAnswerClock(DelegateExecution execution) {
    WindowClock clock = WindowClock.valueOf((String) execution.getVariable(WINDOW_CLOCK));
    Date due;
    Date escalate;
    if (clock == WindowClock.DISPUTE) {
      due = (Date) execution.getVariable(DISPUTE_DUE);
      escalate = (Date) execution.getVariable(DISPUTE_ESCALATE_AT);
    } else {
      Date start =
          clock == WindowClock.RETURN
              ? (Date) execution.getVariable(RETURN_SHIPPED_AT)
              : ClockUtil.getCurrentTime();
      due = deadlines.dueFrom(clock.answer, start);
      escalate = deadlines.dueFrom(clock.escalation, start);
    }
    execution.setVariable(ANSWER_DUE, due);
    execution.setVariable(ANSWER_DUE_TEXT, format(due));
    execution.setVariable(ANSWER_ESCALATE_AT, escalate);
    execution.setVariable(WINDOW_RESULT, null);
    String orderId = ORDER_ID.get(execution);
    String note =
        "退款 "
            + amount(execution)
            + " 元："
            + execution.getVariable(REFUND_REASON)
            + caseRef(execution);
    shop.setFlag(orderId, Flag.PURPLE, note);
    shop.addRemark(orderId, RemarkColumn.FINANCE, "待审核 " + note);
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "已受理退款（"
            + execution.getVariable(TRADE_STATE_LABEL)
            + "），须在 "
            + format(due)
            + " 前处理，否则平台自动退款："
            + note);
    timeline.record(execution, "平台计时开始，截止 " + format(due) + "：" + note);
  }

  void escalateAnswer(DelegateExecution execution) {
    escalation.escalateOpenTasks(
        execution,
        "退款将在 " + execution.getVariable(ANSWER_DUE_TEXT) + " 超过平台处理时限（届时平台自动退款），已升级给客服主管");
  }

  void recordPlatformRefund(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    boolean dispute =
        execution.getVariable(EVIDENCE_ANSWER) != null
            || execution.getVariable(DISPUTE_DUE) != null;
    String why =
        execution.getVariable("verdict") != null
            ? "平台裁决退款"
            : dispute ? "平台介入后卖家未按时确认凭证" : "卖家未在平台时限内处理";
    BigDecimal paid =
        shop.recordPlatformRefund(orderId, amount(execution), why + caseRef(execution));
    shop.setFlag(orderId, Flag.PURPLE, "平台已退款 " + paid + " 元：" + why);
    shop.addRemark(orderId, RemarkColumn.FINANCE, "平台已退款 " + paid + " 元（" + why + "）");
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "平台已自动退款 " + paid + " 元：" + why);
    execution.setVariable(REFUND_OUTCOME, "AGREED");
    execution.setVariable(REFUND_SETTLEMENT, "PLATFORM");
    timeline.record(execution, "平台已退款 " + paid + " 元：" + why);
  }

  // ---------------------------------------------------------------- not shipped: keep the sale

  void checkRetainSale(DelegateTask task) {
    RetainOutcome outcome = Inputs.choice(task, "retainOutcome", "挽留结果", RetainOutcome.class);
    Inputs.text(task, "retainNote", "沟通记录", 500, true);
    task.setVariable("retainOutcome", outcome.name());
  }

  void checkKeptShipment(DelegateTask task) {
    Inputs.text(task, "shipCarrier", "物流公司", 64, true);
    Inputs.trackingNumber(task, "shipTrackingNumber", "物流单号");
  }

  void withdrawRequest(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String carrier = (String) execution.getVariable("shipCarrier");
    String tracking = (String) execution.getVariable("shipTrackingNumber");
    shop.shipOrder(orderId, carrier, tracking);
    shop.setFlag(orderId, Flag.PURPLE, "退款申请已撤销：挽留成功，已发货" + caseRef(execution));
    shop.addRemark(orderId, RemarkColumn.SHIPPING, "挽留成功，已发货 " + carrier + " " + tracking);
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "挽留成功："
            + execution.getVariable("retainNote")
            + "；已发货 "
            + carrier
            + " "
            + tracking
            + "，买家撤销退款申请");
    execution.setVariable(WINDOW_RESULT, "SALE_KEPT");
    execution.setVariable(REFUND_OUTCOME, "WITHDRAWN");
    timeline.record(execution, "挽留成功，已发货 " + carrier + " " + tracking + "，退款申请撤销");
  }

  // ---------------------------------------------------------------- shipped, not received

  void checkIntercept(DelegateTask task) {
    InterceptOutcome outcome =
        Inputs.choice(task, "interceptOutcome", "拦截结果", InterceptOutcome.class);
    Inputs.text(task, "interceptNote", "拦截情况", 500, outcome == InterceptOutcome.NOT_RECOVERABLE);
  }

  void checkNotRecoverable(DelegateTask task) {
    Inputs.text(task, "rejectExplanation", "给买家的拒绝说明", 1000, true);
    Inputs.text(task, "rejectEvidence", "凭证", 500, true);
    task.setVariable(WINDOW_RESULT, "REJECTED_IN_TRANSIT");
  }

  void rejectInTransit(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String explanation = (String) execution.getVariable("rejectExplanation");
    String evidence = (String) execution.getVariable("rejectEvidence");
    shop.rejectRefund(orderId, explanation + "（凭证：" + evidence + "）");
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "包裹未能及时追回，已拒绝退款并举证：" + explanation + "（凭证：" + evidence + "）；包裹退回后请买家再次申请");
    timeline.record(execution, "已拒绝并举证，等待买家在包裹退回后再次申请：" + explanation);
  }

  void refiled(DelegateExecution execution) {
    execution.setVariable(ANSWER_PATH, AnswerPath.FINANCE.name());
    execution.setVariable(WINDOW_CLOCK, WindowClock.SHIPPED.name());
    timeline.record(execution, "买家再次申请退款（包裹已退回）");
  }

  // ---------------------------------------------------------------- received, return needed

  void agreeReturn(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    execution.setVariable("returnAddressText", returnAddress);
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "同意退货退款，已发送退货地址：" + returnAddress + "；等待买家寄回");
    execution.setVariable(WINDOW_RESULT, "RETURN_AGREED");
    timeline.record(execution, "同意退货，已发送退货地址");
  }

  void checkReturnShipment(DelegateTask task) {
    Inputs.text(task, "returnCarrier", "退货物流公司", 64, true);
    Inputs.trackingNumber(task, "returnTrackingNumber", "退货物流单号");
    Date now = ClockUtil.getCurrentTime();
    task.setVariable(RETURN_SHIPPED_AT, now);
    task.setVariable(RETURN_ANSWER_DUE, deadlines.dueFrom("refundReturnAnswer", now));
  }

  void checkInspection(DelegateTask task) {
    InspectionResult result =
        Inputs.choice(task, "inspectionResult", "验货结果", InspectionResult.class);
    String note =
        Inputs.text(task, "inspectionNote", "验货说明", 500, result == InspectionResult.FAILED);
    boolean passed = result == InspectionResult.PASSED;
    task.setVariable("inspectionPassed", passed);
    if (passed) {
      task.setVariable(ANSWER_PATH, AnswerPath.FINANCE.name());
      task.setVariable(WINDOW_CLOCK, WindowClock.RETURN.name());
    } else {
      task.setVariable(REFUND_DECISION, Decision.REJECT.name());
      task.setVariable(FINANCE_NOTE, "验货不通过：" + note);
    }
  }

  // ---------------------------------------------------------------- dispute

  void openDispute(DelegateExecution execution) {
    Date now = ClockUtil.getCurrentTime();
    Date due = deadlines.dueFrom("disputeConfirm", now);
    execution.setVariable(DISPUTE_DUE, due);
    execution.setVariable(DISPUTE_DUE_TEXT, format(due));
    execution.setVariable(DISPUTE_ESCALATE_AT, deadlines.dueFrom("disputeEscalation", now));
    String orderId = ORDER_ID.get(execution);
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "买家申请平台介入，须在 " + format(due) + " 前确认买家凭证" + caseRef(execution));
    timeline.record(execution, "买家申请平台介入，确认凭证截止 " + format(due));
  }

  void checkEvidence(DelegateTask task) {
    EvidenceAnswer answer = Inputs.choice(task, EVIDENCE_ANSWER, "是否认可买家凭证", EvidenceAnswer.class);
    Inputs.text(task, "disputeNote", "处理说明", 1000, true);
    if (answer == EvidenceAnswer.ACCEPT) {
      task.setVariable(ANSWER_PATH, AnswerPath.FINANCE.name());
      task.setVariable(WINDOW_CLOCK, WindowClock.DISPUTE.name());
    }
  }

  void escalateDispute(DelegateExecution execution) {
    escalation.escalate(
        execution,
        "userTask_confirmEvidence",
        "平台介入的买家凭证将在 " + execution.getVariable(DISPUTE_DUE_TEXT) + " 超时，已升级给客服主管");
  }

  void submitCounterEvidence(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String note = (String) execution.getVariable("disputeNote");
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "不认可买家凭证，已向平台提交反证：" + note + "；等待平台裁决");
    timeline.record(execution, "已提交反证，等待平台裁决：" + note);
  }

  void checkVerdict(DelegateTask task) {
    Verdict verdict = Inputs.choice(task, "verdict", "平台裁决", Verdict.class);
    Inputs.text(task, "verdictNote", "裁决说明", 500, false);
    if (verdict == Verdict.CLOSED) {
      task.setVariable(REFUND_OUTCOME, "CLOSED");
    }
  }

  // ---------------------------------------------------------------- after the trade succeeded

  void checkAccount(DelegateTask task) {
    PayeeChannel channel = Inputs.choice(task, "payeeChannel", "收款方式", PayeeChannel.class);
    Inputs.text(task, "payeeName", "收款人姓名", 64, true);
    String account = Inputs.text(task, "payeeAccount", "收款账号", 64, true).replace(" ", "");
    if (channel == PayeeChannel.ALIPAY && !ALIPAY_ACCOUNT.matcher(account).matches()) {
      throw new InvalidInputException("payeeAccount", "支付宝账号应为 11 位手机号或邮箱，请与买家核对");
    }
    if (channel == PayeeChannel.BANK_CARD && !BANK_CARD.matcher(account).matches()) {
      throw new InvalidInputException("payeeAccount", "银行卡号应为 12-19 位数字，请与买家核对");
    }
    Inputs.text(task, "payeeBank", "开户银行", 64, channel == PayeeChannel.BANK_CARD);
    if (!Inputs.flag(task, "accountConfirmed", "已与买家核对收款账户")) {
      throw new InvalidInputException("accountConfirmed", "请先与买家核对收款账户，再勾选“已与买家核对收款账户”");
    }
    task.setVariable("payeeAccount", account);
  }

  /** The transfer path: the purple flag and the remarks before finance transfers. */
  void report(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String note =
        "转账退款 "
            + amount(execution)
            + " 元至"
            + payee(execution)
            + "："
            + execution.getVariable(REFUND_REASON)
            + caseRef(execution);
    shop.setFlag(orderId, Flag.PURPLE, note);
    shop.addRemark(orderId, RemarkColumn.FINANCE, "待转账 " + note);
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "已核对收款账户，交财务48小时内转账：" + note);
    execution.setVariable(REFUND_OUTCOME, "PENDING");
    timeline.record(execution, "紫旗：" + note);
  }

  void escalateTransfer(DelegateExecution execution) {
    escalation.escalate(execution, TRANSFER_TASK, "转账退款即将超过48小时承诺时限，已升级给客服主管");
  }

  // ---------------------------------------------------------------- finance decides

  /** Complete listener of finance's tasks: only finance agrees, never above what was paid. */
  void checkDecision(DelegateTask task) {
    Decision decision = Inputs.choice(task, REFUND_DECISION, "审核结果", Decision.class);
    String note = Inputs.text(task, FINANCE_NOTE, "财务备注", 1000, decision == Decision.REJECT);
    if (decision == Decision.AGREE) {
      requireFinance(task);
      String orderId = ORDER_ID.get(task);
      Order order = order(orderId);
      BigDecimal amount = Money.required(task.getVariable(REFUND_AMOUNT), REFUND_AMOUNT, "退款金额");
      if (amount.signum() <= 0) {
        throw new InvalidInputException(REFUND_AMOUNT, "退款金额必须大于 0 元");
      }
      if (amount.compareTo(order.refundable()) > 0) {
        throw new InvalidInputException(
            REFUND_AMOUNT, "退款金额 " + amount + " 元超过买家实付可退金额 " + order.refundable() + " 元");
      }
    }
    task.setVariable(FINANCE_NOTE, note);
    task.setVariable(WINDOW_RESULT, "DECIDED");
  }

  void execute(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    BigDecimal amount = amount(execution);
    String reason = (String) execution.getVariable(REFUND_REASON);
    boolean transfer = execution.getVariable("payeeChannel") != null;
    String how = transfer ? "转账至" + payee(execution) : "原路退回";
    shop.agreeRefund(orderId, amount, reason + "（" + how + "）");
    shop.addRemark(orderId, RemarkColumn.FINANCE, "已退款 " + amount + " 元（" + how + "）：" + reason);
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "财务已同意退款 " + amount + " 元（" + how + "）" + decisions(execution));
    execution.setVariable(REFUND_OUTCOME, "AGREED");
    execution.setVariable(REFUND_SETTLEMENT, transfer ? "TRANSFER" : "FINANCE");
    timeline.record(execution, "已退款 " + amount + " 元（" + how + "）");
  }

  void reject(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String note = (String) execution.getVariable(FINANCE_NOTE);
    shop.rejectRefund(orderId, note);
    shop.setFlag(orderId, Flag.PURPLE, "退款驳回：" + note + caseRef(execution));
    shop.addRemark(orderId, RemarkColumn.FINANCE, "退款驳回：" + note);
    shop.addRemark(
        orderId, RemarkColumn.INTERNAL, "退款驳回：" + note + decisions(execution) + "，请与买家重新协商");
    execution.setVariable(REFUND_OUTCOME, "REJECTED");
    timeline.record(execution, "驳回：" + note);
  }

  // ---------------------------------------------------------------- events from the back office

  void recordEvent(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    RefundEventType type = RefundEventType.valueOf((String) execution.getVariable(REFUND_EVENT));
    Object note = execution.getVariable(REFUND_EVENT_NOTE);
    String text = "后台通知：" + type.label + (note == null ? "" : "（" + note + "）");
    shop.addRemark(orderId, RemarkColumn.INTERNAL, text + caseRef(execution));
    switch (type) {
      case PAID -> {
        execution.setVariable(REFUND_OUTCOME, "AGREED");
        execution.setVariable(REFUND_SETTLEMENT, "BACK_OFFICE");
      }
      case CLOSED -> execution.setVariable(REFUND_OUTCOME, "CLOSED");
      case WITHDRAWN -> execution.setVariable(REFUND_OUTCOME, "WITHDRAWN");
      default -> throw new IllegalStateException("no end for " + type);
    }
    timeline.record(execution, text);
  }

  // ---------------------------------------------------------------- helpers

  static final String EVIDENCE_ANSWER = "evidenceAnswer";

  private void requireFinance(DelegateTask task) {
    if (!Access.actorIsIn(identity, task.getAssignee(), Roles.FINANCE)) {
      throw new InvalidInputException(REFUND_DECISION, "只有财务（退款人员）可以同意退款；主管可以催办或驳回");
    }
  }

  private Order order(String orderId) {
    return shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
  }

  private static BigDecimal amount(VariableScope scope) {
    return Money.round(scope.getVariable(REFUND_AMOUNT));
  }

  private static String caseRef(DelegateExecution execution) {
    return "（售后单 " + execution.getProcessBusinessKey() + "）";
  }

  private static String payee(VariableScope scope) {
    Object channel = scope.getVariable("payeeChannel");
    String account = String.valueOf(scope.getVariable("payeeAccount"));
    String masked =
        account.length() <= 4
            ? account
            : "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
    String label = channel == null ? "" : PayeeChannel.valueOf(channel.toString()).label;
    return label + " " + scope.getVariable("payeeName") + " " + masked;
  }

  /** The decisions taken on the way, for the internal remark. */
  private static String decisions(VariableScope scope) {
    StringBuilder s = new StringBuilder();
    append(s, "挽留", scope.getVariable("retainNote"));
    append(s, "拦截", scope.getVariable("interceptNote"));
    append(s, "平台介入", scope.getVariable("disputeNote"));
    append(s, "验货", scope.getVariable("inspectionNote"));
    return s.toString();
  }

  private static void append(StringBuilder s, String what, Object note) {
    if (note != null && !note.toString().isBlank()) {
      s.append("；").append(what).append("：").append(note);
    }
  }

  private String format(Object date) {
    return date instanceof Date d ? DUE_TEXT.format(d.toInstant().atZone(zone)) : "";
  }
}
