package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseService;
import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bad input through task completion on {@code /engine-rest}, the way a script or a tampered
 * Tasklist request would send it: each is refused with a 400 that says what to correct, and the
 * task stays open with nothing stored.
 */
class BadInputTest extends ProcessTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired TestRestTemplate http;
  @Autowired CaseService cases;
  @Autowired TaskService tasks;

  private String evidenceTask() {
    String orderId = orders.create("buyer_bad", "40.00", 2);
    String caseId = cases.open("DAMAGE", orderId, "buyer_bad", "坏输入").record().caseId();
    String id = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
    tasks.setAssignee(id, "agent1");
    return id;
  }

  private ResponseEntity<String> complete(String taskId, String variablesJson) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth("agent1", "demo")
        .postForEntity(
            "/engine-rest/task/" + taskId + "/complete",
            new HttpEntity<>("{\"variables\":" + variablesJson + "}", headers),
            String.class);
  }

  private static String vars(Object... kv) throws Exception {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], Map.of("value", kv[i + 1]));
    }
    return JSON.writeValueAsString(m);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "photo count missing|{\"waybillPhotoReceived\":{\"value\":true},\"evidenceDescription\":{\"value\":\"x\"}}|请填写照片数量",
        "photo count as text|{\"photoCount\":{\"value\":\"three\"},\"waybillPhotoReceived\":{\"value\":true},\"evidenceDescription\":{\"value\":\"x\"}}|照片数量必须是数字",
        "photo count negative|{\"photoCount\":{\"value\":-3},\"waybillPhotoReceived\":{\"value\":true},\"evidenceDescription\":{\"value\":\"x\"}}|照片数量应在 0 到 50 之间",
        "photo count huge|{\"photoCount\":{\"value\":99999999999},\"waybillPhotoReceived\":{\"value\":true},\"evidenceDescription\":{\"value\":\"x\"}}|照片数量应在 0 到 50 之间",
        "photo count fractional|{\"photoCount\":{\"value\":2.5},\"waybillPhotoReceived\":{\"value\":true},\"evidenceDescription\":{\"value\":\"x\"}}|照片数量必须是整数",
        "checkbox as text|{\"photoCount\":{\"value\":3},\"waybillPhotoReceived\":{\"value\":\"yes please\"},\"evidenceDescription\":{\"value\":\"x\"}}|面单照片只能是",
        "description missing|{\"photoCount\":{\"value\":3},\"waybillPhotoReceived\":{\"value\":true}}|请填写照片说明",
      })
  void evidenceCompletionsThatAreRefused(String what, String variables, String message) {
    String task = evidenceTask();
    ResponseEntity<String> r = complete(task, variables);
    assertThat(r.getStatusCode().value()).as(what + ": " + r.getBody()).isEqualTo(400);
    assertThat(r.getBody()).contains(message).doesNotContain("Cannot complete task");
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("task stays open").isEqualTo(1);
    assertThat(tasks.getVariable(task, "evidenceDescription")).as("nothing stored").isNull();
  }

  @Test
  void anOverlongTextIsRefusedWithItsLength() throws Exception {
    String task = evidenceTask();
    ResponseEntity<String> r =
        complete(
            task,
            vars(
                "photoCount",
                3,
                "waybillPhotoReceived",
                true,
                "evidenceDescription",
                "长".repeat(1001)));
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody()).contains("照片说明最多 1000 个字，当前 1001 个字");
  }

  @Test
  void sqlAndScriptTextIsKeptAsPlainText() throws Exception {
    String hostile = "'); drop table shop_order; -- <script>alert('x')</script>";
    String task = evidenceTask();
    ResponseEntity<String> r =
        complete(
            task,
            vars(
                "photoCount",
                3,
                "waybillPhotoReceived",
                true,
                "evidenceDescription",
                hostile,
                "buyerMessageSent",
                true));
    assertThat(r.getStatusCode().value()).isEqualTo(204);
    assertThat(orders.count("select count(*) from shop_order where buyer_id = 'buyer_bad'"))
        .isPositive();
    String caseId =
        processEngine
            .getHistoryService()
            .createHistoricTaskInstanceQuery()
            .taskId(task)
            .singleResult()
            .getProcessInstanceId();
    String businessKey =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(caseId)
            .singleResult()
            .getBusinessKey();
    assertThat(
            http.withBasicAuth("agent1", "demo")
                .getForEntity("/api/cases/" + businessKey, String.class)
                .getBody())
        .contains("drop table shop_order")
        .contains("alert(");
  }

  @Test
  void unknownTasksAndCasesAreNotFound() {
    ResponseEntity<String> unknown = complete("no-such-task", "{}");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(
            http.withBasicAuth("agent1", "demo")
                .getForEntity("/api/cases/DAMAGE-nope", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(404);
  }
}
