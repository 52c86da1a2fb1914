package com.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The agent's desk in a real (headless) Chromium: the shared menu in Tasklist and on our pages,
 * holding each role's pages only; a register filtered on screen and exported; the day report
 * submitted by an agent and read by the supervisor.
 *
 * <p>Screenshots: {@code target/browser/desk-<step>.png}; on failure also {@code
 * desk-failure-<step>.png} and the page source next to it.
 */
class DeskBrowserIT extends BrowserTestBase {

  private static final String MENU = "//details[@id='aftersales-menu']";

  @Autowired JdbcTemplate jdbc;

  DeskBrowserIT() {
    super("desk-");
  }

  private String text(String id) {
    return page.driver.findElement(By.id(id)).getText();
  }

  /** The keys of the links in Tasklist's menu, once it has loaded. */
  private List<String> tasklistMenu() {
    page.click(By.xpath(MENU + "/summary"));
    page.until(
        "the menu lists the pages",
        d -> !d.findElements(By.xpath(MENU + "//a[@data-nav]")).isEmpty());
    return page.driver.findElements(By.xpath(MENU + "//a[@data-nav]")).stream()
        .map(a -> a.getDomAttribute("data-nav"))
        .toList();
  }

  /** The status and type of a download the page links to, fetched with the page's session. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> fetch(String linkId) {
    return (Map<String, Object>)
        ((JavascriptExecutor) page.driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + "fetch(document.getElementById(arguments[0]).href)"
                    + ".then(r => r.arrayBuffer().then(b => done({status: r.status,"
                    + " type: r.headers.get('content-type'), size: b.byteLength})))"
                    + ".catch(e => done({status: -1, type: String(e), size: 0}));",
                linkId);
  }

  private void courierLoss(String orderId, String carrier, String amount) {
    jdbc.update(
        "insert into courier_loss (case_id, recorded_at, order_id, carrier, tracking_number,"
            + " loss_amount, claim_state) values (?,?,?,?,?,?,?)",
        "DAMAGE-" + orderId,
        OffsetDateTime.now(),
        orderId,
        carrier,
        "SF" + orderId,
        new BigDecimal(amount),
        "OPEN");
  }

  @Test
  void financeFiltersARegisterAndExportsIt() {
    String base = "9" + System.nanoTime() % 1_000_000_000L;
    courierLoss(base + "1", "<b>顺丰</b>", "12.50");
    courierLoss(base + "2", "圆通", "8.00");

    step("01-menu");
    logIn("finance");
    assertThat(tasklistMenu())
        .contains("refunds", "registers")
        .doesNotContain("console", "day-reports");
    done("01-menu");

    step("02-register");
    page.click(By.xpath(MENU + "//a[@data-nav='registers']"));
    page.visible(By.xpath("//h1[normalize-space(.)='登记表']"));
    page.until("the menu shows", d -> !d.findElements(By.cssSelector("nav#menu a")).isEmpty());
    assertThat(
            page.driver.findElements(By.cssSelector("nav#menu a[data-nav]")).stream()
                .map(a -> a.getDomAttribute("data-nav"))
                .toList())
        .containsExactly("tasklist", "cases", "refunds", "registers");
    new org.openqa.selenium.support.ui.Select(page.driver.findElement(By.id("register")))
        .selectByVisibleText("快递损失");
    page.until("the courier-loss headings", d -> text("rows").contains("损失金额（元）"));
    page.driver.findElement(By.id("orderId")).sendKeys(base + "1");
    page.click(By.id("search"));
    page.until("one row", d -> text("count").equals("快递损失：共 1 条"));
    assertThat(text("rows"))
        .contains(base + "1")
        .contains("顺丰")
        .contains("12.50")
        .doesNotContain("圆通");
    done("02-filtered");

    step("03-export");
    assertThat(page.driver.findElement(By.id("export")).getDomAttribute("href"))
        .contains("/api/registers/courier-losses/export.xlsx")
        .contains("orderId=" + base + "1");
    Map<String, Object> download = fetch("export");
    assertThat(download.get("status")).isEqualTo(200L);
    assertThat((String) download.get("type")).contains("spreadsheetml");
    assertThat((Long) download.get("size")).isGreaterThan(1000L);
    done("03-export");
  }

  @Test
  void anAgentSubmitsTheDayReportAndTheSupervisorReadsIt() {
    String note = "今天处理了破损单，<script>x</script>明天跟进";

    step("01-agent-menu");
    logIn("agent1");
    assertThat(tasklistMenu())
        .contains("day-report", "registers", "orders")
        .doesNotContain("console", "refunds", "day-reports");
    done("01-agent-menu");

    step("02-submit");
    page.click(By.xpath(MENU + "//a[@data-nav='day-report']"));
    page.visible(By.xpath("//h1[normalize-space(.)='我的日报']"));
    page.visible(By.id("figures"));
    assertThat(text("figures")).contains("完成任务").contains("退款金额（元）");
    WebElement box = page.driver.findElement(By.id("note"));
    box.clear();
    box.sendKeys(note);
    page.click(By.id("submit"));
    page.until("the report is submitted", d -> text("message").startsWith("已于"));
    done("02-submitted");

    step("03-supervisor");
    page.driver.manage().deleteAllCookies();
    logIn("supervisor");
    assertThat(tasklistMenu())
        .contains("console", "day-reports")
        .doesNotContain("day-report", "refunds");
    page.click(By.xpath(MENU + "//a[@data-nav='day-reports']"));
    By agent1Row = By.cssSelector("#reports tr[data-agent='agent1']");
    page.visible(agent1Row);
    String row = page.driver.findElement(agent1Row).getText();
    assertThat(row).contains("王小美").contains("已提交").contains(note);
    assertThat(page.driver.findElements(By.cssSelector("#chart rect[data-agent='agent1']")))
        .hasSize(2);
    assertThat(page.driver.findElements(By.cssSelector("#reports script"))).isEmpty();
    Map<String, Object> download = fetch("export");
    assertThat(download.get("status")).isEqualTo(200L);
    assertThat((String) download.get("type")).contains("spreadsheetml");
    done("03-supervisor");
  }
}
