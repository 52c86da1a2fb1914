package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseService;
import com.aftersales.shop.Flag;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * What the case page reads ({@code /api/cases/{id}/page}), the case search and a task's case: the
 * order without the buyer's contact data, flag and remarks, open tasks with holders, related cases;
 * for staff only.
 */
class CasePageApiTest extends ProcessTestBase {

  @Autowired TestRestTemplate http;
  @Autowired CaseService cases;
  @Autowired TaskService tasks;

  private Rest as(String user) {
    return user.equals("anonymous") ? new Rest(http, null, null) : new Rest(http, user, "demo");
  }

  @Test
  void thePageShowsTheOrderMarksTasksAndTheOtherCasesOfTheOrderAndTheBuyer() {
    String buyer = "buyer_page" + System.nanoTime() % 100000;
    String orderId = orders.create(buyer, "45.00", 3);
    String damage = cases.open("DAMAGE", orderId, buyer, "碎了一瓶").record().caseId();
    String complaint = cases.open("COMPLAINT", orderId, buyer, "客服回复慢").record().caseId();
    String otherOrder = orders.create(buyer, "12.00", 1);
    String earlier = cases.open("DAMAGE", otherOrder, buyer, "压坏").record().caseId();
    shop.setFlag(orderId, Flag.YELLOW, "暂缓发货，等买家回复");
    shop.addRemark(orderId, RemarkColumn.INTERNAL, "买家要求补发");

    JsonNode page = as("agent1").json(as("agent1").get("/api/cases/" + damage + "/page"));
    assertThat(page.path("summary").path("caseId").asText()).isEqualTo(damage);
    assertThat(page.path("order").path("quantity").asInt()).isEqualTo(3);
    assertThat(page.path("order").path("tradeState").asText()).isNotBlank();
    assertThat(page.path("order").has("phone")).isFalse();
    assertThat(page.path("order").has("address")).isFalse();
    assertThat(page.path("order").has("buyerName")).isFalse();
    assertThat(page.path("marks").path("flag").asText()).startsWith("黄旗");
    assertThat(page.path("marks").path("flagNote").asText()).isEqualTo("暂缓发货，等买家回复");
    assertThat(page.path("marks").path("internal").asText()).contains("买家要求补发");
    JsonNode task = page.path("openTasks").get(0);
    assertThat(task.path("name").asText()).isEqualTo("收集买家凭证");
    assertThat(task.path("candidateGroups").toString()).contains("售后客服");
    assertThat(task.path("due").isNull()).isFalse();
    assertThat(page.path("timeline")).isNotEmpty();
    assertThat(page.path("sameOrder").toString()).contains(complaint).doesNotContain(damage);
    assertThat(page.path("sameBuyer").toString()).contains(earlier, complaint);
  }

  @Test
  void theSearchFindsByCaseOrderOrBuyerAndBoundsItsPage() {
    String buyer = "buyer_find" + System.nanoTime() % 100000;
    String orderId = orders.create(buyer, "20.00", 1);
    String caseId = cases.open("DAMAGE", orderId, buyer, "坏了").record().caseId();
    Rest agent = as("agent1");
    assertThat(agent.json(agent.get("/api/cases/search?q=" + caseId)).toString()).contains(caseId);
    assertThat(
            agent.json(agent.get("/api/cases/search?q=" + orderId)).get(0).path("caseId").asText())
        .isEqualTo(caseId);
    assertThat(agent.json(agent.get("/api/cases/search?q=" + buyer)).toString()).contains(caseId);
    assertThat(agent.json(agent.get("/api/cases/search?q=%25"))).isEmpty();
    assertThat(agent.get("/api/cases/search?q=x&size=51").getStatusCode().value()).isEqualTo(400);
    assertThat(agent.json(agent.get("/api/cases/search?q=+")).path("field").asText())
        .isEqualTo("q");
  }

  @Test
  void aTaskTellsItsCaseOnlyToWhoeverSeesTheTask() {
    String orderId = orders.create("buyer_tab", "20.00", 1);
    String caseId = cases.open("DAMAGE", orderId, "buyer_tab", "坏了").record().caseId();
    String taskId =
        tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
    Rest agent = as("agent1");
    assertThat(agent.json(agent.get("/api/cases/of-task/" + taskId)).path("caseId").asText())
        .isEqualTo(caseId);
    assertThat(as("warehouse").get("/api/cases/of-task/" + taskId).getStatusCode().value())
        .isEqualTo(404);
    assertThat(agent.get("/api/cases/of-task/no-such-task").getStatusCode().value()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    "agent1,     read the case page,  200",
    "supervisor, read the case page,  200",
    "warehouse,  read the case page,  200",
    "finance,    read the case page,  200",
    "owner,      read the case page,  200",
    "backoffice, read the case page,  403",
    "anonymous,  read the case page,  401",
    "agent1,     search,              200",
    "backoffice, search,              403",
    "anonymous,  search,              401",
    "backoffice, ask a task's case,   403",
    "agent1,     read a missing case, 404",
  })
  void onlyStaffReadCases(String user, String action, int expected) {
    String orderId = orders.create("buyer_pauth", "20.00", 1);
    String caseId = cases.open("DAMAGE", orderId, "buyer_pauth", "坏了").record().caseId();
    String path =
        switch (action) {
          case "read the case page" -> "/api/cases/" + caseId + "/page";
          case "search" -> "/api/cases/search?q=" + orderId;
          case "ask a task's case" -> "/api/cases/of-task/x";
          case "read a missing case" -> "/api/cases/NO-SUCH/page";
          default -> throw new IllegalArgumentException(action);
        };
    assertThat(as(user).get(path).getStatusCode().value())
        .as("%s %s", user, action)
        .isEqualTo(expected);
  }

  @Test
  void thePageItselfIsServedForEveryCaseAddress() {
    var r = http.getForEntity("/cases/ANY-CASE", String.class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    assertThat(r.getBody()).contains("/case/case.js");
    assertThat(r.getHeaders().getFirst("Content-Security-Policy"))
        .contains("frame-ancestors 'self'");
  }
}
