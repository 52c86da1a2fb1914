package com.aftersales.refund;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;
import com.aftersales.refund.RefundApproval.Decision;
import com.aftersales.refund.RefundCase.Outcome;
import com.aftersales.refund.RefundCase.Settlement;
import com.aftersales.refund.RefundClocks.AnswerPath;
import com.aftersales.refund.RefundClocks.WindowClock;
import com.aftersales.refund.RefundClocks.WindowResult;
import com.aftersales.refund.RefundDispute.EvidenceAnswer;
import com.aftersales.refund.RefundDispute.Verdict;
import com.aftersales.refund.RefundIntercept.InterceptOutcome;
import com.aftersales.refund.RefundRetention.RetainOutcome;
import com.aftersales.refund.RefundReturn.InspectionResult;
import com.aftersales.refund.RefundTransfer.PayeeChannel;
import java.math.BigDecimal;
import java.util.Date;

/**
 * {@code bpmn/refund.bpmn}: its key, the element ids code names, and its variables. The cases that
 * call the refund (claims, returns, exchanges) pass the case variables and the refund's request
 * (amount, kind, reason, outcome) in by name; the refund passes {@code refundOutcome} back.
 */
final class RefundVariables {
  static final String PROCESS_KEY = "refund";

  // element ids
  static final String APPROVE_TASK = "userTask_approveRefund";
  static final String TRANSFER_TASK = "userTask_transferRefund";
  static final String CONFIRM_EVIDENCE_TASK = "userTask_confirmEvidence";
  static final String NOT_REFILED_END = "endEvent_notRefiled";
  static final String RETURN_NOT_SHIPPED_END = "endEvent_returnNotShipped";
  static final String RECORD_RETURN_TASK = "userTask_recordReturnShipment";

  /** The timeline step of a back-office event no step of the refund waited for. */
  static final String IGNORED_EVENT_STEP = "refundEvent";

  // the request (open-refund, or passed in by the calling case)
  static final Variable<BigDecimal> REFUND_AMOUNT = RefundCallVariables.REFUND_AMOUNT;

  /** REFUND when opened on its own; callers pass their own kind (RETURN, COMPENSATION, ...). */
  static final Variable<String> REFUND_KIND = RefundCallVariables.REFUND_KIND;

  static final Variable<String> REFUND_REASON = RefundCallVariables.REFUND_REASON;
  static final Variable<Boolean> RETURN_REQUIRED = Variable.flag("returnRequired", "需要买家退货");

  /**
   * The buyer's refund on the platform, when the case has one (opened by the platform's message, or
   * linked later): then the platform carries what the buyer is told (the refusal's reason, the
   * return address); without it an agent tells the buyer in Qianniu.
   */
  static final Variable<String> PLATFORM_REFUND_ID = RefundCallVariables.PLATFORM_REFUND_ID;

  // what the refund ended with (refundOutcome goes back to the calling case, which reads it as
  // the text RefundCallVariables.REFUND_OUTCOME)
  static final Variable<Outcome> REFUND_OUTCOME =
      Variable.choice("refundOutcome", "退款结果", Outcome.class);
  static final Variable<Settlement> REFUND_SETTLEMENT =
      Variable.choice("refundSettlement", "退款方式", Settlement.class);

  // trade state and the platform's clocks
  static final Variable<TradeState> TRADE_STATE =
      Variable.choice("tradeState", "交易状态", TradeState.class);
  static final Variable<String> TRADE_STATE_LABEL = Variable.text("tradeStateLabel", "交易状态");
  static final Variable<AnswerPath> ANSWER_PATH =
      Variable.choice("answerPath", "处理路径", AnswerPath.class);
  static final Variable<WindowClock> WINDOW_CLOCK =
      Variable.choice("windowClock", "平台计时", WindowClock.class);
  static final Variable<WindowResult> WINDOW_RESULT =
      Variable.choice("windowResult", "平台时限内的处理结果", WindowResult.class);
  static final Variable<Boolean> WAIT_FOR_FILEABLE = Variable.flag("waitForFileable");
  static final Variable<Date> FILEABLE_AT = Variable.time("refundFileableAt");
  static final Variable<Date> ANSWER_DUE = Variable.time("sellerAnswerDue");
  static final Variable<String> ANSWER_DUE_TEXT = Variable.text("sellerAnswerDueText", "平台处理截止时间");
  static final Variable<Date> ANSWER_ESCALATE_AT = Variable.time("answerEscalateAt");

  // not shipped: keep the sale (refund-retain-sale, ship-kept-order)
  static final Variable<RetainOutcome> RETAIN_OUTCOME =
      Variable.choice("retainOutcome", "挽留结果", RetainOutcome.class);
  static final Variable<String> RETAIN_NOTE = Variable.text("retainNote", "沟通记录");
  static final Variable<String> SHIP_CARRIER = Variable.text("shipCarrier", "物流公司");
  static final Variable<String> SHIP_TRACKING_NUMBER = Variable.text("shipTrackingNumber", "物流单号");

  // shipped, not received (intercept-parcel, explain-not-recoverable)
  static final Variable<InterceptOutcome> INTERCEPT_OUTCOME =
      Variable.choice("interceptOutcome", "拦截结果", InterceptOutcome.class);
  static final Variable<String> INTERCEPT_NOTE = Variable.text("interceptNote", "拦截情况");
  static final Variable<String> REJECT_EXPLANATION = Variable.text("rejectExplanation", "给买家的拒绝说明");
  static final Variable<String> REJECT_EVIDENCE = Variable.text("rejectEvidence", "凭证");

  // received, return needed (refund-return-shipment, inspect-refund-return)
  static final Variable<String> RETURN_ADDRESS_TEXT = CaseVariables.RETURN_ADDRESS_TEXT;
  static final Variable<String> RETURN_CARRIER = Variable.text("returnCarrier", "退货物流公司");
  static final Variable<String> RETURN_TRACKING_NUMBER =
      Variable.text("returnTrackingNumber", "退货物流单号");
  static final Variable<Date> RETURN_SHIPPED_AT = Variable.time("returnShippedAt");
  static final Variable<Date> RETURN_ANSWER_DUE = Variable.time("returnAnswerDue");
  static final Variable<InspectionResult> INSPECTION_RESULT =
      Variable.choice("inspectionResult", "验货结果", InspectionResult.class);
  static final Variable<String> INSPECTION_NOTE = Variable.text("inspectionNote", "验货说明");
  static final Variable<Boolean> INSPECTION_PASSED = Variable.flag("inspectionPassed");

  // the buyer asks the platform to step in (confirm-evidence, check-verdict)
  static final Variable<Date> DISPUTE_DUE = Variable.time("disputeDue");
  static final Variable<String> DISPUTE_DUE_TEXT = Variable.text("disputeDueText", "确认截止时间");
  static final Variable<Date> DISPUTE_ESCALATE_AT = Variable.time("disputeEscalateAt");
  static final Variable<EvidenceAnswer> EVIDENCE_ANSWER =
      Variable.choice("evidenceAnswer", "是否认可买家凭证", EvidenceAnswer.class);
  static final Variable<String> DISPUTE_NOTE = Variable.text("disputeNote", "处理说明");
  static final Variable<Verdict> VERDICT = Variable.choice("verdict", "平台裁决", Verdict.class);
  static final Variable<String> VERDICT_NOTE = Variable.text("verdictNote", "裁决说明");
  // the 3-day evidence window and the reviewer's working days (submit-seller-evidence)
  static final Variable<Date> DISPUTE_EVIDENCE_DUE = Variable.time("disputeEvidenceDue");
  static final Variable<String> DISPUTE_EVIDENCE_DUE_TEXT =
      Variable.text("disputeEvidenceDueText", "举证截止时间");
  static final Variable<Date> DISPUTE_VERDICT_DUE = Variable.time("disputeVerdictDue");
  static final Variable<String> DISPUTE_VERDICT_DUE_TEXT =
      Variable.text("disputeVerdictDueText", "平台裁决最迟时间");
  static final Variable<Boolean> SELLER_EVIDENCE_UPLOADED =
      Variable.flag("sellerEvidenceUploaded", "已在千牛上传我方凭证");

  // after the trade succeeded: transfer (collect-refund-account, transfer-refund)
  static final Variable<PayeeChannel> PAYEE_CHANNEL =
      Variable.choice("payeeChannel", "收款方式", PayeeChannel.class);
  static final Variable<String> PAYEE_NAME = Variable.text("payeeName", "收款人姓名");
  static final Variable<String> PAYEE_ACCOUNT = Variable.text("payeeAccount", "收款账号");
  static final Variable<String> PAYEE_BANK = Variable.text("payeeBank", "开户银行");
  static final Variable<Boolean> ACCOUNT_CONFIRMED =
      Variable.flag("accountConfirmed", "已与买家核对收款账户");

  // finance decides (approve-refund, transfer-refund)
  static final Variable<Decision> REFUND_DECISION =
      Variable.choice("refundDecision", "审核结果", Decision.class);
  static final Variable<String> FINANCE_NOTE = Variable.text("financeNote", "财务备注");

  /** A refused refund whose reason no platform refusal carried: an agent tells the buyer. */
  static final Variable<Boolean> REFUSAL_IN_CHAT = Variable.flag("refusalInChat");

  // a refund agreed on the platform waits for the platform's "退款成功" (check-platform-refund)
  /** The message the platform's confirmation sends to a case waiting for it. */
  static final String PLATFORM_PAID_MESSAGE = "refundSucceeded";

  static final Variable<Boolean> AWAIT_PLATFORM_PAID = Variable.flag("awaitPlatformPaid");
  static final Variable<RefundPlatformPaid.Check> PLATFORM_PAID_CHECK =
      Variable.choice("platformPaidCheck", "千牛核对结果", RefundPlatformPaid.Check.class);
  static final Variable<String> PLATFORM_PAID_NOTE = Variable.text("platformPaidNote", "核对说明");

  // events from the shop back office (message correlation)
  static final Variable<RefundEventType> REFUND_EVENT =
      Variable.choice("refundEvent", "后台通知", RefundEventType.class);
  static final Variable<String> REFUND_EVENT_NOTE = Variable.text("refundEventNote", "说明");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(PROCESS_KEY, RefundVariables.class, CaseVariables.class);

  private RefundVariables() {}
}
