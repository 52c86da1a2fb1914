package com.aftersales.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.ProcessTestBase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", name);
    form.add("deployment-source", "Camunda Modeler");
    form.add("enable-duplicate-filtering", "true");
    form.add("reship.bpmn", file("reship.bpmn", bpmn));
    if (withForms) {
      for (String f : new String[] {"ship-reshipment", "follow-reshipment"}) {
        form.add(f + ".form", file(f + ".form", Files.readString(Path.of("forms/" + f + ".form"))));
      }
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo")
        .postForEntity(
            "/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
  }

  private long deployments() {
    return processEngine.getRepositoryService().createDeploymentQuery().count();
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
  void aFormDeployedWithTheDiagramIsWhatTheDeploymentBindingNeeds() throws Exception {
    ResponseEntity<String> withoutForms =
        deploy("owner", "reship-no-forms", reship().replace("（补发）", "（补发2）"), false);
    assertThat(withoutForms.getStatusCode().value()).isEqualTo(400);
    assertThat(withoutForms.getBody()).contains("表单 ship-reshipment 不在本次部署里");
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
}
