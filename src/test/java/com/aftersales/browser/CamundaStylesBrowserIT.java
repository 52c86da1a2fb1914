package com.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Our one user-styles.css (kept under Tasklist, imported by Admin, Cockpit and Welcome) reaches all
 * four Camunda apps in a real (headless) Chromium: the end-of-life banner's 20px are gone, so the
 * page starts right under the 45px navbar instead of the shipped 65px.
 *
 * <p>Screenshots: {@code target/browser/styles-<app>.png}; on failure also {@code
 * styles-failure-<app>.png} and the page source next to it.
 */
class CamundaStylesBrowserIT extends BrowserTestBase {

  CamundaStylesBrowserIT() {
    super("styles-");
  }

  /** The computed value of a CSS property of the first element matching the selector. */
  private String style(String selector, String property) {
    return (String)
        ((JavascriptExecutor) page.driver)
            .executeScript(
                "return getComputedStyle(document.querySelector(arguments[0]))"
                    + ".getPropertyValue(arguments[1]);",
                selector,
                property);
  }

  private void present(String selector) {
    page.until(
        selector + " is on the page", d -> !d.findElements(By.cssSelector(selector)).isEmpty());
  }

  @Test
  void everyCamundaAppDropsTheBannersSpace() {
    for (String app : List.of("tasklist", "admin", "cockpit", "welcome")) {
      step(app);
      page.driver.get(base() + "/camunda/app/" + app + "/");
      page.until(
          app + " has loaded our user styles", d -> "45px".equals(style("body", "padding-top")));
      // the app renders its frame after the styles load: wait for the element, then read it
      if (app.equals("tasklist")) {
        present(".page-wrap");
        assertThat(style(".page-wrap", "top")).as("tasklist .page-wrap").isEqualTo("45px");
      }
      if (List.of("admin", "cockpit").contains(app)) {
        present(".ctn-main");
        assertThat(style(".ctn-main", "top")).as("%s .ctn-main", app).isEqualTo("45px");
      }
      assertThat(page.driver.findElements(By.cssSelector(".ce-eol-banner")))
          .as("%s shows no end-of-life banner", app)
          .noneMatch(e -> e.isDisplayed());
      done(app);
    }
  }
}
