package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.base.Roles;
import com.aftersales.cases.CaseService;
import com.aftersales.identity.AuthorizedGroups;
import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Agents see only their groups' tasks, however they look: the task list, its count, and the
 * Tasklist filters 我组的任务 and 已逾期 (list and count), through the engine's REST API. Each row runs
 * with the engine's per-command scan for authorized groups and without it ({@link
 * AuthorizedGroups}, the application's setting): the answers must be the same. Users in a group
 * that owns no authorization, alone or beside the agents' group, prove that leaving such a group in
 * the check changes nothing.
 */
class TaskVisibilityMatrixTest extends ProcessTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired CaseService cases;
  @Autowired AuthorizedGroups authorizedGroups;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;

  @AfterEach
  void applicationSetting() {
    authorizedGroups.setScan(false);
  }

  private void user(String id, String... groups) {
    if (identity.createUserQuery().userId(id).count() > 0) {
      return;
    }
    for (String g : groups) {
      if (identity.createGroupQuery().groupId(g).count() == 0) {
        identity.saveGroup(identity.newGroup(g));
      }
    }
    User u = identity.newUser(id);
    u.setPassword("demo");
    identity.saveUser(u);
    for (String g : groups) {
      identity.createMembership(id, g);
    }
  }

  /** How many of the case's tasks {@code user} finds at {@code path} (a list or a count). */
  private int found(String user, HttpMethod method, String path, String body) throws Exception {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var r =
        http.withBasicAuth(user, "demo")
            .exchange(path, method, new HttpEntity<>(body, headers), String.class);
    assertThat(r.getStatusCode().value()).as("%s %s", method, path).isEqualTo(200);
    var tree = JSON.readTree(r.getBody());
    return tree.isArray() ? tree.size() : tree.path("count").asInt();
  }

  private String filterId(String name) {
    return filters.createFilterQuery().filterName(name).singleResult().getId();
  }

  @ParameterizedTest(name = "{0}, engine''s group scan {1}: finds {2}")
  @CsvSource({
    "agent1,          false, 1",
    "agent1,          true,  1",
    "supervisor,      false, 1",
    "supervisor,      true,  1",
    "warehouse,       false, 0",
    "warehouse,       true,  0",
    "finance,         false, 0",
    "finance,         true,  0",
    "visitoronly,    false, 0",
    "visitoronly,    true,  0",
    "agentvisitor,   false, 1",
    "agentvisitor,   true,  1",
  })
  void seesOnlyTheirGroupsTasks(String user, boolean scan, int expected) throws Exception {
    user("visitoronly", "visitors");
    user("agentvisitor", Roles.AGENTS, "visitors");
    String orderId = orders.create("buyer_vis", "30.00", 1);
    String caseId = cases.open("DAMAGE", orderId, "buyer_vis", "可见性测试").record().caseId();
    // overdue, so the 已逾期 filter holds it too
    var task =
        processEngine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(caseId)
            .singleResult();
    task.setDueDate(java.util.Date.from(java.time.Instant.now().minusSeconds(3600)));
    processEngine.getTaskService().saveTask(task);
    authorizedGroups.setScan(scan);

    String byCase = "processInstanceBusinessKey=" + caseId;
    String extend = "{\"processInstanceBusinessKey\":\"" + caseId + "\"}";
    String group = filterId("我组的任务");
    String overdue = filterId("已逾期");
    assertThat(found(user, HttpMethod.GET, "/engine-rest/task?" + byCase, null))
        .as("task list")
        .isEqualTo(expected);
    assertThat(found(user, HttpMethod.GET, "/engine-rest/task/count?" + byCase, null))
        .as("task count")
        .isEqualTo(expected);
    if (user.startsWith("visitor")) {
      return; // no filter is shared with a group that has no role
    }
    // supervisors are no candidates of the agents' task: their group queue does not hold it
    int inGroupQueue = user.equals("supervisor") ? 0 : expected;
    assertThat(found(user, HttpMethod.POST, "/engine-rest/filter/" + group + "/list", extend))
        .as("filter 我组的任务")
        .isEqualTo(inGroupQueue);
    assertThat(found(user, HttpMethod.POST, "/engine-rest/filter/" + group + "/count", extend))
        .as("count of 我组的任务")
        .isEqualTo(inGroupQueue);
    assertThat(found(user, HttpMethod.POST, "/engine-rest/filter/" + overdue + "/list", extend))
        .as("filter 已逾期")
        .isEqualTo(expected);
    assertThat(found(user, HttpMethod.POST, "/engine-rest/filter/" + overdue + "/count", extend))
        .as("count of 已逾期")
        .isEqualTo(expected);
  }
}
