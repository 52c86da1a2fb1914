package com.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseService;
import com.aftersales.cases.photos.CasePhotos;
import com.aftersales.support.TestOrders;
import com.aftersales.support.TestPhotos;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The agent's desk in a real (headless) Chromium: the 售后单 tab beside a task's form shows the case
 * page, a real jpg uploads with its thumbnail, a renamed program is refused by name, and the page
 * stands on its own at 1366×768.
 */
class CaseDeskBrowserIT extends BrowserTestBase {

  @Autowired TestOrders orders;
  @Autowired CaseService cases;
  @Autowired CasePhotos photos;
  @Autowired TaskService tasks;

  CaseDeskBrowserIT() {
    super("case-");
  }

  @Test
  void theCaseTabShowsTheCaseAndTakesAPhotoButNotAProgram() throws Exception {
    String orderId = orders.create("tb_desk", "66.00", 2);
    String caseId = cases.open("DAMAGE", orderId, "tb_desk", "两瓶都碎了").record().caseId();
    Task collect = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();

    step("01-task-tab");
    logIn("agent1");
    page.openFilter("我组的任务");
    // found again on every try: the list may be drawn anew while the page settles
    page.click(By.cssSelector("ol.tasks-list h4.task a[href*='task=" + collect.getId() + "']"));
    page.visible(By.xpath("//h2[normalize-space(.)='收集买家凭证']"));
    page.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='售后单']"));
    page.driver.switchTo().frame(page.visible(By.cssSelector("iframe.aftersales-case-frame")));
    page.until(
        "the tab shows the case",
        d -> ("售后单 " + caseId).equals(d.findElement(By.id("title")).getText()));
    page.until(
        "the order and the open task are shown",
        d ->
            d.findElement(By.id("order")).getText().contains("实付")
                && d.findElement(By.id("tasks")).getText().contains("收集买家凭证"));
    assertThat(page.driver.findElement(By.id("summary")).getText()).contains(orderId, "tb_desk");
    assertThat(page.driver.findElement(By.id("timeline")).getText()).isNotBlank();
    done("01-task-tab");

    step("02-upload-jpg");
    Path dir = Files.createTempDirectory("photos-");
    Path jpg = dir.resolve("damage.jpg");
    Files.write(jpg, TestPhotos.jpeg(800, 600, 7));
    page.driver.findElement(By.id("photoFile")).sendKeys(jpg.toString());
    page.until(
        "the thumbnail is shown",
        d ->
            (Boolean)
                ((JavascriptExecutor) d)
                    .executeScript(
                        "const i = document.querySelector('#shown figure img');"
                            + " return !!i && i.complete && i.naturalWidth > 0;"));
    assertThat(page.driver.findElement(By.id("photoMessage")).getText()).contains("已上传 1 张");
    assertThat(photos.list(caseId)).hasSize(1);
    assertThat(photos.list(caseId).get(0).mediaType()).isEqualTo("image/jpeg");
    done("02-upload-jpg");

    step("03-renamed-exe");
    Path exe = dir.resolve("setup.jpg");
    Files.write(exe, TestPhotos.exe());
    page.driver.findElement(By.id("photoFile")).sendKeys(exe.toString());
    page.until(
        "the program is refused by name",
        d -> d.findElement(By.id("photoMessage")).getText().contains("不是图片"));
    assertThat(page.driver.findElement(By.id("photoMessage")).getText()).contains("setup.jpg");
    assertThat(photos.list(caseId)).hasSize(1);
    assertThat(page.driver.findElements(By.cssSelector("#shown figure"))).hasSize(1);
    done("03-renamed-exe");

    step("04-navbar-search");
    page.driver.switchTo().defaultContent();
    assertThat(page.visible(By.cssSelector("form.aftersales-case-search input")).isDisplayed())
        .isTrue();

    step("05-page-1366");
    page.driver.manage().window().setSize(new Dimension(1366, 768));
    page.driver.get(base() + "/cases/" + caseId);
    page.until(
        "the page shows the photo",
        d -> d.findElements(By.cssSelector("#shown figure")).size() == 1);
    int columns =
        ((Number)
                ((JavascriptExecutor) page.driver)
                    .executeScript(
                        "return getComputedStyle(document.getElementById('page'))"
                            + ".gridTemplateColumns.split(' ').length;"))
            .intValue();
    assertThat(columns).as("two columns at 1366×768").isEqualTo(2);
    done("05-page-1366");
  }
}
