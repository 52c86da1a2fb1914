package com.aftersales.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.ClaimSteps;
import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * "Deploy current diagram" in the desktop Modeler: the diagram alone, exactly as the Modeler sends
 * it. The forms it binds by deployment come along from the live version; a form the owner sends is
 * theirs; a form that exists nowhere is refused.
 */
class OneClickDeployTest extends ProcessTestBase {

  private static final String KEY = "damage-claim";
  private static final String FIRST_TASK = "name=\"收集买家凭证\"";
  private static final List<String> FORMS =
      List.of(
          "open-claim",
          "damage-collect-evidence",
          "damage-check-evidence",
          "damage-offer",
          "approve-resolution",
          "confirm-good-review",
          "arrange-return");

  @Autowired TestRestTemplate http;
  private final ObjectMapper json = new ObjectMapper();

  private static String release(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ByteArrayResource file(String name, String content) {
    return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return name;
      }
    };
  }

  /**
   * What the Modeler (5.x, Camunda 7) posts: the deployment name, the source, {@code
   * deploy-changed-only=true}, each file under its own name.
   */
  private ResponseEntity<String> modelerDeploys(Map<String, String> files) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", KEY);
    form.add("deployment-source", "Camunda Modeler");
    form.add("deploy-changed-only", "true");
    files.forEach((name, content) -> form.add(name, file(name, content)));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth("owner", "demo")
        .postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }

  private ResponseEntity<String> diagramOnly(String label) {
    return modelerDeploys(
        Map.of(
            "damage-claim.bpmn",
            release("bpmn/damage-claim.bpmn").replace(FIRST_TASK, "name=\"" + label + "\"")));
  }

  private ProcessDefinition live() {
    return processEngine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(KEY)
        .latestVersion()
        .singleResult();
  }

  /** The forms of a deployment: form id to its JSON. */
  private Map<String, String> formsIn(String deploymentId) throws IOException {
    RepositoryService repository = processEngine.getRepositoryService();
    Map<String, String> forms = new HashMap<>();
    for (Resource r : repository.getDeploymentResources(deploymentId)) {
      if (r.getName().endsWith(".form")) {
        try (InputStream in = repository.getResourceAsStreamById(deploymentId, r.getId())) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          forms.put(json.readTree(text).path("id").asText(), text);
        }
      }
    }
    return forms;
  }

  /** Puts the release's damage claim back on top, so other tests start the version they know. */
  @AfterEach
  void restoreRelease() {
    DeploymentBuilder release =
        processEngine
            .getRepositoryService()
            .createDeployment()
            .name(ProcessCatalog.RELEASE_DEPLOYMENT)
            .addString("damage-claim.bpmn", release("bpmn/damage-claim.bpmn"));
    FORMS.forEach(f -> release.addString(f + ".form", release("forms/" + f + ".form")));
    release.deploy();
  }

  @Test
  void aDiagramDeployedAloneRunsWithTheLiveFormsAndItsFirstFormCanBeCompleted() throws Exception {
    ProcessDefinition before = live();
    ResponseEntity<String> r = diagramOnly("收集买家凭证（运营改）");
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    ProcessDefinition now = live();
    assertThat(now.getVersion()).isEqualTo(before.getVersion() + 1);
    var deployment =
        processEngine
            .getRepositoryService()
            .createDeploymentQuery()
            .deploymentId(now.getDeploymentId())
            .singleResult();
    assertThat(deployment.getSource()).isEqualTo("Camunda Modeler");
    // the new deployment carries the forms of the version that was live, unchanged
    Map<String, String> attached = formsIn(now.getDeploymentId());
    Map<String, String> wasLive = formsIn(before.getDeploymentId());
    assertThat(attached.keySet()).containsExactlyInAnyOrderElementsOf(FORMS);
    FORMS.forEach(f -> assertThat(attached.get(f)).isEqualTo(wasLive.get(f)));

    // an agent opens a case on the new version from Tasklist's start form and completes its
    // first form, as Tasklist does
    String orderId = orders.create("buyer_oneclick", "30.00", 1);
    ResponseEntity<String> startForm =
        http.withBasicAuth("agent1", "demo")
            .getForEntity(
                "/engine-rest/process-definition/key/" + KEY + "/deployed-start-form",
                String.class);
    assertThat(startForm.getStatusCode().value()).as(startForm.getBody()).isEqualTo(200);
    assertThat(json.readTree(startForm.getBody()).path("id").asText()).isEqualTo("open-claim");
    ResponseEntity<String> started =
        submit(
            "/engine-rest/process-definition/key/" + KEY + "/submit-form",
            ClaimSteps.vars(
                "orderId", orderId, "buyerId", "buyer_oneclick", "description", "杯子碎了"));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    ProcessInstance pi =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(json.readTree(started.getBody()).path("id").asText())
            .singleResult();
    assertThat(pi.getProcessDefinitionId()).isEqualTo(now.getId());
    runDueJobs(pi);
    Task evidence = taskOf(pi, "userTask_collectEvidence");
    assertThat(evidence.getName()).isEqualTo("收集买家凭证（运营改）");
    ResponseEntity<String> taskForm =
        http.withBasicAuth("agent1", "demo")
            .getForEntity("/engine-rest/task/" + evidence.getId() + "/deployed-form", String.class);
    assertThat(taskForm.getStatusCode().value()).as(taskForm.getBody()).isEqualTo(200);
    assertThat(json.readTree(taskForm.getBody()).path("id").asText())
        .isEqualTo("damage-collect-evidence");
    ResponseEntity<String> done =
        submit("/engine-rest/task/" + evidence.getId() + "/submit-form", ClaimSteps.evidence());
    assertThat(done.getStatusCode().value()).as(done.getBody()).isEqualTo(204);
    runDueJobs(pi);
    assertThat(taskOf(pi, "userTask_collectEvidence")).isNull();
    assertThat(taskOf(pi, "userTask_checkEvidence")).isNotNull();
  }

  @Test
  void theNextClickUnderTheSameNameStillCarriesTheFormsAndAnUnchangedOneCreatesNothing()
      throws Exception {
    assertThat(diagramOnly("收集凭证 A").getStatusCode().value()).isEqualTo(200);
    ProcessDefinition first = live();
    // deploy-changed-only would store the changed diagram alone: the forms still come along
    ResponseEntity<String> second = diagramOnly("收集凭证 B");
    assertThat(second.getStatusCode().value()).as(second.getBody()).isEqualTo(200);
    ProcessDefinition now = live();
    assertThat(now.getVersion()).isEqualTo(first.getVersion() + 1);
    assertThat(formsIn(now.getDeploymentId()).keySet()).containsExactlyInAnyOrderElementsOf(FORMS);

    long deployments = processEngine.getRepositoryService().createDeploymentQuery().count();
    assertThat(diagramOnly("收集凭证 B").getStatusCode().value()).isEqualTo(200);
    assertThat(processEngine.getRepositoryService().createDeploymentQuery().count())
        .isEqualTo(deployments);
    assertThat(live().getId()).isEqualTo(now.getId());
  }

  @Test
  void anOwnerWhoSendsAFormGetsTheirsAndTheOthersComeFromTheLiveVersion() throws Exception {
    String ownForm =
        release("forms/damage-collect-evidence.form").replace("\"售后单信息\"", "\"售后单信息（运营版）\"");
    assertThat(ownForm).isNotEqualTo(release("forms/damage-collect-evidence.form"));
    Map<String, String> files = new LinkedHashMap<>();
    files.put(
        "damage-claim.bpmn",
        release("bpmn/damage-claim.bpmn").replace(FIRST_TASK, "name=\"收集买家凭证（带表单）\""));
    files.put("damage-collect-evidence.form", ownForm);
    ResponseEntity<String> r = modelerDeploys(files);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    Map<String, String> forms = formsIn(live().getDeploymentId());
    assertThat(forms.keySet()).containsExactlyInAnyOrderElementsOf(FORMS);
    assertThat(forms.get("damage-collect-evidence")).isEqualTo(ownForm);
    assertThat(forms.get("damage-offer")).isEqualTo(release("forms/damage-offer.form"));
  }

  @Test
  void aFormThatExistsNowhereIsStillRefused() {
    long deployments = processEngine.getRepositoryService().createDeploymentQuery().count();
    ResponseEntity<String> r =
        modelerDeploys(
            Map.of(
                "damage-claim.bpmn",
                release("bpmn/damage-claim.bpmn")
                    .replace(
                        "camunda:formRef=\"damage-collect-evidence\"",
                        "camunda:formRef=\"collect-photos\"")));
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
    assertThat(r.getBody())
        .contains("部署被拒绝")
        .contains("userTask_collectEvidence（收集买家凭证）：表单 collect-photos 不在本次部署里")
        .doesNotContain("damage-collect-evidence");
    assertThat(processEngine.getRepositoryService().createDeploymentQuery().count())
        .isEqualTo(deployments);
  }

  /** A Tasklist-style submit: every value typed as the form sends it. */
  private ResponseEntity<String> submit(String path, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            variables.put(
                k,
                Map.of(
                    "value",
                    v,
                    "type",
                    v instanceof Long ? "Long" : v instanceof Boolean ? "Boolean" : "String")));
    return http.withBasicAuth("agent1", "demo")
        .postForEntity(path, Map.of("variables", variables), String.class);
  }
}
