package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.AfterSalesApplication;
import com.aftersales.cases.CaseService;
import com.aftersales.dunning.DunningService;
import com.aftersales.support.Postgres;
import com.aftersales.support.TestOrders;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two application nodes on one PostgreSQL, both with their job executors running — the Camunda
 * cluster model. The first node creates the schema; the second starts with {@code
 * schema-update=false}, as production does. Cases are opened on both, every asynchronous step and
 * every due timer runs exactly once, and dunning runs started on both at once open each case once.
 */
class TwoNodesPostgresIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static ConfigurableApplicationContext node(
      String url, String name, boolean createSchema) {
    return new SpringApplicationBuilder(AfterSalesApplication.class)
        .run(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--spring.datasource.driver-class-name=org.postgresql.Driver",
            "--camunda.bpm.database.type=postgres",
            "--camunda.bpm.database.schema-update=" + createSchema,
            "--camunda.bpm.job-execution.enabled=true",
            "--camunda.bpm.process-engine-name=" + name,
            "--camunda.bpm.generic-properties.properties.hostname=" + name,
            "--aftersales.dunning.daily-run-enabled=false",
            "--aftersales.follow-up.daily-run-enabled=false",
            "--aftersales.shifts.release-scheduler=false",
            "--server.port=0");
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (done.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not within 60 s: " + what);
  }

  @Test
  void twoNodesShareTheWorkAndDoEveryStepOnce() throws Exception {
    String url = Postgres.freshDatabase("aftersales_cluster");
    try (ConfigurableApplicationContext a = node(url, "nodeA", true);
        ConfigurableApplicationContext b = node(url, "nodeB", false)) {
      JdbcTemplate jdbc = a.getBean(JdbcTemplate.class);
      TestOrders orders = new TestOrders(jdbc);

      // refunds opened on both nodes: two asynchronous steps each (trade state, clock and flag)
      List<String> orderIds = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String orderId = "CL" + System.nanoTime() % 1_000_000_000L + i;
        orders.insertShipped(orderId, "tb_cluster");
        orderIds.add(orderId);
        ConfigurableApplicationContext node = i % 2 == 0 ? a : b;
        node.getBean(CaseService.class)
            .open("REFUND", orderId, "tb_cluster", "集群测试", Map.of("refundAmount", 10.0));
      }
      TaskService tasks = a.getBean(TaskService.class);
      await(
          "every refund waits for finance",
          () ->
              tasks
                      .createTaskQuery()
                      .processDefinitionKey("refund")
                      .taskDefinitionKey("userTask_approveRefund")
                      .processVariableValueEquals("buyerId", "tb_cluster")
                      .count()
                  == orderIds.size());
      for (String orderId : orderIds) {
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from shop_call where order_id = ? and operation = 'SET_FLAG'",
                    Integer.class,
                    orderId))
            .as("the clock step of %s ran once", orderId)
            .isEqualTo(1);
      }

      // a supervisor on each node hands agent1's refunds over at the same moment: each task once
      for (String taskId :
          tasks
              .createTaskQuery()
              .processVariableValueEquals("buyerId", "tb_cluster")
              .taskDefinitionKey("userTask_approveRefund")
              .list()
              .stream()
              .map(org.camunda.bpm.engine.task.Task::getId)
              .toList()) {
        tasks.setAssignee(taskId, "agent1");
      }
      long agent1Before = tasks.createTaskQuery().taskAssignee("agent1").count();
      CyclicBarrier handovers = new CyclicBarrier(2);
      ExecutorService both = Executors.newFixedThreadPool(2);
      try {
        var request =
            new com.aftersales.shifts.Handover.Request(
                List.of("agent1"),
                null,
                com.aftersales.shifts.Handover.Target.AGENT,
                "agent2",
                null,
                "集群交接");
        Future<com.aftersales.shifts.Handover.Result> fromA =
            both.submit(
                () -> {
                  handovers.await();
                  return a.getBean(com.aftersales.shifts.Handover.class)
                      .handOver(request, "supervisor");
                });
        Future<com.aftersales.shifts.Handover.Result> fromB =
            both.submit(
                () -> {
                  handovers.await();
                  return b.getBean(com.aftersales.shifts.Handover.class)
                      .handOver(request, "supervisor");
                });
        int moved = fromA.get().moved() + fromB.get().moved();
        assertThat(moved)
            .as("tasks moved by the two handovers together")
            .isEqualTo(orderIds.size());
      } finally {
        both.shutdownNow();
      }
      assertThat(
              tasks
                  .createTaskQuery()
                  .taskAssignee("agent2")
                  .processVariableValueEquals("buyerId", "tb_cluster")
                  .count())
          .isEqualTo(orderIds.size());

      // the same order report imported on both nodes at once: every order once
      List<com.aftersales.orders.ReportFixtures.Line> report = new ArrayList<>();
      for (int i = 0; i < 800; i++) {
        report.add(
            com.aftersales.orders.ReportFixtures.Line.unpaid(
                "5" + System.nanoTime() % 1_000_000_000L + String.format("%04d", i),
                "tb_cluster_import",
                "2026-11-20 09:00:00"));
      }
      byte[] file =
          com.aftersales.orders.ReportFixtures.csv(
              com.aftersales.orders.ReportFixtures.NEW_HEADINGS,
              report,
              java.nio.charset.StandardCharsets.UTF_8,
              true);
      var importA =
          a.getBean(com.aftersales.orders.OrderImporter.class)
              .start(new java.io.ByteArrayInputStream(file), "a.csv", "agent1");
      var importB =
          b.getBean(com.aftersales.orders.OrderImporter.class)
              .start(new java.io.ByteArrayInputStream(file), "b.csv", "agent2");
      importA.done().get();
      importB.done().get();
      var statusA = a.getBean(com.aftersales.orders.OrderImporter.class).status(importA.id());
      var statusB = b.getBean(com.aftersales.orders.OrderImporter.class).status(importB.id());
      assertThat(statusA.status()).isEqualTo("DONE");
      assertThat(statusB.status()).isEqualTo("DONE");
      assertThat(statusA.created() + statusB.created()).isEqualTo(800);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from shop_order where buyer_id = 'tb_cluster_import'",
                  Integer.class))
          .isEqualTo(800);

      // dunning: runs started on both nodes at once; the platform's 72 hours are already over,
      // so every case's timer is due at once and both job executors reach for it (a fixed day
      // long past: nothing depends on the date or the hour the test runs at)
      LocalDate day = LocalDate.of(2026, 11, 3);
      List<String> unpaid = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        String orderId = "CU" + System.nanoTime() % 1_000_000_000L + i;
        orders.insertUnpaid(
            orderId, "tb_cluster", day.atTime(10, i).atZone(SHANGHAI).toOffsetDateTime());
        unpaid.add(orderId);
      }
      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<DunningService.RunResult> onA =
            pool.submit(
                () -> {
                  together.await();
                  return a.getBean(DunningService.class).run(day);
                });
        Future<DunningService.RunResult> onB =
            pool.submit(
                () -> {
                  together.await();
                  return b.getBean(DunningService.class).run(day);
                });
        assertThat(onA.get().opened() + onB.get().opened()).isEqualTo(unpaid.size());
      } finally {
        pool.shutdownNow();
      }
      await(
          "the platform closed every unpaid order",
          () ->
              jdbc.queryForObject(
                      "select count(*) from dunning_case where outcome = 'AUTO_CLOSED' and order_id like 'CU%'"
                          + " and run_date = ?",
                      Integer.class, day)
                  == unpaid.size());
      for (String orderId : unpaid) {
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from case_event where case_id = ? and step = 'dunningAutoClosed'",
                    Integer.class,
                    "DUNNING-" + orderId))
            .as("the 72-hour timer of %s fired once", orderId)
            .isEqualTo(1);
      }
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from ACT_RU_JOB where EXCEPTION_MSG_ is not null",
                  Integer.class))
          .as("no job failed on either node")
          .isZero();
      // and both nodes did part of the work
      assertThat(
              jdbc.queryForList(
                  "select distinct HOSTNAME_ from ACT_HI_JOB_LOG where JOB_STATE_ = 2",
                  String.class))
          .contains("nodeA", "nodeB");
    }
  }
}
