package com.aftersales.followup;

import static com.aftersales.support.ClaimSteps.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseStatus;
import com.aftersales.shop.MessageChannel;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.SentMessage;
import com.aftersales.support.ProcessPathTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
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
    return vars("complaintKind", kind, "whatWasSaid", "客服态度差，要求道歉", "buyerMessageSent", true);
  }

  private List<SentMessage> messages(ProcessInstance pi) {
    return shop.buyerMessages(pi.getBusinessKey());
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
    String apology =
        (String) processEngine.getTaskService().getVariable(respond.getId(), "buyerMessageText");
    Assertions.assertThat(apology)
        .contains("非常抱歉")
        .contains(orderOf(pi))
        .contains(
            (String) processEngine.getTaskService().getVariable(respond.getId(), "itemTitle"));
    Map<String, Object> noApology = responded("SERVICE");
    noApology.put("buyerMessageSent", false);
    assertRefused(pi, "userTask_respondComplaint", noApology)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("已在千牛发送给买家");
    Assertions.assertThat(messages(pi)).isEmpty();

    ClockUtil.setCurrentTime(at(day.plusDays(1), 10, 31));
    runDueTimers(pi);
    Task escalated = taskOf(pi, "userTask_respondComplaint");
    assertThat(escalated).hasCandidateGroup("supervisors");
    assertThat(pi).hasPassed("endEvent_responseEscalated");

    completeAs(pi, "userTask_respondComplaint", "agent1", responded("SERVICE"));
    List<SentMessage> sent = messages(pi);
    Assertions.assertThat(sent).hasSize(1);
    Assertions.assertThat(sent.get(0).purpose()).isEqualTo(MessagePurpose.APOLOGY);
    Assertions.assertThat(sent.get(0).channel()).isEqualTo(MessageChannel.QIANNIU);
    Assertions.assertThat(sent.get(0).sentBy()).isEqualTo("agent1");
    Assertions.assertThat(sent.get(0).text()).isEqualTo(apology);
    Task handle = taskOf(pi, "userTask_handleComplaint");
    // 24 service hours from 20:30: 30 min that day, 12 h the next, 11.5 h the day after → 20:30
    Assertions.assertThat(handle.getDueDate()).isEqualTo(at(day.plusDays(2), 20, 30));
    completeAs(
        pi,
        "userTask_handleComplaint",
        "agent1",
        vars("department", "SERVICE", "complaintOutcome", "已致电道歉并培训该客服"));
    assertThat(pi).isEnded().hasPassed("endEvent_handled");
    Assertions.assertThat(messages(pi)).hasSize(1);
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
    // no apology for a malicious complaint: a tick the form hid records nothing
    completeAs(pi, "userTask_respondComplaint", "agent2", responded("MALICIOUS"));
    Assertions.assertThat(messages(pi)).isEmpty();
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
    Assertions.assertThat(messages(pi)).isEmpty();
  }
}
