package com.aftersales.refund;

import static com.aftersales.support.ClaimSteps.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.support.ProcessPathTest;
import java.util.Date;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Every path of {@code bpmn/refund.bpmn}, and what a failing back office does to it. */
class RefundProcessTest extends ProcessPathTest {

  RefundProcessTest() {
    super("refund");
  }

  private String orderId;

  private ProcessInstance start(double amount) {
    orderId = orders.create("buyer_f", "40.00", 1);
    return processEngine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "refund",
            "DAMAGE-" + orderId,
            vars(
                "orderId",
                orderId,
                "refundAmount",
                amount,
                "refundKind",
                "REFUND",
                "refundReason",
                "破损退款"));
  }

  @Test
  void shouldFlagReportAndRefundWhenFinanceAgrees() {
    ProcessInstance pi = start(40.0);
    runDueJobs(pi);
    Assertions.assertThat(orders.flag(orderId)).isEqualTo("PURPLE");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal")).contains("48小时内处理");
    assertThat(pi).isWaitingAt("userTask_approveRefund");
    Task task = taskOf(pi, "userTask_approveRefund");
    assertThat(task).hasCandidateGroup("finance");
    Assertions.assertThat(task.getDueDate())
        .isAfter(new Date(System.currentTimeMillis() + 47L * 3600_000));
    complete(pi, "userTask_approveRefund", agree());
    runDueJobs(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_refundAgreed")
        .variables()
        .containsEntry("refundOutcome", "AGREED");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("40.00");
  }

  @Test
  void shouldRecordTheReasonWhenFinanceRejects() {
    ProcessInstance pi = start(40.0);
    runDueJobs(pi);
    String taskId = taskOf(pi, "userTask_approveRefund").getId();
    Assertions.assertThatThrownBy(
            () -> processEngine.getTaskService().complete(taskId, vars("refundDecision", "REJECT")))
        .hasMessageContaining("请填写财务备注");
    complete(pi, "userTask_approveRefund", vars("refundDecision", "REJECT", "financeNote", "重复申请"));
    runDueJobs(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_refundRejected");
    Assertions.assertThat(orders.remarks(orderId, "remark_finance")).contains("退款驳回：重复申请");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("0");
  }

  @Test
  void shouldRefuseARefundAboveWhatWasPaid() {
    ProcessInstance pi = start(40.01);
    runDueJobs(pi);
    String taskId = taskOf(pi, "userTask_approveRefund").getId();
    Assertions.assertThatThrownBy(() -> processEngine.getTaskService().complete(taskId, agree()))
        .hasMessageContaining("超过买家实付可退金额 40.00 元");
    assertThat(pi).isWaitingAt("userTask_approveRefund");
  }

  @Test
  void shouldEscalateToSupervisorsBeforeThe48HourPromiseRunsOut() {
    ProcessInstance pi = start(10.0);
    runDueJobs(pi);
    fireTimer(pi, "timer_refundEscalation");
    Task task = taskOf(pi, "userTask_approveRefund");
    assertThat(task).hasCandidateGroup("finance").hasCandidateGroup("supervisors");
    Assertions.assertThat(task.getPriority()).isEqualTo(90);
    Assertions.assertThat(processEngine.getTaskService().getTaskComments(task.getId()))
        .anySatisfy(c -> Assertions.assertThat(c.getFullMessage()).contains("已升级给客服主管"));
    assertThat(pi).hasPassed("endEvent_refundEscalated").isWaitingAt("userTask_approveRefund");
  }

  @Test
  void shouldRetryAFailingBackOfficeThenRaiseAnIncidentAndContinueOnceResolved() {
    doThrow(new ShopUnavailableException("back office timeout", null))
        .when(shop)
        .setFlag(anyString(), any(), anyString());
    ProcessInstance pi = start(10.0);
    Job job =
        processEngine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(pi.getId())
            .singleResult();
    for (int attempt = 1; attempt <= 3; attempt++) {
      Assertions.assertThatThrownBy(
              () -> processEngine.getManagementService().executeJob(job.getId()))
          .hasMessageContaining("back office timeout");
    }
    Job failed =
        processEngine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    Assertions.assertThat(failed.getRetries()).isZero();
    Incident incident =
        processEngine
            .getRuntimeService()
            .createIncidentQuery()
            .processInstanceId(pi.getId())
            .singleResult();
    Assertions.assertThat(incident.getActivityId()).isEqualTo("serviceTask_reportRefund");
    Assertions.assertThat(incident.getIncidentMessage()).contains("back office timeout");
    assertThat(pi).isWaitingAt("serviceTask_reportRefund");
    Assertions.assertThat(orders.flag(orderId)).isNull();

    reset(shop);
    // what an operator does in Cockpit: give the job another try
    processEngine.getManagementService().setJobRetries(job.getId(), 1);
    processEngine.getManagementService().executeJob(job.getId());
    assertThat(pi).isWaitingAt("userTask_approveRefund");
    Assertions.assertThat(orders.flag(orderId)).isEqualTo("PURPLE");
    Assertions.assertThat(
            processEngine
                .getRuntimeService()
                .createIncidentQuery()
                .processInstanceId(pi.getId())
                .count())
        .isZero();
  }

  @Test
  void shouldWaitAMinuteBetweenRetries() {
    doThrow(new ShopUnavailableException("back office down", null))
        .when(shop)
        .setFlag(anyString(), any(), anyString());
    ProcessInstance pi = start(10.0);
    Job job =
        processEngine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(pi.getId())
            .singleResult();
    long before = System.currentTimeMillis();
    Assertions.assertThatThrownBy(
        () -> processEngine.getManagementService().executeJob(job.getId()));
    Job retried =
        processEngine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    Assertions.assertThat(retried.getRetries()).isEqualTo(2);
    Assertions.assertThat(retried.getDuedate().getTime())
        .isBetween(before + 55_000, before + 65_000 + 5_000);
  }
}
