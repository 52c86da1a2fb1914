package com.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.DueJobs;
import com.aftersales.support.TestPhotos;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo order T1001 (the trade succeeded, the buyer filed nothing on the platform) walked in a
 * real (headless) Chromium through a damage claim whose compensation the shop pays itself: agent1
 * opens the claim, uploads the buyer's photos, works evidence, check and offer in Tasklist's forms,
 * collects the buyer's Alipay account, and finance confirms the transfer. The case ends settled by
 * transfer, and never says the platform refunded anything.
 *
 * <p>Screenshots of every step: {@code target/browser/transfer-<step>.png}.
 */
class CompensationTransferBrowserIT extends BrowserTestBase {

  private static final String ORDER = "T1001";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  CompensationTransferBrowserIT() {
    super("transfer-");
  }

  @Test
  void theDemoOrdersCompensationIsPaidByTransferThroughTasklist() throws Exception {
    // 1. agent1 opens a damage claim on the demo order with the start form
    step("01-start");
    logIn("agent1");
    page.openStartDialog("破损售后");
    page.fill(page.field(TasklistPage.START_DIALOG, "订单编号"), ORDER);
    page.fill(page.field(TasklistPage.START_DIALOG, "买家反映的问题"), "面霜盒子压坏，瓶身有裂纹但能用");
    done("01-start");
    page.submitStartDialog();
    page.notification("info", "流程已开始");
    page.waitForStartDialogClosed();
    page.dismissNotifications();
    ProcessInstance claim =
        page.until(
            "the damage claim on " + ORDER + " started",
            d ->
                runtime
                    .createProcessInstanceQuery()
                    .processDefinitionKey("damage-claim")
                    .variableValueEquals("orderId", ORDER)
                    .active()
                    .list()
                    .stream()
                    .findFirst()
                    .orElse(null));
    String caseId = claim.getBusinessKey();
    assertThat(caseId).startsWith("DAMAGE-" + ORDER);

    // 2. the buyer's photos arrive in Qianniu: agent1 uploads them to the case (two detail photos,
    // as a damage needs), then records the evidence, with the request for photos sent
    step("02-evidence");
    for (int i = 1; i <= 2; i++) {
      HttpResponse<String> uploaded =
          uploadPhoto(caseId, "agent1", "细节" + i + ".jpg", TestPhotos.jpeg(640, 480, i));
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    }
    work(caseId, "userTask_collectEvidence", "照片说明");
    page.check(field("已收到面单/物流单照片"), true);
    page.fill(field("照片说明"), "外盒压扁，瓶身一道裂纹，不漏");
    page.check(field("已在千牛发送给买家"), true);
    finish("02-evidence", caseId, "userTask_collectEvidence");

    // 3. the check, in a step of its own: the checker sees how many photos there are and where,
    // then finds it usable, one piece, not the courier's fault
    step("03-check");
    assertThat(runtime.getVariable(claim.getId(), "photoCount")).isEqualTo(2L);
    work(caseId, "userTask_checkEvidence", "有问题的件数");
    assertThat(page.value(field("买家照片"))).isEqualTo("2");
    WebElement photosLink = page.visible(By.xpath("//a[contains(normalize-space(.),'的照片页')]"));
    assertThat(photosLink.getAttribute("href")).endsWith("/cases/" + caseId + "#photos");
    page.check(field("外包装完好"), true);
    page.select(page.selectField(TasklistPage.TASK_FORM, "破损情况"), "不影响使用");
    page.fill(field("有问题的件数"), "1");
    finish("03-check", caseId, "userTask_checkEvidence");

    // 4. the apology and the offer: the buyer accepts 5 yuan, within the agent's limit
    step("04-offer");
    work(caseId, "userTask_offerResolution", "协商记录");
    page.check(field("已在千牛发送给买家"), true);
    page.check(field("接受补偿"), true);
    page.fill(field("补偿金额"), "5");
    page.fill(field("协商记录"), "买家接受5元补偿");
    finish("04-offer", caseId, "userTask_offerResolution");

    // 5. nothing filed on the platform: the agent collects and checks the buyer's Alipay account
    step("05-account");
    work(caseId, "userTask_collectAccount", "收款人姓名");
    assertThat(page.value(field("转账金额"))).startsWith("5");
    assertThat(page.value(field("款项说明"))).isEqualTo("破损补偿");
    assertThat(page.visibleText()).contains("平台不会替我们付");
    page.check(field("支付宝"), true);
    page.fill(field("收款人姓名"), "林晓");
    page.fill(field("支付宝账号或银行卡号"), "13800001001");
    page.check(field("已与买家核对收款账户"), true);
    finish("05-account", caseId, "userTask_collectAccount");
    assertThat(caseJson(caseId, "agent1").path("timeline").toString())
        .contains("紫旗：转账退款 5.00 元至支付宝 林晓 *******1001：破损补偿")
        .doesNotContain("已转账");

    // 6. finance transfers and says so
    step("06-transfer");
    page.driver.manage().deleteAllCookies();
    logIn("finance");
    work(caseId, "userTask_transferRefund", "财务备注");
    assertThat(page.value(field("收款人姓名"))).isEqualTo("林晓");
    page.check(field("已转账"), true);
    page.fill(field("财务备注"), "已转支付宝，流水号 20261120001");
    finish("06-transfer", caseId, "userTask_transferRefund");

    // 7. the case ends settled by the transfer; nothing says the platform refunded
    step("07-settled");
    JsonNode view = caseJson(caseId, "agent1");
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("outcome").asText()).isEqualTo("settled");
    String timeline = view.path("timeline").toString();
    assertThat(timeline)
        .contains("财务已转账 5.00 元（转账至支付宝 林晓 *******1001）：破损补偿")
        .doesNotContain("平台已自动退款", "平台已退款", "平台计时", "13800001001");
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(claim.getId()).count())
        .isZero();
    done("07-settled");
  }

  private By field(String label) {
    return page.field(TasklistPage.TASK_FORM, label);
  }

  /**
   * Opens the case's task at {@code taskKey} in Tasklist, claims it, and waits for the settled form
   * (the field labelled {@code firstField}).
   */
  private void work(String caseId, String taskKey, String firstField) {
    Task task = openTask(caseId, taskKey);
    page.driver.get(base() + "/camunda/app/tasklist/default/#/?task=" + task.getId());
    page.visible(By.xpath("//h2[normalize-space(.)='" + task.getName() + "']"));
    page.claim();
    page.reloadAndWaitFor(field(firstField));
    page.until("the form shows the case", d -> caseId.equals(page.value(field("售后单号"))));
  }

  /** Completes the open form and runs the steps that follow until the next wait. */
  private void finish(String shot, String caseId, String taskKey) {
    done(shot + "-filled");
    page.complete();
    page.until(
        taskKey + " is completed",
        d ->
            tasks
                    .createTaskQuery()
                    .processInstanceBusinessKey(caseId)
                    .taskDefinitionKey(taskKey)
                    .count()
                == 0);
    for (ProcessInstance pi :
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).list()) {
      DueJobs.runMessages(management, pi.getRootProcessInstanceId());
    }
    done(shot);
  }

  private Task openTask(String caseId, String taskKey) {
    return page.until(
        "task " + taskKey + " of " + caseId + " exists",
        d ->
            tasks
                .createTaskQuery()
                .processInstanceBusinessKey(caseId)
                .taskDefinitionKey(taskKey)
                .singleResult());
  }

  /**
   * {@code POST /api/cases/{id}/photos} as a demo user: one picture in the multipart field "file".
   */
  private HttpResponse<String> uploadPhoto(String caseId, String user, String name, byte[] bytes)
      throws Exception {
    String boundary = "----photo" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.write(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + name
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.write(bytes);
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String auth =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(base() + "/api/cases/" + caseId + "/photos"))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** {@code GET /api/cases/{id}} as a demo user (HTTP Basic), as the README shows. */
  private JsonNode caseJson(String caseId, String user) throws Exception {
    String auth =
        Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base() + "/api/cases/" + caseId))
                    .header("Authorization", "Basic " + auth)
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new ObjectMapper().readTree(response.body());
  }
}
