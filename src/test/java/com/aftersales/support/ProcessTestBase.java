package com.aftersales.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.shop.ShopBackOffice;
import java.util.Map;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Base of the process tests: the whole application on an in-memory H2, jobs executed by the test.
 * The back office is the real local adapter, wrapped in a spy so a test can make it fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(ProcessEngineCoverageConfiguration.class)
@org.junit.jupiter.api.extension.ExtendWith(com.aftersales.support.ActiveEngine.class)
public abstract class ProcessTestBase {

  @Autowired protected ProcessEngine processEngine;
  @Autowired protected TestOrders orders;
  @MockitoSpyBean protected ShopBackOffice shop;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  /** Completes the single open task of a process instance (or of its sub-flows) at an activity. */
  protected void complete(ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    Task t = taskOf(pi, taskKey);
    processEngine.getTaskService().complete(t.getId(), variables);
  }

  /** Completes a task as the given user: claimed by them, as Tasklist does before completing. */
  protected void completeAs(
      ProcessInstance pi, String taskKey, String user, Map<String, Object> variables) {
    Task t = taskOf(pi, taskKey);
    processEngine.getTaskService().setAssignee(t.getId(), user);
    processEngine.getTaskService().complete(t.getId(), variables);
  }

  /**
   * Completing the open task at an activity with these values is refused: the assertion on what was
   * thrown, e.g. {@code .hasMessageContaining("请填写…")}.
   */
  protected AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      ProcessInstance pi, String taskKey, Map<String, Object> variables) {
    String taskId = taskOf(pi, taskKey).getId();
    return Assertions.assertThatThrownBy(
        () -> processEngine.getTaskService().complete(taskId, variables));
  }

  /**
   * Finance agrees to the money the case waits for, and the refund's steps run: a refund the buyer
   * filed on the platform is approved; money the shop pays by itself is transferred ({@link
   * #paidByTransfer}).
   */
  protected void financeAgrees(ProcessInstance pi) {
    if (taskOf(pi, "userTask_collectAccount") != null) {
      paidByTransfer(pi);
      return;
    }
    completeAs(pi, "userTask_approveRefund", "finance", ClaimSteps.agree());
    runDueJobs(pi);
  }

  /**
   * Finance refuses the money the case waits for, with {@code note} (what the buyer is told): on a
   * platform refund at the approval; money the shop pays by itself after the agent collected the
   * account, at the transfer.
   */
  protected void financeRejects(ProcessInstance pi, String note) {
    String task = "userTask_approveRefund";
    if (taskOf(pi, "userTask_collectAccount") != null) {
      complete(pi, "userTask_collectAccount", ClaimSteps.alipay());
      runDueJobs(pi);
      task = "userTask_transferRefund";
    }
    completeAs(
        pi, task, "finance", ClaimSteps.vars("refundDecision", "REJECT", "financeNote", note));
    runDueJobs(pi);
  }

  /**
   * Money no platform refund pays: the agent collects and checks the buyer's Alipay account, the
   * report to finance runs, and finance confirms it transferred the money.
   */
  protected void paidByTransfer(ProcessInstance pi) {
    complete(pi, "userTask_collectAccount", ClaimSteps.alipay());
    runDueJobs(pi);
    completeAs(pi, "userTask_transferRefund", "finance", ClaimSteps.transferred());
    runDueJobs(pi);
  }

  /** The open task at an activity, searched in the case and in its reship/refund sub-flows. */
  protected Task taskOf(ProcessInstance pi, String taskKey) {
    return processEngine
        .getTaskService()
        .createTaskQuery()
        .processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey(taskKey)
        .singleResult();
  }

  /**
   * Executes every job of the case that is due now (async steps), repeatedly, until none is left.
   */
  protected void runDueJobs(ProcessInstance pi) {
    DueJobs.runMessages(processEngine.getManagementService(), pi.getId());
  }

  /** Moves the engine's clock (timers, due dates, deadlines) forward from where it stands. */
  protected void moveClock(java.time.Duration by) {
    ClockUtil.setCurrentTime(
        new java.util.Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
  }

  @org.junit.jupiter.api.AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /**
   * Executes every job of the case that is due by the engine's clock, timers included, until none
   * is left.
   */
  protected void runDueTimers(ProcessInstance pi) {
    DueJobs.runAllDue(processEngine.getManagementService(), pi.getId());
  }

  /** Fires the timer at a boundary event as if its deadline had passed. */
  protected void fireTimer(ProcessInstance pi, String timerId) {
    Job timer =
        processEngine
            .getManagementService()
            .createJobQuery()
            .rootProcessInstanceId(pi.getId())
            .activityId(timerId)
            .singleResult();
    execute(timer);
    runDueJobs(pi);
  }
}
