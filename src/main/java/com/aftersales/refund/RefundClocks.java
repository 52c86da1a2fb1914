package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.cases.CaseVariables.REFUNDABLE;
import static com.aftersales.refund.RefundVariables.*;
import static com.aftersales.refund.RefundWording.amount;
import static com.aftersales.refund.RefundWording.caseRef;

import com.aftersales.cases.CaseTimeline;
import com.aftersales.cases.TaskEscalation;
import com.aftersales.deadlines.Deadlines;
import com.aftersales.refund.RefundCase.Outcome;
import com.aftersales.refund.RefundCase.Settlement;
import com.aftersales.shop.Flag;
import com.aftersales.shop.Order;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.math.BigDecimal;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The trade state and the platform's clocks (SOP §5): the state decides the seller's path, the
 * platform's clock runs while the seller has not answered, a supervisor is added before it runs
 * out, and when it does the platform refunds on its own.
 */
@Service
class RefundClocks {

  /** What the seller does first, inside the platform's window. */
  enum AnswerPath {
    RETAIN,
    INTERCEPT,
    RETURN,
    FINANCE,
    TRANSFER,
    NONE
  }

  /** Which platform clock runs for the seller's answer (names of configured deadlines). */
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

  /** How the seller's window ended before the platform's clock ran out. */
  enum WindowResult {
    SALE_KEPT,
    REJECTED_IN_TRANSIT,
    RETURN_AGREED,
    DECIDED
  }

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;
  private final TaskEscalation escalation;
  private final Deadlines deadlines;
  private final RefundWording wording;
  private final CalledRefundLink platformRefunds;

  RefundClocks(
      ShopBackOffice shop,
      CaseTimeline timeline,
      TaskEscalation escalation,
      Deadlines deadlines,
      RefundWording wording,
      CalledRefundLink platformRefunds) {
    this.platformRefunds = platformRefunds;
    this.shop = shop;
    this.timeline = timeline;
    this.escalation = escalation;
    this.deadlines = deadlines;
    this.wording = wording;
  }

  /**
   * The seller's path: a refund the buyer filed (a case of its own) follows the trade state; a
   * refund a claim, return or exchange calls is money the shop offered, which the platform pays
   * only through a refund the buyer has open there, else finance transfers it.
   */
  static AnswerPath path(
      TradeState state, boolean standalone, boolean returnRequired, boolean platformRefundOpen) {
    if (state == TradeState.NONE) {
      return AnswerPath.NONE;
    }
    if (!standalone) {
      // the calling case has talked to the buyer already: finance decides
      return platformRefundOpen ? AnswerPath.FINANCE : AnswerPath.TRANSFER;
    }
    return switch (state) {
      case NOT_SHIPPED -> AnswerPath.RETAIN;
      case NOT_RECEIVED -> AnswerPath.INTERCEPT;
      case RECEIVED -> returnRequired ? AnswerPath.RETURN : AnswerPath.FINANCE;
      case TRADE_SUCCEEDED -> AnswerPath.TRANSFER;
      case NONE -> AnswerPath.NONE;
    };
  }

  void readTradeState(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    Order order = shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    boolean standalone = execution.getSuperExecution() == null;
    TradeState state = TradeState.of(order);
    boolean platformRefundOpen =
        !standalone && state != TradeState.NONE && platformRefunds.link(execution, orderId);
    AnswerPath path =
        path(
            state,
            standalone,
            Boolean.TRUE.equals(RETURN_REQUIRED.get(execution)),
            platformRefundOpen);
    TRADE_STATE.set(execution, state);
    TRADE_STATE_LABEL.set(execution, state.label);
    ANSWER_PATH.set(execution, path);
    REFUNDABLE.set(execution, order.refundable());
    WINDOW_CLOCK.set(
        execution, state == TradeState.NOT_SHIPPED ? WindowClock.UNSHIPPED : WindowClock.SHIPPED);
    REFUND_OUTCOME.set(execution, path == AnswerPath.NONE ? Outcome.NONE : Outcome.PENDING);
    if (path == AnswerPath.INTERCEPT) {
      // shipped, not received: whole order only (no partial refund of postage or coupons)
      REFUND_AMOUNT.set(execution, order.refundable());
    }
    Date now = ClockUtil.getCurrentTime();
    boolean wait = false;
    if (state == TradeState.NOT_SHIPPED && order.paidAt() != null) {
      Date fileable = deadlines.dueFrom("refundFileDelay", Date.from(order.paidAt().toInstant()));
      FILEABLE_AT.set(execution, fileable);
      wait = fileable.after(now);
    }
    WAIT_FOR_FILEABLE.set(execution, wait);
    String text =
        "交易状态："
            + state.label
            + "（订单状态 "
            + order.status().label()
            + "，可退 "
            + order.refundable()
            + " 元）";
    if (!standalone && path == AnswerPath.TRANSFER) {
      text +=
          "；买家没有在平台申请退款，平台不会支付这笔钱（"
              + amount(execution)
              + " 元："
              + REFUND_REASON.get(execution)
              + "），由财务转账到买家核对过的支付宝或银行卡";
    }
    if (path == AnswerPath.NONE) {
      shop.addRemark(orderId, RemarkColumn.INTERNAL, "退款申请无法处理：" + text);
    }
    if (wait) {
      text += "；付款满24小时后（" + wording.time(FILEABLE_AT.get(execution)) + "）才能申请退款，届时自动受理";
    }
    timeline.record(execution, text);
  }

  /** Starts the platform's clock for the seller's answer; the flag and remarks say until when. */
  void startAnswerClock(DelegateExecution execution) {
    WindowClock clock = WINDOW_CLOCK.get(execution);
    Date due;
    Date escalate;
    if (clock == WindowClock.DISPUTE) {
      due = DISPUTE_DUE.get(execution);
      escalate = DISPUTE_ESCALATE_AT.get(execution);
    } else {
      Date start =
          clock == WindowClock.RETURN
              ? RETURN_SHIPPED_AT.get(execution)
              : ClockUtil.getCurrentTime();
      due = deadlines.dueFrom(clock.answer, start);
      escalate = deadlines.dueFrom(clock.escalation, start);
    }
    ANSWER_DUE.set(execution, due);
    ANSWER_DUE_TEXT.set(execution, wording.time(due));
    ANSWER_ESCALATE_AT.set(execution, escalate);
    WINDOW_RESULT.set(execution, null);
    String orderId = ORDER_ID.get(execution);
    String note =
        "退款 " + amount(execution) + " 元：" + REFUND_REASON.get(execution) + caseRef(execution);
    shop.setFlag(orderId, Flag.PURPLE, note);
    shop.addRemark(orderId, RemarkColumn.FINANCE, "待审核 " + note);
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "已受理退款（"
            + TRADE_STATE_LABEL.get(execution)
            + "），须在 "
            + wording.time(due)
            + " 前处理，否则平台自动退款："
            + note);
    timeline.record(execution, "平台计时开始，截止 " + wording.time(due) + "：" + note);
  }

  void escalateAnswer(DelegateExecution execution) {
    escalation.escalateOpenTasks(
        execution, "退款将在 " + ANSWER_DUE_TEXT.get(execution) + " 超过平台处理时限（届时平台自动退款），已升级给客服主管");
  }

  /** The clock ran out (or the platform ruled for the buyer): the platform has refunded. */
  void recordPlatformRefund(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    boolean dispute = EVIDENCE_ANSWER.get(execution) != null || DISPUTE_DUE.get(execution) != null;
    String why =
        VERDICT.get(execution) != null ? "平台裁决退款" : dispute ? "平台介入后卖家未按时确认凭证" : "卖家未在平台时限内处理";
    BigDecimal paid =
        shop.recordPlatformRefund(orderId, amount(execution), why + caseRef(execution));
    shop.setFlag(orderId, Flag.PURPLE, "平台已退款 " + paid + " 元：" + why);
    shop.addRemark(orderId, RemarkColumn.FINANCE, "平台已退款 " + paid + " 元（" + why + "）");
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "平台已自动退款 " + paid + " 元：" + why);
    REFUND_OUTCOME.set(execution, Outcome.AGREED);
    REFUND_SETTLEMENT.set(execution, Settlement.PLATFORM);
    timeline.record(execution, "平台已退款 " + paid + " 元：" + why);
  }
}
