package com.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseService;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.support.DueJobs;
import com.aftersales.support.TestOrders;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Finance's bulk refund page in a real (headless) Chromium: finance logs into Tasklist, opens
 * {@code /refunds} with the same session, ticks three pending refunds and agrees them at once. One
 * of them was meanwhile refunded in full in the back office, so that one is refused on its own row
 * while the other two go through. An agent who opens the page is told why it stays empty.
 *
 * <p>Screenshots: {@code target/browser/refunds-<step>.png}; on failure also {@code
 * refunds-failure-<step>.png} and the page source next to it.
 */
class RefundDeskBrowserIT extends BrowserTestBase {

  private static final String BUYER = "tb_refund_desk";
  private static final String APPROVE_TASK = "userTask_approveRefund";
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired TestOrders orders;
  @Autowired CaseService cases;
  @Autowired ShopBackOffice shop;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  RefundDeskBrowserIT() {
    super("refunds-");
  }

  /** A refund of 10 yuan on a delivered 40 yuan order, waiting for finance. */
  private record Refund(String orderId, String caseId, ProcessInstance pi) {}

  private Refund pendingRefund() {
    String orderId = orders.create(BUYER, "40.00", 1);
    orders.status(orderId, "SHIPPED");
    orders.signedAt(orderId, OffsetDateTime.now(SHANGHAI).minusDays(1));
    String caseId =
        cases
            .open("REFUND", orderId, BUYER, "买家申请退款", Map.of("refundAmount", 10.0))
            .record()
            .caseId();
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseId)
            .processDefinitionKey("refund")
            .singleResult();
    assertThat(pi).as("the refund process of %s", caseId).isNotNull();
    DueJobs.runAllDue(management, pi.getId());
    assertThat(approveTask(pi)).as("finance's task of %s", caseId).isNotNull();
    return new Refund(orderId, caseId, pi);
  }

  private Task approveTask(ProcessInstance pi) {
    return tasks
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(APPROVE_TASK)
        .singleResult();
  }

  private boolean ended(ProcessInstance pi) {
    return runtime.createProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        == null;
  }

  /** The row of a case, found by the case id in its 售后单号 column. */
  private static By row(String caseId) {
    return By.xpath(rowXpath(caseId));
  }

  private static By pick(String caseId) {
    return By.xpath(rowXpath(caseId) + "//input[contains(@class,'pick')]");
  }

  private static String rowXpath(String caseId) {
    return "//table[@id='pending']/tbody/tr[td[2][normalize-space(.)='" + caseId + "']]";
  }

  private String resultOf(String caseId) {
    return page.driver.findElement(row(caseId)).findElement(By.cssSelector("td.result")).getText();
  }

  @Test
  void financeAgreesThreeRefundsAtOnceAndSeesTheOneTheBackOfficeAlreadyRefundedRefused() {
    // 0. three refunds waiting for finance; the back office meanwhile refunds one order in full
    List<Refund> refunds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      refunds.add(pendingRefund());
    }
    Refund good1 = refunds.get(0);
    Refund bad = refunds.get(1);
    Refund good2 = refunds.get(2);
    shop.agreeRefund(bad.orderId(), null, new BigDecimal("40.00"), "后台已退");

    // 1. finance logs into Tasklist and opens the refund page with the same session
    step("01-login");
    logIn("finance");
    done("01-login");

    step("02-pending");
    page.driver.get(base() + "/refunds");
    page.visible(By.xpath("//h1[normalize-space(.)='待审核退款']"));
    page.visible(By.id("desk"));
    page.visible(By.cssSelector("#pending tbody tr"));
    for (Refund r : refunds) {
      page.visible(row(r.caseId()));
    }
    assertThat(page.driver.findElement(By.id("count")).getText()).matches("共 \\d+ 笔待处理");
    WebElement badRow = page.driver.findElement(row(bad.caseId()));
    assertThat(badRow.getText()).contains(bad.orderId(), BUYER, "10.00");
    done("02-pending");

    // 2. tick the three and agree them at once
    step("03-ticked");
    for (Refund r : refunds) {
      page.check(pick(r.caseId()), true);
    }
    done("03-ticked");

    step("04-approved");
    page.click(By.id("approve"));
    page.until(
        "the page reports the bulk approval",
        d -> d.findElement(By.id("message")).getText().contains("已同意 2 笔，未处理 1 笔"));
    assertThat(page.driver.findElement(By.id("message")).getText()).startsWith("已同意 2 笔，未处理 1 笔");
    assertThat(resultOf(bad.caseId())).startsWith("未处理：").contains("可退金额");
    assertThat(resultOf(good1.caseId())).isEqualTo("已同意");
    assertThat(resultOf(good2.caseId())).isEqualTo("已同意");
    // the agreed rows cannot be ticked again, the refused one can
    assertThat(page.driver.findElement(pick(good1.caseId())).isEnabled()).isFalse();
    assertThat(page.driver.findElement(pick(good2.caseId())).isEnabled()).isFalse();
    assertThat(page.driver.findElement(pick(bad.caseId())).isEnabled()).isTrue();
    done("04-approved");

    // 3. the agreed two go on and refund 10 yuan each; the refused one still waits, unclaimed
    step("05-engine");
    for (Refund r : List.of(good1, good2)) {
      assertThat(approveTask(r.pi())).as("finance's task of %s", r.caseId()).isNull();
      DueJobs.runAllDue(management, r.pi().getId());
      assertThat(ended(r.pi())).as("the refund process of %s has ended", r.caseId()).isTrue();
      assertThat(orders.refunded(r.orderId())).isEqualByComparingTo("10.00");
    }
    Task stillOpen = approveTask(bad.pi());
    assertThat(stillOpen).as("finance's task of %s", bad.caseId()).isNotNull();
    assertThat(stillOpen.getAssignee()).isNull();
    assertThat(orders.refunded(bad.orderId())).isEqualByComparingTo("40.00");
  }

  @Test
  void anAgentIsToldThatOnlyFinanceOrSupervisorsSeePendingRefunds() {
    step("agent-01-login");
    logIn("agent1");
    done("agent-01-login");

    step("agent-02-refused");
    page.driver.get(base() + "/console/refunds.html");
    page.until(
        "the page shows why it stays empty", d -> page.visibleText().contains("只有财务或主管可以查看待审核退款"));
    assertThat(page.driver.findElement(By.id("login")).getText()).isEqualTo("只有财务或主管可以查看待审核退款");
    // nothing to click: the desk stays hidden
    assertThat(page.driver.findElement(By.id("desk")).isDisplayed()).isFalse();
    done("agent-02-refused");
  }
}
