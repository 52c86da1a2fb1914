package com.aftersales.followup;

import static com.aftersales.cases.CaseVariables.BUYER_ID;
import static com.aftersales.cases.CaseVariables.BUYER_MESSAGE_SENT;
import static com.aftersales.cases.CaseVariables.ITEM_TITLE;
import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.followup.ComplaintVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.BuyerMessages;
import com.aftersales.cases.CaseService;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.cases.TaskEscalation;
import com.aftersales.deadlines.Deadlines;
import com.aftersales.shop.MessagePurpose;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Complaints (SOP "beyond the seven"): welcome, listen and record, apologise, analyse and route to
 * a department; answered within 2 and handled within 24 service hours, else a supervisor is added.
 */
@Service
class ComplaintService {

  enum Kind {
    QUALITY("质量问题"),
    SERVICE("服务问题"),
    USAGE("使用问题"),
    PRICE("价格问题"),
    MALICIOUS("恶意投诉");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  enum Department {
    WAREHOUSE,
    PRODUCT,
    SERVICE,
    LOGISTICS,
    LEGAL
  }

  private final CaseService cases;
  private final BuyerMessages messages;
  private final CaseTimeline timeline;
  private final TaskEscalation escalation;
  private final Deadlines deadlines;
  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  ComplaintService(
      CaseService cases,
      BuyerMessages messages,
      CaseTimeline timeline,
      TaskEscalation escalation,
      Deadlines deadlines,
      JdbcTemplate jdbc,
      Clock clock) {
    this.cases = cases;
    this.messages = messages;
    this.timeline = timeline;
    this.escalation = escalation;
    this.deadlines = deadlines;
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  void opening(DelegateExecution execution) {
    cases.register(execution);
    // handled within 24 service hours of the complaint, not of the first answer
    COMPLAINT_HANDLE_DUE.set(execution, deadlines.due("complaintHandle"));
    messages.prepare(
        execution, ComplaintWording.apology(ORDER_ID.get(execution), ITEM_TITLE.get(execution)));
  }

  /**
   * Complete listener of the answer on models that ask the agent to tick "apologised" (the released
   * {@code complaint.bpmn}); the current model names {@link #respondedInChat}.
   */
  void responded(DelegateTask task) {
    Kind kind = Inputs.choice(task, COMPLAINT_KIND);
    String said = Inputs.text(task, WHAT_WAS_SAID, 1000, true);
    if (!Inputs.flag(task, APOLOGIZED)) {
      throw new InvalidInputException(APOLOGIZED, "请先向顾客致歉，再勾选“已向顾客致歉”");
    }
    register(task, kind, said);
  }

  /**
   * Complete listener of the answer: the apology the form shows goes to the buyer in Qianniu and is
   * recorded once the agent confirms sending it. A malicious complaint gets no apology (the form
   * hides it), and none is recorded.
   */
  void respondedInChat(DelegateTask task) {
    Kind kind = Inputs.choice(task, COMPLAINT_KIND);
    String said = Inputs.text(task, WHAT_WAS_SAID, 1000, true);
    if (kind == Kind.MALICIOUS) {
      BUYER_MESSAGE_SENT.set(task, false);
      APOLOGIZED.set(task, false);
    } else {
      messages.confirmSent(task, MessagePurpose.APOLOGY.name());
      APOLOGIZED.set(task, true);
    }
    register(task, kind, said);
  }

  private void register(DelegateTask task, Kind kind, String said) {
    COMPLAINT_KIND_LABEL.set(task, kind.label);
    String caseId = task.getExecution().getProcessBusinessKey();
    jdbc.update(
        "insert into complaint (case_id, order_id, buyer_id, kind, what_was_said, registered_by,"
            + " registered_at) values (?,?,?,?,?,?,?)",
        caseId,
        ORDER_ID.get(task),
        BUYER_ID.get(task),
        kind.name(),
        said,
        CaseTimeline.actor(task),
        now());
  }

  void handled(DelegateTask task) {
    Department department = Inputs.choice(task, DEPARTMENT);
    String outcome = Inputs.text(task, COMPLAINT_OUTCOME, 1000, true);
    if (COMPLAINT_KIND.get(task) == Kind.MALICIOUS && department != Department.LEGAL) {
      throw new InvalidInputException(DEPARTMENT, "恶意投诉请转法务处理");
    }
    jdbc.update(
        "update complaint set department = ?, outcome = ?, handled_by = ?, handled_at = ?"
            + " where case_id = ?",
        department.name(),
        outcome,
        CaseTimeline.actor(task),
        now(),
        task.getExecution().getProcessBusinessKey());
  }

  void escalate(DelegateExecution execution) {
    escalation.escalateOpenTasks(
        execution,
        "投诉未在时限内"
            + (ESCALATE_RESPONSE.equals(execution.getCurrentActivityId()) ? "响应（2小时）" : "处理完（24小时）")
            + "，已升级给客服主管");
  }

  void closing(DelegateExecution execution) {
    Kind kind = COMPLAINT_KIND.get(execution);
    Department department = DEPARTMENT.get(execution);
    cases.close(
        execution, kind == null ? null : kind + (department == null ? "" : "/" + department));
  }

  private OffsetDateTime now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone);
  }
}
