package com.aftersales.browser;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda 7 Tasklist in a real headless Chromium, driven the way a shop agent uses it: by visible
 * texts (Chinese UI) and by the labels of the Camunda Forms fields.
 *
 * <p>Only the locally installed Chromium and chromedriver are used (no Selenium Manager, no
 * downloads). Screenshots go to {@code target/browser/<step>.png}.
 */
final class TasklistPage implements AutoCloseable {

  static final String CHROMIUM = "/usr/bin/chromium";
  static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  /**
   * How long a wait may last: Tasklist's first load (its scripts and plugins) took over 20 s on a
   * 2-core machine busy with other builds. Waits poll, so a page that is there goes on at once.
   */
  static final Duration TIMEOUT = Duration.ofSeconds(60);

  static final Path SCREENSHOTS = Path.of("target", "browser");

  /** The Start process dialog. */
  static final String START_DIALOG = "//div[contains(@class,'modal-dialog')]";

  /** The Camunda Form of the task shown on the right (the start dialog is closed by then). */
  static final String TASK_FORM = "//div[@cam-tasklist-form]";

  private final String baseUrl;
  private final Path profileDir;
  private final ChromeDriverService service;
  final WebDriver driver;

  TasklistPage(String baseUrl) throws IOException {
    this.baseUrl = baseUrl;
    this.profileDir = Files.createTempDirectory("tasklist-chromium-");
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-dev-shm-usage",
        "--lang=zh-CN",
        "--window-size=1400,1000",
        "--user-data-dir=" + profileDir);
    // Headless Chromium ignores --lang for navigator.languages / Accept-Language; Tasklist picks
    // its locale from navigator.languages, so the preference is what makes the UI Chinese.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    this.service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
    ChromeDriver chrome = new ChromeDriver(service, options);
    chrome.manage().timeouts().pageLoadTimeout(TIMEOUT);
    this.driver = chrome;
  }

  /** A fresh explicit wait (at most {@link #TIMEOUT}) that reports what it waited for. */
  WebDriverWait waiting(String what) {
    WebDriverWait wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(200));
    wait.ignoring(StaleElementReferenceException.class);
    wait.withMessage(what);
    return wait;
  }

  // ------------------------------------------------------------------ navigation and login

  void open() {
    driver.get(baseUrl + "/camunda/app/tasklist/");
  }

  WebElement loginUsername() {
    return visible(By.cssSelector("form[name=signinForm] input[ng-model=username]"));
  }

  void logIn(String user, String password) {
    By passwordField = By.cssSelector("form[name=signinForm] input[ng-model=password]");
    // The login page's script may still be moving the focus while the form fills in: type again
    // until both fields hold what was typed.
    waiting("the login form should hold the user and the password")
        .until(
            d -> {
              WebElement name = loginUsername();
              WebElement pass = visible(passwordField);
              if (!user.equals(name.getDomProperty("value"))) {
                type(name, user);
              }
              if (!password.equals(pass.getDomProperty("value"))) {
                type(pass, password);
              }
              return user.equals(name.getDomProperty("value"))
                  && password.equals(pass.getDomProperty("value"));
            });
    click(By.xpath("//form[@name='signinForm']//button[normalize-space(.)='登录']"));
    filter("我的任务");
  }

  /** The entry of a Tasklist filter in the left column, by its name. */
  WebElement filter(String name) {
    return visible(
        By.xpath(
            "//div[contains(@class,'task-filter')]//h4/a[normalize-space(text())='" + name + "']"));
  }

  void openFilter(String name) {
    click(filter(name));
    waiting("filter " + name + " should be selected")
        .until(
            d ->
                d.findElement(
                        By.xpath(
                            "//div[contains(@class,'task-filter')][contains(@class,'active')]//h4/a"))
                    .getText()
                    .startsWith(name));
  }

  /** The text the user sees on the whole page (hidden elements excluded). */
  String visibleText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  // ------------------------------------------------------------------ start a process

  void openStartDialog(String processName) {
    click(By.xpath("//a[contains(normalize-space(.),'开始流程')]"));
    click(
        By.xpath(
            START_DIALOG
                + "//ul[contains(@class,'processes')]//a[normalize-space(.)='"
                + processName
                + "']"));
    visible(By.xpath(START_DIALOG + "//h3[normalize-space(.)='开始流程: " + processName + "']"));
  }

  void submitStartDialog() {
    click(
        By.xpath(
            START_DIALOG
                + "//div[contains(@class,'modal-footer')]//button[normalize-space(.)='开始']"));
  }

  void waitForStartDialogClosed() {
    waiting("the start dialog should close")
        .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
  }

  // ------------------------------------------------------------------ task list and task view

  /** The entry of a task in the middle column, found by its id (stable) and checked by its name. */
  WebElement taskInList(String taskId) {
    return visible(By.cssSelector("ol.tasks-list h4.task a[href*='task=" + taskId + "']"));
  }

  void openTask(String taskId, String taskName) {
    WebElement entry = taskInList(taskId);
    if (!entry.getText().trim().equals(taskName)) {
      throw new AssertionError("task " + taskId + " is listed as '" + entry.getText() + "'");
    }
    click(entry);
    visible(By.xpath("//h2[normalize-space(.)='" + taskName + "']"));
  }

  void claim() {
    click(By.xpath("//button[contains(@class,'claim')][normalize-space(.)='认领']"));
    waiting("the task should be claimed")
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//button[contains(@class,'claim')][normalize-space(.)='认领']")));
  }

  /**
   * Tasklist renders the form again once a task is claimed, and anything typed into the first
   * rendering is lost. Reloading the page after the claim gives one settled form to fill.
   */
  void reloadAndWaitFor(By field) {
    driver.navigate().refresh();
    waiting(field + " after reload").until(ExpectedConditions.visibilityOfElementLocated(field));
  }

  void complete() {
    By button = By.xpath("//div[contains(@class,'form-actions')]//button[normalize-space(.)='完成']");
    waiting("完成 should be enabled").until(ExpectedConditions.elementToBeClickable(button));
    click(button);
  }

  // ------------------------------------------------------------------ Camunda Forms fields

  /**
   * A form-js field found through its label: form-js renders {@code <label for="fjs-form-<random>-
   * field_<id>">Label<span>*</span></label>}, so the label text is the stable handle, the id is
   * not.
   */
  By field(String scope, String label) {
    return new By() {
      @Override
      public List<WebElement> findElements(org.openqa.selenium.SearchContext context) {
        List<WebElement> labels =
            context.findElements(
                By.xpath(
                    scope
                        + "//label[contains(@class,'fjs-form-field-label')]"
                        + "[starts-with(normalize-space(.),'"
                        + label
                        + "')]"));
        if (labels.isEmpty()) {
          return List.of();
        }
        return context.findElements(By.id(labels.get(0).getAttribute("for")));
      }

      @Override
      public String toString() {
        return "form field labelled '" + label + "' in " + scope;
      }
    };
  }

  String value(By field) {
    return visible(field).getDomProperty("value");
  }

  /**
   * Replaces the value of a text/number/textarea field and waits until the field holds it (a form
   * re-rendered by Tasklist right after a claim can swallow keystrokes; the wait types again).
   */
  void fill(By field, String value) {
    waiting(field + " should hold '" + value + "'")
        .until(
            d -> {
              WebElement el = d.findElement(field);
              if (!el.isDisplayed() || !el.isEnabled()) {
                return false;
              }
              if (value.equals(el.getDomProperty("value"))) {
                return true;
              }
              scrollIntoView(el);
              el.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
              el.sendKeys(value);
              return value.equals(el.getDomProperty("value"));
            });
  }

  void check(By checkbox, boolean checked) {
    waiting(checkbox + " should be " + (checked ? "checked" : "unchecked"))
        .until(
            d -> {
              WebElement el = d.findElement(checkbox);
              if (el.isSelected() != checked) {
                scrollIntoView(el);
                el.click();
              }
              return el.isSelected() == checked;
            });
  }

  /**
   * A form-js select found through its label: the label names its hidden input, the box the user
   * clicks (showing the chosen option) is the input group next to the label.
   */
  By selectField(String scope, String label) {
    return By.xpath(
        scope
            + "//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.),'"
            + label
            + "')]/following-sibling::div[contains(@class,'fjs-input-group')]");
  }

  /**
   * Picks an option of a form-js select ({@link #selectField}; its own dropdown, not a native
   * select) by the option's label, and waits until the select shows it.
   */
  void select(By select, String option) {
    By item =
        By.xpath(
            "//div[contains(@class,'fjs-dropdownlist-item')][normalize-space(.)='" + option + "']");
    waiting(select + " should show '" + option + "'")
        .until(
            d -> {
              WebElement el = d.findElement(select);
              if (el.getText().contains(option)) {
                return true;
              }
              List<WebElement> items = d.findElements(item);
              if (items.isEmpty() || !items.get(0).isDisplayed()) {
                tryClick(el);
                return false;
              }
              tryClick(items.get(0));
              return d.findElement(select).getText().contains(option);
            });
  }

  // ------------------------------------------------------------------ notifications

  /** Waits for a notification (the alerts Tasklist shows at the bottom) containing the text. */
  WebElement notification(String kind, String text) {
    return visible(
        By.xpath(
            "//div[contains(@class,'notifications')]/div[contains(@class,'alert-"
                + kind
                + "')][contains(normalize-space(.),'"
                + text
                + "')]"));
  }

  /** Closes the notifications: they are fixed at the bottom and cover the form's buttons. */
  void dismissNotifications() {
    for (WebElement close :
        driver.findElements(
            By.cssSelector(".notifications button.close[ng-click^='removeNotification']"))) {
      try {
        if (close.isDisplayed()) {
          close.click();
        }
      } catch (StaleElementReferenceException gone) {
        // it went away on its own
      }
    }
    waiting("the notifications should be closed")
        .until(
            d ->
                d.findElements(By.cssSelector(".notifications .alert")).stream()
                    .noneMatch(WebElement::isDisplayed));
  }

  // ------------------------------------------------------------------ helpers

  WebElement visible(By by) {
    return waiting(by + " should be visible")
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  void click(By by) {
    waiting(by + " should be clickable")
        .until(
            d -> {
              WebElement el = ExpectedConditions.elementToBeClickable(by).apply(d);
              return el != null && tryClick(el);
            });
  }

  void click(WebElement element) {
    waiting(element + " should be clickable").until(d -> tryClick(element));
  }

  private boolean tryClick(WebElement el) {
    try {
      scrollIntoView(el);
      el.click();
      return true;
    } catch (ElementClickInterceptedException | NoSuchElementException covered) {
      return false;
    }
  }

  private void type(WebElement el, String text) {
    el.clear();
    el.sendKeys(text);
  }

  private void scrollIntoView(WebElement el) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", el);
  }

  <T> T until(String message, Function<WebDriver, T> condition) {
    return waiting(message).until(condition);
  }

  /** Saves {@code target/browser/<step>.png} (and the page source on failures). */
  void screenshot(String step) {
    try {
      Files.createDirectories(SCREENSHOTS);
      byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
      Files.write(SCREENSHOTS.resolve(step + ".png"), png);
    } catch (Exception e) {
      System.err.println("screenshot " + step + " failed: " + e);
    }
  }

  void pageSource(String step) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.writeString(
          SCREENSHOTS.resolve(step + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    } catch (Exception e) {
      System.err.println("page source " + step + " failed: " + e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteQuietly(profileDir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // a temp dir; the OS cleans it up eventually
    }
  }
}
