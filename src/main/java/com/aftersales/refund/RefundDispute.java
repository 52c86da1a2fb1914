package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundVariables.*;
import static com.aftersales.refund.RefundWording.caseRef;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.cases.TaskEscalation;
import com.aftersales.deadlines.Deadlines;
import com.aftersales.refund.RefundCase.Outcome;
import com.aftersales.refund.RefundClocks.AnswerPath;
import com.aftersales.refund.RefundClocks.WindowClock;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.ShopBackOffice;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/**
 * The buyer asks the platform to step in (seed 000): both sides hand in evidence within 3 days; the
 * seller confirms the buyer's evidence within 24 hours (then finance refunds) or contests it. A
 * contested or unconfirmed dispute goes to the platform's reviewer: the seller hands in its own
 * evidence before the 3 days are out, and the reviewer answers within 4 working days after the
 * evidence window (weekends and configured holidays not counted), after which a supervisor looks
 * the verdict up.
 */
@Service
class RefundDispute {

  enum EvidenceAnswer {
    ACCEPT,
    CONTEST
  }

  enum Verdict {
    REFUNDED,
    CLOSED
  }

  private final ShopBackOffice shop;
  private final CaseTimeline timeline;
  private final TaskEscalation escalation;
  private final Deadlines deadlines;
  private final RefundWording wording;

  RefundDispute(
      ShopBackOffice shop,
      CaseTimeline timeline,
      TaskEscalation escalation,
      Deadlines deadlines,
      RefundWording wording) {
    this.shop = shop;
    this.timeline = timeline;
    this.escalation = escalation;
    this.deadlines = deadlines;
    this.wording = wording;
  }

  void openDispute(DelegateExecution execution) {
    Date now = ClockUtil.getCurrentTime();
    Date due = deadlines.dueFrom("disputeConfirm", now);
    DISPUTE_DUE.set(execution, due);
    DISPUTE_DUE_TEXT.set(execution, wording.time(due));
    DISPUTE_ESCALATE_AT.set(execution, deadlines.dueFrom("disputeEscalation", now));
    Date evidenceDue = deadlines.dueFrom("disputeEvidence", now);
    Date verdictDue = deadlines.dueFrom("disputeVerdict", evidenceDue);
    DISPUTE_EVIDENCE_DUE.set(execution, evidenceDue);
    DISPUTE_EVIDENCE_DUE_TEXT.set(execution, wording.time(evidenceDue));
    DISPUTE_VERDICT_DUE.set(execution, verdictDue);
    DISPUTE_VERDICT_DUE_TEXT.set(execution, wording.time(verdictDue));
    String orderId = ORDER_ID.get(execution);
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "买家申请平台介入，须在 "
            + wording.time(due)
            + " 前确认买家凭证，举证截止 "
            + wording.time(evidenceDue)
            + caseRef(execution));
    timeline.record(
        execution,
        "买家申请平台介入，确认凭证截止 "
            + wording.time(due)
            + "，双方举证截止 "
            + wording.time(evidenceDue)
            + "，平台审核最迟 "
            + wording.time(verdictDue));
  }

  void checkEvidence(DelegateTask task) {
    EvidenceAnswer answer = Inputs.choice(task, EVIDENCE_ANSWER);
    Inputs.text(task, DISPUTE_NOTE, 1000, true);
    if (answer == EvidenceAnswer.ACCEPT) {
      ANSWER_PATH.set(task, AnswerPath.FINANCE);
      WINDOW_CLOCK.set(task, WindowClock.DISPUTE);
    }
  }

  void escalateDispute(DelegateExecution execution) {
    escalation.escalate(
        execution,
        CONFIRM_EVIDENCE_TASK,
        "平台介入的买家凭证将在 " + DISPUTE_DUE_TEXT.get(execution) + " 超时，已升级给客服主管");
  }

  /** The seller's evidence task opens: after a contest, or when the 24 hours ran out. */
  void requestSellerEvidence(DelegateTask task) {
    if (EVIDENCE_ANSWER.get(task) == null) {
      timeline.record(
          task.getExecution(),
          "24 小时内未确认买家凭证，平台转人工审核；请在 " + DISPUTE_EVIDENCE_DUE_TEXT.get(task) + " 前提交我方凭证");
    }
  }

  void checkSellerEvidence(DelegateTask task) {
    if (!Inputs.flag(task, SELLER_EVIDENCE_UPLOADED)) {
      throw new InvalidInputException(
          SELLER_EVIDENCE_UPLOADED, "请先在千牛的退款详情里上传我方凭证，再完成此任务；举证期结束仍未上传，系统会记录未举证");
    }
    SELLER_EVIDENCE_UPLOADED.set(task, true);
    Inputs.text(task, DISPUTE_NOTE, 1000, true);
  }

  void submitCounterEvidence(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String note = DISPUTE_NOTE.get(execution);
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "不认可买家凭证，已向平台提交反证：" + note + "；等待平台裁决" + verdictExpected(execution));
    timeline.record(execution, "已提交反证，等待平台裁决：" + note + verdictExpected(execution));
  }

  /** The 3 days ran out before the seller handed in its evidence: recorded, the review goes on. */
  void closeEvidenceWindow(DelegateExecution execution) {
    String text = "举证期已结束，我方未提交凭证，平台按已有凭证审核" + verdictExpected(execution);
    shop.addRemark(ORDER_ID.get(execution), RemarkColumn.INTERNAL, text + caseRef(execution));
    timeline.record(execution, text);
  }

  private static String verdictExpected(DelegateExecution execution) {
    String due = DISPUTE_VERDICT_DUE_TEXT.get(execution);
    return due == null ? "" : "（平台最迟 " + due + " 前裁决，4 个工作日）";
  }

  void checkVerdict(DelegateTask task) {
    Verdict verdict = Inputs.choice(task, VERDICT);
    Inputs.text(task, VERDICT_NOTE, 500, false);
    if (verdict == Verdict.CLOSED) {
      REFUND_OUTCOME.set(task, Outcome.CLOSED);
    }
  }
}
