package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseService;
import com.aftersales.support.ProcessTestBase;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Colleagues at one queue race for the same task (Tasklist, fifty agents at once): the one who
 * loses is told in Chinese what happened, with 409 or 404, never a server error, and the winner's
 * work stands.
 */
class TaskRaceApiTest extends ProcessTestBase {

  @Autowired TestRestTemplate http;
  @Autowired CaseService cases;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;

  private Rest agent1() {
    return new Rest(http, "agent1", "demo");
  }

  private Rest agent2() {
    return new Rest(http, "agent2", "demo");
  }

  private String agentsTask() {
    String orderId = orders.create("buyer_race", "30.00", 1);
    String caseId = cases.open("DAMAGE", orderId, "buyer_race", "抢同一个任务").record().caseId();
    return tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
  }

  /** The task's case ends, as when a colleague completed its last step a moment ago. */
  private void gone(String task) {
    runtime.deleteProcessInstance(
        tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId(), "已由同事处理");
  }

  @Test
  void aClaimOfATaskAColleagueHoldsIsA409ThatNamesTheColleague() {
    String task = agentsTask();
    assertThat(agent1().claim(task, "agent1")).isEqualTo(204);

    ResponseEntity<String> lost =
        agent2().post("/engine-rest/task/" + task + "/claim", Map.of("userId", "agent2"));

    assertThat(lost.getStatusCode().value()).as(lost.getBody()).isEqualTo(409);
    assertThat(lost.getBody())
        .contains("已被 agent1 认领")
        .contains("请刷新任务列表")
        .doesNotContain("Task '");
    assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee())
        .isEqualTo("agent1");
  }

  @Test
  void claimingATaskOneAlreadyHoldsAgainIsNoError() {
    String task = agentsTask();
    assertThat(agent1().claim(task, "agent1")).isEqualTo(204);
    assertThat(agent1().claim(task, "agent1")).isEqualTo(204);
  }

  @Test
  void aClaimOfATaskAColleagueCompletedIsA404() {
    String task = agentsTask();
    gone(task); // stands for "done by a colleague a moment ago"
    ResponseEntity<String> lost =
        agent2().post("/engine-rest/task/" + task + "/claim", Map.of("userId", "agent2"));
    assertThat(lost.getStatusCode().value()).as(lost.getBody()).isEqualTo(404);
    assertThat(lost.getBody()).contains("任务不存在或已被他人处理");
  }

  @Test
  void theFormOfATaskAColleagueCompletedIsA404() {
    String task = agentsTask();
    ResponseEntity<String> open = agent2().get("/engine-rest/task/" + task + "/form-variables");
    assertThat(open.getStatusCode().value()).as(open.getBody()).isEqualTo(200);

    gone(task);
    ResponseEntity<String> gone = agent2().get("/engine-rest/task/" + task + "/form-variables");

    assertThat(gone.getStatusCode().value()).as(gone.getBody()).isEqualTo(404);
    assertThat(gone.getBody()).contains("任务不存在或已被他人处理");
  }
}
