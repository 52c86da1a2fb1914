package com.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.base.Roles;
import com.aftersales.cases.CaseService;
import com.aftersales.support.TestOrders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The supervisor console in a real (headless) Chromium: the supervisor logs into Tasklist, opens
 * the console with the same session, hands agent1's open work over to agent2 with a note, and
 * agent2 finds the tasks in 我的任务 with the note in the task's history. The console's changes need
 * the {@code X-Aftersales-Console} header next to the session cookie. Failures reach the person: a
 * refused roster save next to its form, a failed refresh in the notice bar under the header.
 *
 * <p>Screenshots: {@code target/browser/console-<step>.png}; on failure also {@code
 * console-failure-<step>.png} and the page source next to it.
 */
class ConsoleHandoverBrowserIT extends BrowserTestBase {

  private static final String BUYER = "tb_console";
  private static final String NOTE = "请优先处理这两单，买家在催";

  @Autowired TestOrders orders;
  @Autowired CaseService cases;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;

  ConsoleHandoverBrowserIT() {
    super("console-");
  }

  @Test
  void theSupervisorHandsAgent1sWorkToAgent2WhoSeesTheNoteInTasklist() {
    // 0. two damage cases whose first tasks agent1 holds
    List<String> moved = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      String orderId = orders.create(BUYER, "20.00", 1);
      String caseId =
          cases.open("DAMAGE", orderId, BUYER, "收到时外箱破损，第 " + (i + 1) + " 单").record().caseId();
      Task first = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
      assertThat(first).as("the first task of %s", caseId).isNotNull();
      tasks.setAssignee(first.getId(), "agent1");
      moved.add(first.getId());
    }
    long agent1Open = tasks.createTaskQuery().taskAssignee("agent1").count();
    assertThat(agent1Open).isGreaterThanOrEqualTo(2);

    // 1. the supervisor logs into Tasklist and opens the console with the same session
    step("01-login");
    logIn("supervisor");
    done("01-login");

    step("02-board");
    page.driver.get(base() + "/console/index.html");
    page.visible(By.xpath("//h1[normalize-space(.)='主管看板']"));
    page.visible(By.id("board"));
    By agent1Row = By.xpath("//table[@id='agents']/tbody/tr[td[1][contains(.,'（agent1）')]]");
    page.until(
        "the agents table lists agent1 with " + agent1Open + " open tasks",
        d -> {
          List<WebElement> row = d.findElements(agent1Row);
          return !row.isEmpty()
              && String.valueOf(agent1Open)
                  .equals(row.get(0).findElements(By.tagName("td")).get(1).getText().trim());
        });
    page.visible(By.cssSelector("#queues tbody tr"));
    assertThat(page.driver.findElement(By.cssSelector("#deadlines")).isDisplayed()).isTrue();
    assertThat(page.driver.findElement(By.cssSelector("#roster")).isDisplayed()).isTrue();
    page.until(
        "the queue chart is drawn",
        d ->
            Boolean.TRUE.equals(
                ((JavascriptExecutor) d)
                    .executeScript(
                        "return typeof Chart !== 'undefined' && Chart.getChart('queueChart') != null")));
    done("02-board");

    // 2. hand agent1's work over to agent2
    step("03-form");
    page.until(
        "the agent choices are loaded",
        d ->
            !d.findElements(By.cssSelector("#fromAgent option[value='agent1']")).isEmpty()
                && !d.findElements(By.cssSelector("#toAgent option[value='agent2']")).isEmpty());
    new Select(page.driver.findElement(By.id("fromAgent"))).selectByValue("agent1");
    new Select(page.driver.findElement(By.id("target"))).selectByValue("AGENT");
    new Select(page.driver.findElement(By.id("toAgent"))).selectByValue("agent2");
    page.fill(By.id("note"), NOTE);
    done("03-form");

    step("04-handed-over");
    page.click(By.id("handoverButton"));
    page.until(
        "the console reports the handover",
        d -> d.findElement(By.id("handoverMessage")).getText().contains("已交接"));
    assertThat(page.driver.findElement(By.id("handoverMessage")).getText())
        .isEqualTo("已交接 " + agent1Open + " 个任务");
    page.visible(By.id("handoverResult"));
    assertThat(tasks.createTaskQuery().taskAssignee("agent1").count()).isZero();
    for (String id : moved) {
      assertThat(tasks.createTaskQuery().taskId(id).singleResult().getAssignee())
          .as("task %s", id)
          .isEqualTo("agent2");
      assertThat(tasks.getTaskComments(id))
          .anyMatch(c -> c.getFullMessage().equals("【交接】agent1 → agent2：" + NOTE));
    }
    page.until("the board no longer lists agent1", d -> d.findElements(agent1Row).isEmpty());
    done("04-handed-over");

    // 3. agent2 logs in and finds the note in the task's history
    step("05-agent2");
    page.driver.manage().deleteAllCookies();
    logIn("agent2");
    page.openFilter("我的任务");
    Task task = tasks.createTaskQuery().taskId(moved.get(0)).singleResult();
    page.openTask(task.getId(), task.getName());
    done("05-agent2");

    step("06-history");
    page.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='历史记录']"));
    page.until(
        "the handover note is shown in the task's history", d -> page.visibleText().contains(NOTE));
    assertThat(page.visibleText()).contains("【交接】agent1 → agent2：" + NOTE);
    done("06-history");
  }

  /** An agent with no tasks: handing them over changes nothing. */
  private String idleAgent() {
    String idle = "idle" + Long.toString(System.nanoTime(), 36);
    User user = identity.newUser(idle);
    user.setFirstName("空闲客服");
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(idle, Roles.AGENTS);
    return idle;
  }

  @Test
  void aRefusedRosterSaveAndAFailedRefreshAreShownToTheSupervisor() {
    String idle = idleAgent();
    JavascriptExecutor js = (JavascriptExecutor) page.driver;

    step("failures-01-board");
    logIn("supervisor");
    page.driver.get(base() + "/console/index.html");
    page.visible(By.id("board"));
    page.until(
        "the roster and handover choices are loaded",
        d ->
            !d.findElements(By.cssSelector("#rosterShift option")).isEmpty()
                && !d.findElements(By.cssSelector("#fromAgent option[value='" + idle + "']"))
                    .isEmpty());
    assertThat(page.driver.findElements(By.id("notice"))).noneMatch(WebElement::isDisplayed);
    done("failures-01-board");

    // 1. the server refuses a roster line for someone who is not on the staff (400)
    step("failures-02-roster-refused");
    String nobody = "nobody" + Long.toString(System.nanoTime(), 36);
    js.executeScript(
        "const s = document.getElementById('rosterUser');"
            + "s.add(new Option(arguments[0], arguments[0])); s.value = arguments[0];",
        nobody);
    page.click(By.xpath("//form[@id='rosterForm']//button[@type='submit']"));
    By rosterMessage = By.id("rosterMessage");
    page.until(
        "the refused save is reported",
        d -> d.findElement(rosterMessage).getText().startsWith("保存失败"));
    WebElement refused = page.driver.findElement(rosterMessage);
    assertThat(refused.getText()).isEqualTo("保存失败：找不到员工 " + nobody);
    assertThat(refused.getDomAttribute("class")).contains("error");
    assertThat(page.driver.findElement(By.id("roster")).getText()).doesNotContain(nobody);
    done("failures-02-roster-refused");

    // 2. after a handover the board cannot refresh: a notice says so, the result stays on screen
    step("failures-03-refresh-failed");
    js.executeScript(
        "const detail = arguments[0], real = window.fetch;"
            + "window.fetch = (url, options) => String(url).startsWith('/api/console/summary')"
            + "  ? Promise.resolve(new Response(JSON.stringify({ status: 503, detail }),"
            + "      { status: 503, headers: { 'Content-Type': 'application/problem+json' } }))"
            + "  : real(url, options);",
        "系统维护中，请稍后再试");
    new Select(page.driver.findElement(By.id("fromAgent"))).selectByValue(idle);
    new Select(page.driver.findElement(By.id("target"))).selectByValue("POOL");
    page.fill(By.id("note"), "无任务的交接，只验证刷新失败的提示");
    page.click(By.id("handoverButton"));
    page.until(
        "the failed refresh is shown in the notice bar",
        d ->
            !d.findElements(By.id("notice")).isEmpty()
                && d.findElement(By.id("notice")).isDisplayed());
    assertThat(page.driver.findElement(By.id("notice")).getText())
        .isEqualTo("刷新失败，显示的是上次的数据：系统维护中，请稍后再试");
    assertThat(page.driver.findElement(By.id("handoverMessage")).getText()).isEqualTo("已交接 0 个任务");
    assertThat(page.driver.findElement(By.id("board")).isDisplayed()).isTrue();
    done("failures-03-refresh-failed");
  }

  @Test
  void aChangeWithTheSessionNeedsTheConsoleHeader() throws Exception {
    String idle = idleAgent();

    step("01-login");
    logIn("supervisor");
    done("header-01-login");
    Cookie session = page.driver.manage().getCookieNamed("JSESSIONID");
    assertThat(session).as("the Tasklist session cookie").isNotNull();

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String body =
        "{\"fromAgents\":[\"" + idle + "\"],\"target\":\"POOL\",\"note\":\"无任务的交接，只验证请求头\"}";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base() + "/api/shifts/handover"))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .header("Cookie", "JSESSIONID=" + session.getValue())
            .POST(HttpRequest.BodyPublishers.ofString(body));

    step("02-without-header");
    HttpResponse<String> refused =
        http.send(request.copy().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);

    step("03-with-header");
    HttpResponse<String> accepted =
        http.send(
            request.copy().header("X-Aftersales-Console", "1").build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.body()).contains("\"moved\":0");
    assertThat(tasks.createTaskQuery().taskAssignee(idle).count()).isZero();
  }
}
