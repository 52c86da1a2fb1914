package com.aftersales.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.ProcessTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Deploying the way the desktop Modeler does, and the guard that protects the running shop. */
class ModelerDeploymentTest extends ProcessTestBase {

  @Autowired TestRestTemplate http;
  @Autowired org.springframework.context.ApplicationContext applicationContext;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private static String reship() throws Exception {
    return Files.readString(Path.of("bpmn/reship.bpmn"));
  }

  private static ByteArrayResource file(String name, String content) {
    return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  /** What the Modeler sends: name, source, duplicate filtering, the diagram and its forms. */
  private ResponseEntity<String> deploy(String user, String name, String bpmn, boolean withForms)
      throws Exception {
    java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
    files.put("reship.bpmn", bpmn);
    if (withForms) {
      for (String f :
          new String[] {"ship-reshipment", "follow-reshipment", "tell-reship-tracking"}) {
        files.put(f + ".form", Files.readString(Path.of("forms/" + f + ".form")));
      }
    }
    return createDeployment(user, name, files);
  }

  /** A multipart {@code POST /engine-rest/deployment/create}, as the desktop Modeler sends it. */
  private ResponseEntity<String> createDeployment(
      String user, String name, java.util.Map<String, String> files) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", name);
    form.add("deployment-source", "Camunda Modeler");
    form.add("enable-duplicate-filtering", "true");
    files.forEach((file, content) -> form.add(file, file(file, content)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo")
        .postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }

  private long deployments() {
    return processEngine.getRepositoryService().createDeploymentQuery().count();
  }

  /** Puts the release's reship model back on top, so other tests start the version they know. */
  @org.junit.jupiter.api.AfterEach
  void restoreReleaseModel() throws Exception {
    deploy("owner", "reship-restore-" + System.nanoTime(), reship(), true);
  }

  @Test
  void aProcessOwnerDeploysLikeTheModelerAndAnUnchangedRedeployCreatesNothing() throws Exception {
    String changed = reship().replace("name=\"打单发货（补发）\"", "name=\"打单发货（补发，新版）\"");
    long versionsBefore =
        processEngine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("reship")
            .count();
    ResponseEntity<String> first = deploy("owner", "reship-modeler", changed, true);
    assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
    assertThat(
            processEngine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("reship")
                .count())
        .isEqualTo(versionsBefore + 1);
    long after = deployments();
    ResponseEntity<String> again = deploy("owner", "reship-modeler", changed, true);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(deployments()).isEqualTo(after);
    assertThat(
            processEngine
                .getRepositoryService()
                .createDeploymentQuery()
                .deploymentSource("Camunda Modeler")
                .count())
        .isPositive();
  }

  @Test
  void theCatalogueShowsWhichVersionIsLiveAndWhetherItDriftedFromTheRelease() throws Exception {
    ResponseEntity<String> before =
        http.withBasicAuth("owner", "demo").getForEntity("/api/processes", String.class);
    assertThat(before.getStatusCode().value()).isEqualTo(200);
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var damage = entry(json.readTree(before.getBody()), "damage-claim");
    assertThat(damage.path("origin").asText()).isEqualTo("RELEASE");
    assertThat(damage.path("drift").asText()).isEqualTo("SAME");

    String changed = reship().replace("name=\"打单发货（补发）\"", "name=\"打单发货（补发，运营改）\"");
    assertThat(deploy("owner", "reship-catalogue", changed, true).getStatusCode().value())
        .isEqualTo(200);
    var reship = catalogued("reship");
    assertThat(reship.path("origin").asText()).isEqualTo("MODELER");
    assertThat(reship.path("deployedBy").asText()).isEqualTo("owner");
    assertThat(reship.path("drift").asText()).isEqualTo("DIFFERS");
    assertThat(reship.path("deploymentName").asText()).isEqualTo("reship-catalogue");

    assertThat(
            http.withBasicAuth("agent1", "demo")
                .getForEntity("/api/processes", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);

    // a later release that changed reship is put on top: the catalogue names the Modeler version it
    // replaced
    int modelerVersion = reship.path("version").asInt();
    processEngine
        .getRepositoryService()
        .createDeployment()
        .name(ProcessCatalog.RELEASE_DEPLOYMENT)
        .addString("reship.bpmn", reship().replace("（补发）", "（补发，新发布）"))
        .addString("ship-reshipment.form", Files.readString(Path.of("forms/ship-reshipment.form")))
        .addString(
            "follow-reshipment.form", Files.readString(Path.of("forms/follow-reshipment.form")))
        .addString(
            "tell-reship-tracking.form",
            Files.readString(Path.of("forms/tell-reship-tracking.form")))
        .deploy();
    var released = catalogued("reship");
    assertThat(released.path("origin").asText()).isEqualTo("RELEASE");
    assertThat(released.path("replacedModelerVersion").asInt()).isEqualTo(modelerVersion);
  }

  /** The catalogue's entry for the process {@code key}, as the process owner reads it. */
  private com.fasterxml.jackson.databind.JsonNode catalogued(String key) throws Exception {
    String list =
        http.withBasicAuth("owner", "demo").getForEntity("/api/processes", String.class).getBody();
    return entry(new com.fasterxml.jackson.databind.ObjectMapper().readTree(list), key);
  }

  private static com.fasterxml.jackson.databind.JsonNode entry(
      com.fasterxml.jackson.databind.JsonNode list, String key) {
    for (var e : list) {
      if (e.path("key").asText().equals(key)) {
        return e;
      }
    }
    throw new AssertionError("no process " + key + " in " + list);
  }

  @Test
  void someoneWhoIsNotAProcessOwnerIsRefused() throws Exception {
    long before = deployments();
    assertThat(deploy("agent1", "reship-agent", reship(), true).getStatusCode().value())
        .isEqualTo(403);
    assertThat(deploy("supervisor", "reship-supervisor", reship(), true).getStatusCode().value())
        .isEqualTo(403);
    assertThat(deployments()).isEqualTo(before);
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "camunda:formRef=\"ship-reshipment\"|camunda:formRef=\"ship-parcel\"|userTask_shipReshipment（打单发货（补发））：表单 ship-parcel 不在本次部署里",
        "${createReshipOrder}|${createReshipOrderV2}|serviceTask_createReshipOrder（登记重发单并创建补发订单）：表达式 ${createReshipOrderV2} 引用的 createReshipOrderV2 不存在",
        "${deadlines.reshipTrackingReminder}|${deadlines.reshipTrackingNudge}|期限 reshipTrackingNudge 没有配置",
        "camunda:candidateGroups=\"warehouse\"|camunda:candidateGroups=\"packers\"|候选组 packers 不存在",
        "camunda:historyTimeToLive=\"P180D\" |camunda:versionTag=\"x\" |没有设置历史保留期限",
      })
  void aDeploymentThatWouldBreakAtRunTimeIsRefusedNamingTheElement(
      String from, String to, String message) throws Exception {
    long before = deployments();
    String broken = reship().replace(from, to);
    assertThat(broken).isNotEqualTo(reship());
    ResponseEntity<String> r = deploy("owner", "reship-broken", broken, true);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
    assertThat(r.getBody()).contains("部署被拒绝").contains(message);
    assertThat(deployments()).isEqualTo(before);
  }

  @Test
  void aDiagramDeployedWithoutItsFormsTakesTheFormsOfTheLiveVersion() throws Exception {
    ResponseEntity<String> withoutForms =
        deploy("owner", "reship-no-forms", reship().replace("（补发）", "（补发2）"), false);
    assertThat(withoutForms.getStatusCode().value()).as(withoutForms.getBody()).isEqualTo(200);
    var repository = processEngine.getRepositoryService();
    String deploymentId =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey("reship")
            .latestVersion()
            .singleResult()
            .getDeploymentId();
    assertThat(repository.getDeploymentResourceNames(deploymentId))
        .anyMatch(n -> n.endsWith("ship-reshipment.form"))
        .anyMatch(n -> n.endsWith("follow-reshipment.form"))
        .anyMatch(n -> n.endsWith("tell-reship-tracking.form"));
  }

  @Test
  void aTaskWithoutACamundaFormCanBeCompletedAndIsStillRecorded() {
    // a process owner's new flow with a step that has no form yet (or an embedded form key)
    processEngine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "formless.bpmn",
            org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("formless")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("userTask_call")
                .name("电话确认")
                .userTask("userTask_embedded")
                .camundaFormKey("embedded:app:forms/call.html")
                .endEvent()
                .done())
        .deploy();
    String caseId = "FORMLESS-" + System.nanoTime();
    var pi = processEngine.getRuntimeService().startProcessInstanceByKey("formless", caseId);
    completeAs(pi, "userTask_call", "agent1", java.util.Map.of("note", "已联系"));
    completeAs(pi, "userTask_embedded", "agent2", java.util.Map.of());
    org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(pi).isEnded();
    // each completed step is on the case's timeline: who did it, without decisions (no form)
    var rows =
        jdbc.queryForList(
            "select step, step_name, actor, detail from case_event where case_id = ? order by id",
            caseId);
    assertThat(rows)
        .extracting(r -> r.get("step"), r -> r.get("step_name"), r -> r.get("actor"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("userTask_call", "电话确认", "agent1"),
            org.assertj.core.groups.Tuple.tuple(
                "userTask_embedded", "userTask_embedded", "agent2"));
    assertThat(rows)
        .extracting(r -> (String) r.get("detail"))
        .allMatch(d -> d == null || d.isEmpty());
  }

  @Test
  void aFileThatIsNotBpmnIsRefusedWithTheParsersMessage() throws Exception {
    ResponseEntity<String> r =
        deploy("owner", "reship-xml", reship().replace("</definitions>", ""), true);
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getBody())
        .contains("reship.bpmn 不是有效的 BPMN 文件")
        .contains("XML document structures must start and end");
  }

  private ResponseEntity<String> deployFile(String name, String content) {
    return createDeployment("owner", name, java.util.Map.of(name, content));
  }

  @Test
  void aDecisionTableEditedInTheModelerTakesEffectForTheNextCaseWithoutARestart() throws Exception {
    String original = Files.readString(Path.of("bpmn/compensation-standard.dmn"));
    // the owner raises the compensation for usable items from 2 to 3 yuan
    String raised =
        original.replaceFirst(
            "<text>min\\(2, itemPrice \\* 0.5\\)</text>", "<text>min(3, itemPrice * 0.5)</text>");
    assertThat(raised).isNotEqualTo(original);
    try {
      assertThat(deployFile("compensation-standard.dmn", raised).getStatusCode().value())
          .isEqualTo(200);
      var out =
          processEngine
              .getDecisionService()
              .evaluateDecisionTableByKey(
                  "compensation-standard",
                  org.camunda.bpm.engine.variable.Variables.putValue("damageType", "USABLE")
                      .putValue("itemPrice", 100.0))
              .getSingleResult();
      assertThat(((Number) out.getEntry("suggestedCompensation")).doubleValue()).isEqualTo(3.0);
      // and a claim evaluates the new table at its business rule task
      String orderId = orders.create("buyer_dmn", "100.00", 1);
      String caseId =
          applicationContext
              .getBean(com.aftersales.cases.CaseService.class)
              .open("DAMAGE", orderId, "buyer_dmn", "x")
              .record()
              .caseId();
      var pi =
          processEngine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(caseId)
              .singleResult();
      complete(pi, "userTask_collectEvidence", com.aftersales.support.ClaimSteps.evidence());
      complete(
          pi,
          "userTask_checkEvidence",
          com.aftersales.support.ClaimSteps.damage("USABLE", 1, false));
      assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "suggestedCompensation"))
          .isEqualTo(3.0);
    } finally {
      // put the release's table back on top for the other tests
      deployFile("compensation-standard.dmn", original + "\n");
    }
  }

  @Test
  void runningCasesMoveToANewVersionWithTheirTimersRecalculated() throws Exception {
    var repo = processEngine.getRepositoryService();
    String v1 =
        repo.createProcessDefinitionQuery()
            .processDefinitionKey("reship")
            .latestVersion()
            .singleResult()
            .getId();
    String orderId = orders.create("buyer_mig", "30.00", 1);
    var pi =
        processEngine
            .getRuntimeService()
            .startProcessInstanceById(
                v1,
                "DAMAGE-" + orderId,
                com.aftersales.support.ClaimSteps.vars(
                    "orderId",
                    orderId,
                    "buyerId",
                    "buyer_mig",
                    "reshipItems",
                    "杯子",
                    "reshipQuantity",
                    1L,
                    "reshipReason",
                    "破损补发",
                    "resolvedBy",
                    "agent1"));
    runDueJobs(pi);
    complete(pi, "userTask_shipReshipment", com.aftersales.support.ClaimSteps.shipped());
    runDueJobs(pi);
    var timerBefore = trackingReminder(pi);

    // version 2 reminds after one day instead of the configured three
    String v2Xml =
        reship().replace("${deadlines.reshipTrackingReminder}", "P1D").replace("（补发）", "（补发 v2）");
    assertThat(deploy("owner", "reship-v2", v2Xml, true).getStatusCode().value()).isEqualTo(200);
    String v2 =
        repo.createProcessDefinitionQuery()
            .processDefinitionKey("reship")
            .latestVersion()
            .singleResult()
            .getId();
    assertThat(v2).isNotEqualTo(v1);
    // the running case stays on its version until it is moved
    assertThat(definitionOf(pi)).isEqualTo(v1);

    // the process owner moves it through the engine's migration API
    String body =
        "{\"migrationPlan\":{\"sourceProcessDefinitionId\":\""
            + v1
            + "\",\"targetProcessDefinitionId\":\""
            + v2
            + "\",\"instructions\":["
            + "{\"sourceActivityIds\":[\"userTask_followReshipment\"],\"targetActivityIds\":[\"userTask_followReshipment\"]},"
            + "{\"sourceActivityIds\":[\"userTask_tellReshipTracking\"],\"targetActivityIds\":[\"userTask_tellReshipTracking\"]},"
            + "{\"sourceActivityIds\":[\"timer_trackingReminder\"],\"targetActivityIds\":[\"timer_trackingReminder\"],\"updateEventTrigger\":true},"
            + "{\"sourceActivityIds\":[\"timer_receiptGiveUp\"],\"targetActivityIds\":[\"timer_receiptGiveUp\"]}"
            + "]},\"processInstanceIds\":[\""
            + pi.getId()
            + "\"]}";
    HttpHeaders jsonHeaders = new HttpHeaders();
    jsonHeaders.setContentType(MediaType.APPLICATION_JSON);
    assertThat(
            http.withBasicAuth("agent1", "demo")
                .postForEntity(
                    "/engine-rest/migration/execute",
                    new HttpEntity<>(body, jsonHeaders),
                    String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    ResponseEntity<String> migrated =
        http.withBasicAuth("owner", "demo")
            .postForEntity(
                "/engine-rest/migration/execute",
                new HttpEntity<>(body, jsonHeaders),
                String.class);
    assertThat(migrated.getStatusCode().value()).as(migrated.getBody()).isEqualTo(204);
    assertThat(definitionOf(pi)).isEqualTo(v2);
    var timerAfter = trackingReminder(pi);
    // three days became one: the reminder is now due about two days earlier
    long earlier = timerBefore.getDuedate().getTime() - timerAfter.getDuedate().getTime();
    assertThat(earlier).isBetween(2 * 86_400_000L - 60_000, 2 * 86_400_000L + 60_000);
    assertThat(taskOf(pi, "userTask_followReshipment")).isNotNull();
  }

  private String definitionOf(ProcessInstance pi) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(pi.getId())
        .singleResult()
        .getProcessDefinitionId();
  }

  private Job trackingReminder(ProcessInstance pi) {
    return processEngine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .activityId("timer_trackingReminder")
        .singleResult();
  }
}
