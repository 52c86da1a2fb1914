package com.aftersales.followup;

import static com.aftersales.support.ClaimSteps.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.base.InvalidInputException;
import com.aftersales.support.ProcessPathTest;
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

/** {@code bpmn/follow-up-spot-check.bpmn}: a supervisor scores a sampled call, never their own. */
class SpotCheckProcessTest extends ProcessPathTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired FollowUpSelection followUps;
  @Autowired SpotCheckSampling spotChecks;
  @Autowired JdbcTemplate jdbc;

  SpotCheckProcessTest() {
    super("follow-up-spot-check");
  }

  @Test
  void shouldRecordTheScoresAndRefuseToLetTheCallerCheckTheirOwnCall() {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(3000);
    ClockUtil.setCurrentTime(
        Date.from(day.atTime(LocalTime.of(9, 0)).atZone(SHANGHAI).toInstant()));
    String orderId =
        orders.signed(
            "tb_spot",
            "浙江省 杭州市",
            day.minusDays(3).atTime(15, 0).atZone(SHANGHAI).toOffsetDateTime());
    followUps.select(day);
    String callCase = "FOLLOWUP-RECEIVED-" + orderId;
    Task call =
        processEngine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(callCase)
            .singleResult();
    // a supervisor made this call (busy day): they may not check it themselves
    processEngine.getTaskService().setAssignee(call.getId(), "supervisor");
    processEngine
        .getTaskService()
        .complete(
            call.getId(),
            vars(
                "reachedAnswer", "YES",
                "productSatisfaction", "BASIC",
                "serviceAttitude", "VERY",
                "serviceSkill", "VERY",
                "problem", "NONE",
                "routeTo", "NONE"));

    SpotCheckSampling.Sampling sampling = spotChecks.sample(day);
    Assertions.assertThat(sampling.callCaseIds()).containsExactly(callCase);
    ProcessInstance pi =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey("SPOT-" + callCase)
            .singleResult();
    Task check = taskOf(pi, "userTask_spotCheck");
    assertThat(check).hasCandidateGroup("supervisors");
    Assertions.assertThat(
            processEngine.getTaskService().getVariable(check.getId(), "callResultText"))
        .asString()
        .contains("商品满意度 BASIC");
    Map<String, Object> scores =
        vars("scoreWording", 4L, "scoreAttitude", 5L, "scoreRecord", 3L, "checkNote", "开场白不够规范");
    processEngine.getTaskService().setAssignee(check.getId(), "supervisor");
    assertRefused(pi, "userTask_spotCheck", scores)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不能抽查自己打的回访");
    processEngine.getTaskService().setAssignee(check.getId(), "supervisor2");
    assertRefused(
            pi,
            "userTask_spotCheck",
            vars("scoreWording", 6L, "scoreAttitude", 5L, "scoreRecord", 3L))
        .hasMessageContaining("话术规范得分应在 1 到 5 之间");
    processEngine.getTaskService().complete(check.getId(), scores);
    assertThat(pi).isEnded().hasPassed("endEvent_checked");
    Map<String, Object> row =
        jdbc.queryForMap("select * from spot_check where call_case_id = ?", callCase);
    Assertions.assertThat(row)
        .containsEntry("caller", "supervisor")
        .containsEntry("checker", "supervisor2")
        .containsEntry("total_score", 12)
        .containsEntry("note", "开场白不够规范");
  }
}
