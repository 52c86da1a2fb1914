package com.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.photos.CasePhotos;
import com.aftersales.support.TestOrders;
import com.aftersales.support.TestPhotos;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a newcomer does on the first day, in a real (headless) Chromium: agent1 logs into the
 * Chinese Tasklist, opens a damage claim with the start form, claims the first task, gets the
 * server's validation message for too few uploaded photos and then completes it properly.
 *
 * <p>Screenshots of every step: {@code target/browser/<step>.png}; on failure also {@code
 * failure-<step>.png} and the page source next to it.
 */
class TasklistBrowserIT extends BrowserTestBase {

  private static final String BUYER = "tb_browser";

  @Autowired TestOrders orders;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired CasePhotos photos;

  TasklistBrowserIT() {
    super("");
  }

  @Test
  void anAgentOpensADamageClaimAndCollectsTheEvidenceInTasklist() {
    String orderId = orders.create(BUYER, "88.00", 1);
    String caseId = "DAMAGE-" + orderId;

    // 1. log in; the UI is Chinese and the English end-of-life banner is not shown
    step("01-login");
    page.open();
    WebElement username = page.loginUsername();
    assertThat(username.getDomProperty("placeholder")).isEqualTo("用户名");
    done("01-login");
    page.logIn("agent1", "demo");
    step("02-logged-in");
    assertThat(page.filter("我的任务").isDisplayed()).isTrue();
    assertThat(page.filter("我组的任务").isDisplayed()).isTrue();
    String text = page.visibleText();
    assertThat(text).contains("开始流程", "王小美").doesNotContain("Camunda 8", "Start process");
    assertThat(page.driver.findElements(By.cssSelector(".ce-eol-banner")))
        .noneMatch(WebElement::isDisplayed);
    done("02-logged-in");

    // 2. open a damage claim with the start form
    step("03-start-form");
    page.openStartDialog("破损售后");
    // a mistyped order number: the server refuses, and the clerk reads only its reason
    page.fill(page.field(TasklistPage.START_DIALOG, "订单编号"), "X" + orderId);
    // only the order number and the problem: the buyer comes from the order
    assertThat(page.driver.findElements(page.field(TasklistPage.START_DIALOG, "买家会员名"))).isEmpty();
    page.fill(page.field(TasklistPage.START_DIALOG, "买家反映的问题"), "收到时瓶身碎裂，漏了一箱");
    page.submitStartDialog();
    WebElement refused = page.notification("danger", "找不到订单 X" + orderId);
    assertThat(refused.getText())
        .contains("找不到订单 X" + orderId + "，请核对订单编号")
        .doesNotContain("Cannot instantiate", "process definition");
    page.dismissNotifications();
    page.fill(page.field(TasklistPage.START_DIALOG, "订单编号"), orderId);
    done("03-start-form");
    page.submitStartDialog();
    step("04-started");
    page.notification("info", "流程已开始");
    page.waitForStartDialogClosed();
    ProcessInstance claim =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
    assertThat(claim).as("case %s started from the browser", caseId).isNotNull();
    assertThat(runtime.getVariable(claim.getId(), "description")).isEqualTo("收到时瓶身碎裂，漏了一箱");
    done("04-started");
    page.dismissNotifications();

    // 3. find the first task in the group's queue and claim it
    step("05-group-tasks");
    Task collect = openTask(caseId, "userTask_collectEvidence");
    assertThat(collect.getAssignee()).isNull();
    page.openFilter("我组的任务");
    page.openTask(collect.getId(), "收集买家凭证");
    // the form shows the case, filled in by the server
    By shownOrder = page.field(TasklistPage.TASK_FORM, "订单编号");
    page.until("the task form shows the order", d -> orderId.equals(page.value(shownOrder)));
    assertThat(page.value(page.field(TasklistPage.TASK_FORM, "售后单号"))).isEqualTo(caseId);
    assertThat(page.value(page.field(TasklistPage.TASK_FORM, "买家会员名"))).isEqualTo(BUYER);
    // the request for photos, with the order filled in, ready to copy into Qianniu
    assertThat(page.value(page.field(TasklistPage.TASK_FORM, "发给买家的话")))
        .contains(orderId, "至少 2 张");
    done("05-group-tasks");

    step("06-claimed");
    page.claim();
    page.until(
        "agent1 is the assignee",
        d ->
            "agent1"
                .equals(
                    tasks.createTaskQuery().taskId(collect.getId()).singleResult().getAssignee()));
    done("06-claimed");

    // 4. too few photos: the server refuses, the browser shows why, the task stays open
    step("07-invalid");
    photos.upload(
        caseId,
        java.util.List.of(new CasePhotos.Upload("1.jpg", TestPhotos.jpeg(60, 40, 1))),
        "DETAIL",
        "agent1");
    By waybill = page.field(TasklistPage.TASK_FORM, "已收到面单/物流单照片");
    By evidence = page.field(TasklistPage.TASK_FORM, "照片说明");
    page.reloadAndWaitFor(evidence);
    fillEvidence(waybill, evidence, "外箱压扁，瓶身裂纹一处");
    page.complete();
    WebElement error = page.notification("danger", "破损需要至少 2 张细节照片");
    assertThat(error.getText()).contains("破损需要至少 2 张细节照片");
    done("07-invalid");
    assertThat(tasks.createTaskQuery().taskId(collect.getId()).singleResult())
        .as("the task stays open")
        .isNotNull();
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(claim.getId())
                .taskDefinitionKey("userTask_checkEvidence")
                .count())
        .isZero();
    assertThat(page.visibleText()).contains("收集买家凭证");
    page.dismissNotifications();

    // 5. enough photos: the task is completed and the evidence check is next
    step("08-completed");
    photos.upload(
        caseId,
        java.util.List.of(new CasePhotos.Upload("2.jpg", TestPhotos.jpeg(60, 40, 2))),
        "DETAIL",
        "agent1");
    fillEvidence(waybill, evidence, "外箱压扁，瓶身裂纹一处");
    page.complete();
    page.until(
        "the task is completed", d -> tasks.createTaskQuery().taskId(collect.getId()).count() == 0);
    page.visible(
        By.xpath("//div[contains(@class,'no-task')][contains(normalize-space(.),'请在列表中选择一个任务')]"));
    Task check = openTask(caseId, "userTask_checkEvidence");
    assertThat(check.getName()).isEqualTo("核验凭证");
    assertThat(runtime.getVariable(claim.getId(), "photoCount")).isEqualTo(2L);
    assertThat(runtime.getVariable(claim.getId(), "waybillPhotoReceived")).isEqualTo(true);
    // the group's queue shows the next task (the filter refreshes itself)
    page.openFilter("我组的任务");
    assertThat(page.taskInList(check.getId()).getText().trim()).isEqualTo("核验凭证");
    done("08-completed");
  }

  /** The one open task of the case at an activity, as the engine sees it. */
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

  /** Fills the evidence form and checks every value right before submitting. */
  private void fillEvidence(By waybill, By evidence, String description) {
    By sent = page.field(TasklistPage.TASK_FORM, "已在千牛发送给买家");
    page.until(
        "the evidence form holds the values",
        d -> {
          page.check(waybill, true);
          page.fill(evidence, description);
          // the request for photos was sent in Qianniu: the agent ticks it
          page.check(sent, true);
          // the values must still be there a moment later, not wiped by a late re-render
          try {
            Thread.sleep(500);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return d.findElement(waybill).isSelected()
              && d.findElement(sent).isSelected()
              && description.equals(page.value(evidence));
        });
    done(step + "-filled");
  }
}
