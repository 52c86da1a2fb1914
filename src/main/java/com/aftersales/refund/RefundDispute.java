package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundVariables.*;
import static com.aftersales.refund.RefundWording.caseRef;

import com.aftersales.base.Inputs;
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
 * The buyer asks the platform to step in: the seller confirms the buyer's evidence within 24 hours
 * (then finance refunds) or contests it with counter-evidence and the platform rules.
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
    String orderId = ORDER_ID.get(execution);
    shop.addRemark(
        orderId,
        RemarkColumn.INTERNAL,
        "买家申请平台介入，须在 " + wording.time(due) + " 前确认买家凭证" + caseRef(execution));
    timeline.record(execution, "买家申请平台介入，确认凭证截止 " + wording.time(due));
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

  void submitCounterEvidence(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    String note = DISPUTE_NOTE.get(execution);
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "不认可买家凭证，已向平台提交反证：" + note + "；等待平台裁决");
    timeline.record(execution, "已提交反证，等待平台裁决：" + note);
  }

  void checkVerdict(DelegateTask task) {
    Verdict verdict = Inputs.choice(task, VERDICT);
    Inputs.text(task, VERDICT_NOTE, 500, false);
    if (verdict == Verdict.CLOSED) {
      REFUND_OUTCOME.set(task, Outcome.CLOSED);
    }
  }
}
