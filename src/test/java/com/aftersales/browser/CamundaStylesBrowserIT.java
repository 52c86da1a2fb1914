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

  /**
   * The computed value of a CSS property of the first element matching the selector, or null while
   * no element matches (the apps re-render their frame while they boot, so an element found a
   * moment ago may be gone by the time it is read).
   */
  private String style(String selector, String property) {
    return (String)
        ((JavascriptExecutor) page.driver)
            .executeScript(
                "var e = document.querySelector(arguments[0]);"
                    + " return e ? getComputedStyle(e).getPropertyValue(arguments[1]) : null;",
                selector,
                property);
  }

  /**
   * Waits until the element is on the page and returns its value of the property, read twice alike.
   */
  private String settledStyle(String selector, String property) {
    String[] seen = new String[1];
    page.until(
        selector + " is on the page and keeps its " + property,
        d -> {
          String first = style(selector, property);
          seen[0] = first;
          return first != null && first.equals(style(selector, property));
        });
    return seen[0];
  }

  @Test
  void everyCamundaAppDropsTheBannersSpace() {
    for (String app : List.of("tasklist", "admin", "cockpit", "welcome")) {
      step(app);
      page.driver.get(base() + "/camunda/app/" + app + "/");
      page.until(
          app + " has loaded our user styles", d -> "45px".equals(style("body", "padding-top")));
      // the app renders its frame after the styles load: wait for the element, then read it
      // (a frame re-rendered between two reads gives null, and the wait goes on)
      if (app.equals("tasklist")) {
        assertThat(settledStyle(".page-wrap", "top")).as("tasklist .page-wrap").isEqualTo("45px");
      }
      if (List.of("admin", "cockpit").contains(app)) {
        assertThat(settledStyle(".ctn-main", "top")).as("%s .ctn-main", app).isEqualTo("45px");
      }
      assertThat(page.driver.findElements(By.cssSelector(".ce-eol-banner")))
          .as("%s shows no end-of-life banner", app)
          .noneMatch(e -> e.isDisplayed());
      done(app);
    }
  }
}
