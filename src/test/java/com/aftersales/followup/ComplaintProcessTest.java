package com.aftersales.followup;

import static com.aftersales.support.ClaimSteps.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseStatus;
import com.aftersales.support.ProcessPathTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bpmn/complaint.bpmn}: record, apologise, analyse, route to a department; answered within 2
 * and handled within 24 service hours, escalated to supervisors otherwise.
 */
class ComplaintProcessTest extends ProcessPathTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired JdbcTemplate jdbc;

  ComplaintProcessTest() {
    super("complaint");
  }

  private static Date at(LocalDate day, int hour, int minute) {
    return Date.from(day.atTime(LocalTime.of(hour, minute)).atZone(SHANGHAI).toInstant());
  }

  private Map<String, Object> responded(String kind) {
    return vars("complaintKind", kind, "whatWasSaid", "客服态度差，要求道歉", "apologized", true);
  }

  @Test
  void shouldRecordApologiseAndRouteAComplaintWithinServiceHours() {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(100);
    // made at 20:30: two service hours end at 10:30 the next morning (service 09:00–21:00)
    ClockUtil.setCurrentTime(at(day, 20, 30));
    ProcessInstance pi = openCase(CaseKind.COMPLAINT, "tb_cmp", "50.00", 1, "客服回复太慢");
    Task respond = taskOf(pi, "userTask_respondComplaint");
    assertThat(respond).hasCandidateGroup("agents");
    Assertions.assertThat(respond.getDueDate()).isEqualTo(at(day.plusDays(1), 10, 30));
    Assertions.assertThat(
            processEngine.getTaskService().getVariable(respond.getId(), "apologyText"))
        .asString()
        .contains("非常抱歉");
    Map<String, Object> noApology = responded("SERVICE");
    noApology.put("apologized", false);
    assertRefused(pi, "userTask_respondComplaint", noApology).hasMessageContaining("请先向顾客致歉");

    ClockUtil.setCurrentTime(at(day.plusDays(1), 10, 31));
    runDueTimers(pi);
    Task escalated = taskOf(pi, "userTask_respondComplaint");
    assertThat(escalated).hasCandidateGroup("supervisors");
    assertThat(pi).hasPassed("endEvent_responseEscalated");

    completeAs(pi, "userTask_respondComplaint", "agent1", responded("SERVICE"));
    Task handle = taskOf(pi, "userTask_handleComplaint");
    // 24 service hours from 20:30: 30 min that day, 12 h the next, 11.5 h the day after → 20:30
    Assertions.assertThat(handle.getDueDate()).isEqualTo(at(day.plusDays(2), 20, 30));
    completeAs(
        pi,
        "userTask_handleComplaint",
        "agent1",
        vars("department", "SERVICE", "complaintOutcome", "已致电道歉并培训该客服"));
    assertThat(pi).isEnded().hasPassed("endEvent_handled");
    Map<String, Object> row =
        jdbc.queryForMap("select * from complaint where case_id = ?", pi.getBusinessKey());
    Assertions.assertThat(row)
        .containsEntry("kind", "SERVICE")
        .containsEntry("department", "SERVICE")
        .containsEntry("registered_by", "agent1")
        .containsEntry("outcome", "已致电道歉并培训该客服");
    Assertions.assertThat(caseRepository.find(pi.getBusinessKey()).orElseThrow().status())
        .isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void shouldSendAMaliciousComplaintToLegalAndEscalateSlowHandling() {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(110);
    ClockUtil.setCurrentTime(at(day, 10, 0));
    ProcessInstance pi = openCase(CaseKind.COMPLAINT, "tb_cmp2", "50.00", 1, "威胁差评索要赔偿");
    completeAs(pi, "userTask_respondComplaint", "agent2", responded("MALICIOUS"));
    assertRefused(
            pi,
            "userTask_handleComplaint",
            vars("department", "SERVICE", "complaintOutcome", "已安抚"))
        .hasMessageContaining("恶意投诉请转法务处理");
    moveClock(Duration.ofDays(3));
    runDueTimers(pi);
    assertThat(taskOf(pi, "userTask_handleComplaint")).hasCandidateGroup("supervisors");
    assertThat(pi).hasPassed("endEvent_handlingEscalated");
    completeAs(
        pi,
        "userTask_handleComplaint",
        "agent2",
        vars("department", "LEGAL", "complaintOutcome", "已留存聊天记录，转法务"));
    assertThat(pi).isEnded().hasPassed("endEvent_handled");
  }
}
