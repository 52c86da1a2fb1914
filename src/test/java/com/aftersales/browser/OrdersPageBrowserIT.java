package com.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.orders.ReportFixtures;
import com.aftersales.orders.ReportFixtures.Line;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The order import and dunning page in a real (headless) Chromium: an agent uploads yesterday's
 * order report as the back office exported it (GBK CSV, one junk row), watches the import finish,
 * reads the rejected row with its line number, opens the day's dunning cases, and a second click
 * opens none. Warehouse staff are told why the page is not for them.
 *
 * <p>Screenshots: {@code target/browser/orders-<step>.png}; on failure also {@code
 * orders-failure-<step>.png} and the page source next to it.
 */
class OrdersPageBrowserIT extends BrowserTestBase {

  /** A day no other test uses, so the dunning run sees only this report's orders. */
  private static final LocalDate DAY = LocalDate.of(2025, 3, 17);

  @Autowired JdbcTemplate jdbc;
  @Autowired RuntimeService runtime;

  OrdersPageBrowserIT() {
    super("orders-");
  }

  /** The dunning cases this test opened would crowd the other browser tests' task lists. */
  @AfterEach
  void removeTheDaysCases() {
    for (String caseId :
        jdbc.queryForList(
            "select case_id from dunning_case where run_date = ?", String.class, DAY)) {
      runtime
          .createProcessInstanceQuery()
          .processInstanceBusinessKey(caseId)
          .list()
          .forEach(pi -> runtime.deleteProcessInstance(pi.getId(), "test clean-up"));
    }
  }

  private String text(String id) {
    return page.driver.findElement(By.id(id)).getText();
  }

  @Test
  void anAgentImportsTheReportWithProgressAndOpensTheDaysDunningCases() throws Exception {
    List<Line> lines = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    long base = System.nanoTime() % 1_000_000_000L;
    for (int i = 0; i < 60; i++) {
      String id = "7" + base + String.format("%04d", i);
      ids.add(id);
      lines.add(
          Line.unpaid(
              id, "tb_page" + (i % 40), DAY + String.format(" %02d:%02d:00", i % 24, i % 60)));
    }
    lines.add(
        Line.unpaid("7" + base + "9999", "tb_page", DAY + " 12:00:00").withStatus("退款中", "", ""));
    Path report = Files.createTempFile("已卖出的宝贝", ".csv");
    Files.write(
        report,
        ReportFixtures.csv(ReportFixtures.NEW_HEADINGS, lines, Charset.forName("GB18030"), false));

    step("01-login");
    logIn("agent1");
    page.driver.get(base() + "/orders");
    page.visible(By.xpath("//h1[normalize-space(.)='订单导入与催款']"));
    done("01-open");

    step("02-import");
    page.driver.findElement(By.id("file")).sendKeys(report.toAbsolutePath().toString());
    page.click(By.id("send"));
    page.until("the import finishes", d -> text("importMessage").startsWith("导入完成"));
    assertThat(text("importMessage")).contains("新增 60").contains("未导入 1");
    page.visible(By.id("importErrors"));
    assertThat(text("importErrors")).contains("订单状态 “退款中” 无法识别").contains("62");
    done("02-imported");

    step("03-dunning");
    ((JavascriptExecutor) page.driver)
        .executeScript("document.getElementById('runDate').value = arguments[0];", DAY.toString());
    page.click(By.xpath("//form[@id='run']//button"));
    page.until("the run reports", d -> text("runMessage").contains("新开催款单"));
    assertThat(text("runMessage")).contains("下单未付款 60 笔").contains("新开催款单 60 张");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from dunning_case where run_date = ?", Integer.class, DAY))
        .isEqualTo(60);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("DUNNING-" + ids.get(0))
                .count())
        .isEqualTo(1);
    done("03-dunning");

    step("04-again");
    page.click(By.xpath("//form[@id='run']//button"));
    page.until("the second run reports", d -> text("runMessage").contains("新开催款单 0 张"));
    done("04-again");
  }

  @Test
  void warehouseStaffAreToldThePageIsNotForThem() {
    step("warehouse");
    logIn("warehouse");
    page.driver.get(base() + "/console/orders.html");
    page.until("the refusal shows", d -> text("login").contains("只有客服或主管可以查看催款汇总"));
    assertThat(page.driver.findElement(By.id("page")).isDisplayed()).isFalse();
    done("warehouse");
  }
}
