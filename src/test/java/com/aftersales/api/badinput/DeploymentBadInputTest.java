package com.aftersales.api.badinput;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Bad deployments the way the desktop Modeler sends them ({@code POST
 * /engine-rest/deployment/create}, multipart, as the process owner): each is refused with a reason
 * naming the file or element, and no deployment or process definition is created.
 */
class DeploymentBadInputTest extends BadInputSuite {

  private static final String FORM_A = "ship-reshipment";
  private static final String FORM_B = "follow-reshipment";
  private static final String FORM_C = "tell-reship-tracking";

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The release's reship model with one change, deployed with its forms. */
  private static Map<String, byte[]> reship(UnaryOperator<String> change) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "reship.bpmn", change.apply(read("bpmn/reship.bpmn")).getBytes(StandardCharsets.UTF_8));
    for (String f : List.of(FORM_A, FORM_B, FORM_C)) {
      files.put(f + ".form", read("forms/" + f + ".form").getBytes(StandardCharsets.UTF_8));
    }
    return files;
  }

  private static UnaryOperator<String> replace(String from, String to) {
    return s -> {
      if (!s.contains(from)) {
        throw new IllegalStateException("reship.bpmn no longer contains " + from);
      }
      return s.replace(from, to);
    };
  }

  private static Map<String, byte[]> only(String name, String content) {
    return only(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, byte[]> only(String name, byte[] content) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(name, content);
    return files;
  }

  private static Arguments row(
      String what, String user, Map<String, byte[]> files, int status, String fragment) {
    return Arguments.of(what, user, files, status, fragment);
  }

  static Stream<Arguments> deployments() {
    // a diagram alone gets the live version's forms; a form that exists nowhere is still refused
    Map<String, byte[]> withoutForms =
        only(
            "reship.bpmn",
            read("bpmn/reship.bpmn")
                .replace("（补发）", "（补发2）")
                .replace("camunda:formRef=\"ship-reshipment\"", "camunda:formRef=\"ship-parcel\""));
    Map<String, byte[]> badForm = reship(s -> s.replace("（补发）", "（补发3）"));
    badForm.put(FORM_A + ".form", "{ not json".getBytes(StandardCharsets.UTF_8));
    return Stream.of(
        row(
            "model without a history time to live",
            "owner",
            reship(replace("camunda:historyTimeToLive=\"P180D\" ", "camunda:versionTag=\"x\" ")),
            400,
            "没有设置历史保留期限"),
        row(
            "unknown delegate bean",
            "owner",
            reship(replace("${createReshipOrder}", "${createReshipOrderV2}")),
            400,
            "createReshipOrderV2 不存在"),
        row(
            "another unknown delegate bean",
            "owner",
            reship(replace("${sendTrackingToBuyer}", "${sendTrackingByPigeon}")),
            400,
            "sendTrackingByPigeon 不存在"),
        row(
            "unknown deadline",
            "owner",
            reship(
                replace("${deadlines.reshipTrackingReminder}", "${deadlines.reshipTrackingNudge}")),
            400,
            "期限 reshipTrackingNudge 没有配置"),
        row(
            "unknown candidate group",
            "owner",
            reship(
                replace(
                    "camunda:candidateGroups=\"warehouse\"",
                    "camunda:candidateGroups=\"packers\"")),
            400,
            "候选组 packers 不存在"),
        row(
            "form not in the deployment",
            "owner",
            reship(
                replace("camunda:formRef=\"ship-reshipment\"", "camunda:formRef=\"ship-parcel\"")),
            400,
            "表单 ship-parcel 不在本次部署里"),
        row(
            "model deployed without its forms, one of them unknown",
            "owner",
            withoutForms,
            400,
            "表单 ship-parcel 不在本次部署里，流程当前上线版本的部署里也没有"),
        row("form that is not JSON", "owner", badForm, 400, "不是有效的 Camunda 表单"),
        row(
            "XML not closed",
            "owner",
            reship(replace("</definitions>", "")),
            400,
            "不是有效的 BPMN 文件（第 "),
        row(
            "not XML at all",
            "owner",
            only("reship.bpmn", "hello modeler"),
            400,
            "请在 Camunda Modeler 中打开、检查并保存后重新部署"),
        row("empty model file", "owner", only("reship.bpmn", ""), 400, "不是有效的 BPMN 文件"),
        row(
            "XML that is not BPMN",
            "owner",
            only("reship.bpmn", "<?xml version=\"1.0\"?><order><id>1</id></order>"),
            400,
            "不是有效的 BPMN 文件"),
        row(
            "XML with an external entity",
            "owner",
            only(
                "reship.bpmn",
                "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><definitions>&x;</definitions>"),
            400,
            "不是有效的 BPMN 文件"),
        row(
            "a spreadsheet",
            "owner",
            only("orders.xlsx", new byte[] {0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0}),
            400,
            "orders.xlsx"),
        row("a text file", "owner", only("notes.txt", "记得改流程"), 400, "notes.txt：不能部署这种文件"),
        row(
            "a program",
            "owner",
            only("setup.exe", new byte[] {0x4d, 0x5a, 0, 0, 1, 2, 3}),
            400,
            "setup.exe"),
        row("a script", "owner", only("deploy.sh", "rm -rf /"), 400, "deploy.sh：不能部署这种文件"),
        row(
            "deployed by an agent",
            "agent1",
            reship(s -> s.replace("（补发）", "（补发4）")),
            403,
            "没有权限执行此操作"),
        row(
            "deployed by a supervisor",
            "supervisor",
            reship(s -> s.replace("（补发）", "（补发5）")),
            403,
            "没有权限执行此操作"),
        row(
            "deployed by finance",
            "finance",
            reship(s -> s.replace("（补发）", "（补发6）")),
            403,
            "没有权限执行此操作"));
  }

  private List<String> deploymentIds() {
    return jdbc.queryForList("select ID_ from ACT_RE_DEPLOYMENT", String.class);
  }

  private List<String> before;

  /** A row that was wrongly accepted must not leave its model on top for the other tests. */
  @AfterEach
  void removeWhatSlippedThrough() {
    if (before == null) {
      return;
    }
    for (String id : deploymentIds()) {
      if (!before.contains(id)) {
        processEngine.getRepositoryService().deleteDeployment(id, true);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deployments")
  void refusedAndNothingDeployed(
      String what, String user, Map<String, byte[]> files, int status, String fragment) {
    before = deploymentIds();
    Map<String, Long> stored = stored();
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "bad-input-" + what);
    form.add("deployment-source", "Camunda Modeler");
    form.add("enable-duplicate-filtering", "true");
    files.forEach(
        (name, content) ->
            form.add(
                name,
                new ByteArrayResource(content) {
                  @Override
                  public String getFilename() {
                    return name;
                  }
                }));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> r =
        http.withBasicAuth(user, "demo")
            .postForEntity(
                "/engine-rest/deployment/create", new HttpEntity<>(form, headers), String.class);
    assertRefused(what, stored, r, status, fragment, "");
  }
}
