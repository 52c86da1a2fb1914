package com.aftersales.browser;

import com.aftersales.support.ActiveEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the browser tests: the whole application on a random port and, for every test, a fresh
 * headless Chromium ({@link TasklistPage}) that is closed afterwards.
 *
 * <p>A test names its steps ({@link #step}) and takes a screenshot when one is done ({@link
 * #done}): {@code target/browser/<prefix><step>.png}. On a failing step it also leaves {@code
 * <prefix>failure-<step>.png} and the page source next to it, taken before the browser is closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(ActiveEngine.class)
abstract class BrowserTestBase {

  @LocalServerPort int port;

  TasklistPage page;

  /** The step the test is at, named in the evidence of a failure. */
  String step = "setup";

  private final String prefix;

  /** {@code prefix}: what the test's screenshots are called, e.g. {@code "refunds-"}. */
  BrowserTestBase(String prefix) {
    this.prefix = prefix;
  }

  @RegisterExtension final TestExecutionExceptionHandler evidenceOnFailure = this::keepEvidence;

  private void keepEvidence(ExtensionContext context, Throwable failure) throws Throwable {
    if (page != null) {
      page.screenshot(prefix + "failure-" + step);
      page.pageSource(prefix + "failure-" + step);
    }
    throw failure;
  }

  @BeforeEach
  void openBrowser() throws Exception {
    page = new TasklistPage(base());
  }

  @AfterEach
  void closeBrowser() {
    if (page != null) {
      page.close();
      page = null;
    }
  }

  /** The application's address, e.g. {@code http://localhost:41234}. */
  String base() {
    return "http://localhost:" + port;
  }

  /** Opens Tasklist and logs in as {@code user} with the demo password. */
  void logIn(String user) {
    page.open();
    page.logIn(user, "demo");
  }

  void step(String name) {
    step = name;
  }

  /** A screenshot of the finished step, {@code target/browser/<prefix><name>.png}. */
  void done(String name) {
    page.screenshot(prefix + name);
  }
}
