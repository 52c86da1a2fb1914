package com.aftersales.api.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseService;
import com.aftersales.support.ClaimSteps;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Bad values in task forms, sent the way Tasklist does ({@code POST
 * /engine-rest/task/{id}/submit-form} with typed variables): each is refused with a 400 whose
 * Chinese message says what to correct, the task stays open and nothing is stored. {@code evidence}
 * is a damage claim's "collect evidence" task, {@code check} its "check evidence" task. Each row
 * changes the task's valid values: {@code name:Type=json}, or {@code name:-} to leave it out.
 */
class FormBadInputTest extends BadInputSuite {

  private static final String TABLE =
      """
      count missing and no photo uploaded | evidence | photoCount:- | 破损需要至少 2 张细节照片（现有 0 张）
      count null and no photo uploaded | evidence | photoCount:Long=null | 破损需要至少 2 张细节照片（现有 0 张）
      count as words | evidence | photoCount:String="three" | 照片数量必须是数字
      count as Chinese numeral | evidence | photoCount:String="三" | 照片数量必须是数字
      count as empty text and no photo | evidence | photoCount:String="" | 破损需要至少 2 张细节照片（现有 0 张）
      count negative | evidence | photoCount:Long=-3 | 照片数量应在 0 到 50 之间
      count above max | evidence | photoCount:Long=51 | 照片数量应在 0 到 50 之间
      count huge | evidence | photoCount:Long=99999999999 | 照片数量应在 0 到 50 之间
      count fractional | evidence | photoCount:Double=2.5 | 照片数量必须是整数
      count as boolean | evidence | photoCount:Boolean=true | 照片数量必须是数字
      count as date | evidence | photoCount:Date="2026-11-22T10:00:00.000+0800" | 照片数量必须是数字
      count as JSON | evidence | photoCount:Json="{\\"n\\":3}" | 照片数量必须是数字
      count NaN | evidence | photoCount:String="NaN" | 照片数量必须是整数
      count Infinity | evidence | photoCount:String="Infinity" | 照片数量应在 0 到 50 之间
      count negative text | evidence | photoCount:String="-1" | 照片数量应在 0 到 50 之间
      checkbox as words | evidence | waybillPhotoReceived:String="yes please" | 面单照片只能是
      checkbox as number | evidence | waybillPhotoReceived:Long=7 | 面单照片只能是
      checkbox as Chinese | evidence | waybillPhotoReceived:String="是" | 面单照片只能是
      description missing | evidence | evidenceDescription:- | 请填写照片说明
      description empty | evidence | evidenceDescription:String="" | 请填写照片说明
      description blank | evidence | evidenceDescription:String="   " | 请填写照片说明
      description overlong | evidence | evidenceDescription:String="LONG" | 照片说明最多 1000 个字，当前 1001 个字
      damage type missing | check | damageType:- | 请填写破损情况
      damage type unknown | check | damageType:String="EXPLODED" | 破损情况的取值 “EXPLODED” 无效
      damage type lower case | check | damageType:String="usable " | 破损情况的取值 “usable” 无效
      damage type as number | check | damageType:Long=2 | 破损情况的取值 “2” 无效
      damage type empty | check | damageType:String="" | 请填写破损情况
      defective missing | check | defectiveCount:- | 请填写有问题的件数
      defective zero | check | defectiveCount:Long=0 | 有问题的件数应在 1 到 2 之间
      defective negative | check | defectiveCount:Long=-1 | 有问题的件数应在 1 到 2 之间
      defective above max | check | defectiveCount:Long=1000 | 有问题的件数应在 1 到 2 之间
      defective more than ordered | check | defectiveCount:Long=3 | 有问题的件数应在 1 到 2 之间
      defective fractional | check | defectiveCount:Double=1.5 | 有问题的件数必须是整数
      defective as words | check | defectiveCount:String="one" | 有问题的件数必须是数字
      loss negative | check | lossAmount:Double=-1 | 快递损失金额不能为负数
      loss above max | check | lossAmount:Double=1000001 | 快递损失金额过大，请核对
      loss fraction of a fen | check | lossAmount:Double=1.005 | 快递损失金额最多保留两位小数
      loss as words | check | lossAmount:String="ten yuan" | 快递损失金额必须是金额数字
      note overlong | check | checkNote:String="LONG" | 核验备注最多 1000 个字
      courier flag as words | check | courierAtFault:String="maybe" | 快递责任只能是“是”或“否”
      """;

  @Autowired CaseService cases;
  @Autowired TaskService tasks;

  private String task(String which) {
    String orderId = orders.create("buyer_fbi", "40.00", 2);
    String caseId = cases.open("DAMAGE", orderId, "buyer_fbi", "表单坏输入").record().caseId();
    String id = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
    if (which.equals("check")) {
      tasks.setAssignee(id, "agent1");
      tasks.complete(id, ClaimSteps.evidence());
      id =
          tasks
              .createTaskQuery()
              .processInstanceBusinessKey(caseId)
              .taskDefinitionKey("userTask_checkEvidence")
              .singleResult()
              .getId();
    }
    tasks.setAssignee(id, "agent1");
    return id;
  }

  /**
   * The task's valid values, with the row's changes: {@code name:Type=json}, or {@code name:-} to
   * leave out.
   */
  private static String variables(String which, String changes) {
    Map<String, String> vars = new LinkedHashMap<>();
    for (String v : (DEFAULTS.get(which) + "; " + changes).split("; ")) {
      String name = v.substring(0, v.indexOf(':'));
      String rest = v.substring(v.indexOf(':') + 1);
      if (rest.equals("-")) {
        vars.remove(name);
        continue;
      }
      String type = rest.substring(0, rest.indexOf('='));
      String value = rest.substring(rest.indexOf('=') + 1).replace("LONG", "长".repeat(1001));
      vars.put(name, "{\"value\":" + value + ",\"type\":\"" + type + "\"}");
    }
    StringBuilder json = new StringBuilder("{\"variables\":{");
    vars.forEach((k, v) -> json.append('"').append(k).append("\":").append(v).append(','));
    json.setLength(json.length() - 1);
    return json.append("}}").toString();
  }

  private static final Map<String, String> DEFAULTS =
      Map.of(
          "evidence",
          "photoCount:Long=3; waybillPhotoReceived:Boolean=true; evidenceDescription:String=\"外箱压扁\"",
          "check",
          "damageType:String=\"USABLE\"; defectiveCount:Long=1; courierAtFault:Boolean=false;"
              + " parcelIntact:Boolean=true");

  static Stream<Arguments> rows() {
    return TABLE
        .lines()
        .filter(l -> !l.isBlank())
        .map(l -> l.split(" \\| "))
        .map(c -> Arguments.of(c[0].trim(), c[1].trim(), c[2].trim(), c[3].trim()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void refusedTaskStaysOpenNothingStored(
      String what, String which, String changes, String fragment) {
    String task = task(which);
    Map<String, Long> before = stored();
    ResponseEntity<String> r =
        as("agent1")
            .send(
                HttpMethod.POST,
                "/engine-rest/task/" + task + "/submit-form",
                variables(which, changes));
    assertRefused(what, before, r, 400, fragment, "");
    assertThat(r.getBody()).doesNotContain("Cannot submit task form");
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("task stays open").isEqualTo(1);
  }

  /**
   * A script completing the task through {@code /complete} instead of {@code /submit-form} meets
   * the same checks in the same words (one of the table's inputs, not counted again).
   */
  @org.junit.jupiter.api.Test
  void theCompleteEndpointChecksTheSameWay() {
    String task = task("evidence");
    Map<String, Long> before = stored();
    ResponseEntity<String> r =
        as("agent1")
            .send(
                HttpMethod.POST,
                "/engine-rest/task/" + task + "/complete",
                variables("evidence", "photoCount:String=\"three\""));
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
    assertThat(json(r.getBody()).path("message").asText()).contains("照片数量必须是数字");
    assertThat(r.getBody()).doesNotContain("Cannot complete task");
    assertThat(tasks.createTaskQuery().taskId(task).count()).as("task stays open").isEqualTo(1);
    assertThat(stored()).as("nothing stored").isEqualTo(before);
  }

  /** SQL and script text in a valid form is kept as plain text, not refused and not run. */
  @org.junit.jupiter.api.Test
  void sqlAndScriptTextIsKeptAsPlainText() {
    String hostile = "'); drop table shop_order; -- <script>alert('x')</script>";
    String task = task("evidence");
    String caseId =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(
                tasks.createTaskQuery().taskId(task).singleResult().getProcessInstanceId())
            .singleResult()
            .getBusinessKey();
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("photoCount", Map.of("value", 3, "type", "Long"));
    variables.put("waybillPhotoReceived", Map.of("value", true, "type", "Boolean"));
    variables.put("evidenceDescription", Map.of("value", hostile, "type", "String"));
    variables.put("buyerMessageSent", Map.of("value", true, "type", "Boolean"));
    ResponseEntity<String> r =
        as("agent1")
            .send(
                HttpMethod.POST,
                "/engine-rest/task/" + task + "/submit-form",
                asJson(Map.of("variables", variables)));
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(204);
    assertThat(orders.count("select count(*) from shop_order where buyer_id = 'buyer_fbi'"))
        .isPositive();
    assertThat(as("agent1").get("/api/cases/" + caseId).getBody())
        .contains("drop table shop_order")
        .contains("alert(");
  }

  private static String asJson(Object value) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
