package com.aftersales.followup;

import static com.aftersales.cases.CaseVariables.CASE_ID;
import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.followup.SpotCheckVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseTimeline;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The steps of one spot check ({@code bpmn/follow-up-spot-check.bpmn}): the call shown to the
 * supervisor, and the scores written to the spot-check register.
 */
@Component
class SpotCheckSteps {

  private final JdbcTemplate jdbc;
  private final ZoneId zone;

  SpotCheckSteps(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  /** Start listener: the sampled call, as the caller recorded it. */
  void opening(DelegateExecution execution) {
    Map<String, Object> c =
        jdbc.queryForMap(
            "select * from follow_up_call where case_id = ?", CALL_CASE_ID.get(execution));
    CASE_ID.set(execution, execution.getProcessBusinessKey());
    ORDER_ID.set(execution, (String) c.get("order_id"));
    CALLER.set(execution, (String) c.get(CallRecord.CALLER));
    SCENARIO_LABEL.set(execution, Scenario.valueOf((String) c.get(CallRecord.SCENARIO)).label);
    CALL_RESULT_TEXT.set(
        execution,
        "商品满意度 "
            + c.get("product_satisfaction")
            + "，服务态度 "
            + c.get("service_attitude")
            + "，服务技能 "
            + c.get("service_skill")
            + "；问题 "
            + c.get(CallRecord.PROBLEM)
            + "；转处理 "
            + c.get("route_to")
            + (c.get(CallRecord.SUGGESTIONS) == null
                ? ""
                : "；买家建议：" + c.get(CallRecord.SUGGESTIONS))
            + (c.get("note") == null ? "" : "；备注：" + c.get("note")));
  }

  /** Complete listener of the spot check: nobody scores their own call. */
  void checked(DelegateTask task) {
    String checker = CaseTimeline.actor(task);
    if (checker != null && checker.equals(CALLER.get(task))) {
      throw new InvalidInputException(SCORE_WORDING, "不能抽查自己打的回访，请交给其他主管");
    }
    long wording = Inputs.number(task, SCORE_WORDING, 1, 5);
    long attitude = Inputs.number(task, SCORE_ATTITUDE, 1, 5);
    long record = Inputs.number(task, SCORE_RECORD, 1, 5);
    String note = Inputs.text(task, CHECK_NOTE, 500, false);
    jdbc.update(
        "update spot_check set checker = ?, score_wording = ?, score_attitude = ?, score_record = ?,"
            + " total_score = ?, note = ?, checked_at = ? where case_id = ?",
        checker,
        wording,
        attitude,
        record,
        wording + attitude + record,
        note,
        OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone),
        task.getExecution().getProcessBusinessKey());
  }

  /**
   * End listener named by spot checks started on models before this one (the released {@code
   * follow-up-spot-check.bpmn}); the current model no longer names it. It has nothing to do: a spot
   * check has one path, from the supervisor's task to its end, and the task's complete listener
   * ({@link #checked}) already wrote the whole record the SOP asks for (call sampled, caller,
   * checker, score per metric, total, note, when). Unlike {@code follow_up_call} or {@code
   * dunning_case}, {@code spot_check} has no outcome to close with. Keep the bean while such cases
   * may still run.
   */
  void closing(DelegateExecution execution) {
    // nothing left to record
  }
}
