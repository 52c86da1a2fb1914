package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.AfterSalesApplication;
import com.aftersales.cases.CaseService;
import com.aftersales.support.Postgres;
import com.aftersales.support.TestOrders;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Faults a real installation meets: the database going away mid-flow and coming back, and the
 * application killed (not shut down) mid-flow and started again. Nothing is lost, nothing runs
 * twice.
 */
class FaultsPostgresIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static String[] args(String url, String name) {
    return new String[] {
      "--spring.datasource.url=" + url,
      "--spring.datasource.username=postgres",
      "--spring.datasource.password=",
      "--spring.datasource.driver-class-name=org.postgresql.Driver",
      "--camunda.bpm.database.type=postgres",
      "--camunda.bpm.database.schema-update=true",
      "--camunda.bpm.job-execution.enabled=true",
      // a dead node's locks expire quickly, so the next node takes its jobs over
      "--camunda.bpm.job-execution.lock-time-in-millis=4000",
      "--camunda.bpm.process-engine-name=" + name,
      "--camunda.bpm.generic-properties.properties.hostname=" + name,
      "--aftersales.dunning.daily-run-enabled=false",
      "--aftersales.follow-up.daily-run-enabled=false",
      "--aftersales.shifts.release-scheduler=false",
      "--spring.datasource.hikari.connection-timeout=2000",
      "--server.port=0"
    };
  }

  private static void await(String what, int seconds, BooleanSupplier done)
      throws InterruptedException {
    for (int i = 0; i < seconds * 10; i++) {
      try {
        if (done.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException databaseNotBackYet) {
        // keep waiting
      }
      Thread.sleep(100);
    }
    throw new AssertionError("not within " + seconds + " s: " + what);
  }

  private static boolean logContains(Path log, String text) {
    try {
      return Files.readString(log).contains(text);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static int flagsOf(JdbcTemplate jdbc, String orderId) {
    return jdbc.queryForObject(
        "select count(*) from shop_call where order_id = ? and operation = 'SET_FLAG'",
        Integer.class,
        orderId);
  }

  private static int waitingForFinance(JdbcTemplate jdbc) {
    return jdbc.queryForObject(
        "select count(*) from ACT_RU_TASK where TASK_DEF_KEY_ = 'userTask_approveRefund'",
        Integer.class);
  }

  @Test
  void theDatabaseGoesAwayMidFlowAndNothingIsLostOrDoubled() throws Exception {
    Path data = Files.createTempDirectory("pg-fault");
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(port)
            .start();
    String url = pg.getJdbcUrl("postgres", "postgres");
    List<String> orderIds = new ArrayList<>();
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(AfterSalesApplication.class).run(args(url, "restartNode"))) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      TestOrders orders = new TestOrders(jdbc);
      // 20 refunds at a time until the job executor is caught with some, not all, at finance
      int atFinance = 0;
      int succeededBefore = 0;
      for (int attempt = 0; attempt < 8 && (atFinance == 0 || atFinance == orderIds.size()); ) {
        attempt++;
        for (int i = 0; i < 20; i++) {
          String orderId = "DB" + System.nanoTime() % 1_000_000_000L + i;
          orders.insertShipped(orderId, "tb_fault");
          app.getBean(CaseService.class)
              .open("REFUND", orderId, "tb_fault", "数据库故障测试", Map.of("refundAmount", 10.0));
          orderIds.add(orderId);
        }
        await("a refund reached finance", 60, () -> waitingForFinance(jdbc) > 0);
        atFinance = waitingForFinance(jdbc);
        if (atFinance > 0 && atFinance < orderIds.size()) {
          // the database stops while the job executor works through the steps: read just before
          atFinance = waitingForFinance(jdbc);
          succeededBefore = succeededJobs(jdbc);
          if (atFinance < orderIds.size()) {
            pg.close();
            break;
          }
        }
      }
      assertThat(atFinance)
          .as("refunds at finance when the database stops, of %s", orderIds.size())
          .isBetween(1, orderIds.size() - 1);
      LoggerFactory.getLogger(FaultsPostgresIT.class)
          .info("database stopped with {} of {} refunds at finance", atFinance, orderIds.size());
      int total = orderIds.size();
      Thread.sleep(3000);
      pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(data)
              .setCleanDataDirectory(false)
              .setPort(port)
              .start();
      await(
          "every refund reached finance after the outage",
          90,
          () -> waitingForFinance(jdbc) == total);
      // and some of them got there only after the database came back
      // counted in the job log, not by its timestamps: the engine's clock is not the test's
      assertThat(succeededJobs(jdbc))
          .as("steps that ran after the outage (succeeded jobs before it: %s)", succeededBefore)
          .isGreaterThan(succeededBefore);
      for (String orderId : orderIds) {
        assertThat(flagsOf(jdbc, orderId)).as("the clock step of %s", orderId).isEqualTo(1);
      }
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from after_sales_case where buyer_id = 'tb_fault'",
                  Integer.class))
          .isEqualTo(total);
    } finally {
      pg.close();
    }
  }

  private static int succeededJobs(JdbcTemplate jdbc) {
    return jdbc.queryForObject(
        "select count(*) from ACT_HI_JOB_LOG where JOB_STATE_ = 2", Integer.class);
  }

  /**
   * The dunning cases in which a node executed a job successfully (at {@code activity}, or at any
   * when null), by the host name in the engine's job log.
   */
  private static List<String> workedOnBy(JdbcTemplate jdbc, String node, String activity) {
    return jdbc.queryForList(
        "select distinct p.BUSINESS_KEY_ from ACT_HI_JOB_LOG j"
            + " join ACT_HI_PROCINST p on p.ID_ = j.PROCESS_INSTANCE_ID_"
            + " where p.BUSINESS_KEY_ like 'DUNNING-KL%' and j.HOSTNAME_ = ?"
            + " and j.JOB_STATE_ = 2"
            + (activity == null ? "" : " and j.ACT_ID_ = '" + activity + "'"),
        String.class,
        node);
  }

  @Test
  void theApplicationIsKilledMidFlowAndTheNextStartFinishesEveryStepOnce() throws Exception {
    String url = Postgres.freshDatabase("aftersales_killed");

    // a first node in its own JVM creates the schema and demo data, then waits for work
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    // surefire's real class path (java.class.path is only its manifest jar)
    command.add(
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(AfterSalesApplication.class.getName());
    command.addAll(List.of(args(url, "doomedNode")));
    // the models from the project's folders (surefire's class path lists the classes twice)
    command.add(
        "--camunda.bpm.deployment-resource-pattern=file:bpmn/*.bpmn,file:bpmn/*.dmn,file:forms/*.form");
    Path log = Files.createTempFile("doomed-node", ".log");
    Process doomed =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
    TestOrders orders = new TestOrders(jdbc);
    try {
      await(
          "the first node has started",
          120,
          () ->
              jdbc.queryForObject(
                          "select count(*) from ACT_RE_PROCDEF where KEY_ = 'dunning'",
                          Integer.class)
                      > 0
                  && logContains(log, "Started AfterSalesApplication"));

      // 40 unpaid orders whose 72 hours run out over the next seconds, and their dunning cases,
      // opened through the first node's REST API as a clerk would
      LocalDate day = LocalDate.now(SHANGHAI).minusDays(3);
      OffsetDateTime placed = OffsetDateTime.now().minusHours(72).plusSeconds(8);
      if (!placed.atZoneSameInstant(SHANGHAI).toLocalDate().equals(day)) {
        day = placed.atZoneSameInstant(SHANGHAI).toLocalDate();
      }
      List<String> unpaid = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String orderId = "KL" + System.nanoTime() % 1_000_000_000L + i;
        // timers due one after another over 16 s
        orders.insertUnpaid(orderId, "tb_killed", placed.plusNanos(i * 400_000_000L));
        unpaid.add(orderId);
      }
      String port =
          Files.readAllLines(log).stream()
              .filter(l -> l.contains("Tomcat started on port"))
              .map(l -> l.replaceAll(".*Tomcat started on port (\\d+).*", "$1"))
              .findFirst()
              .orElseThrow();
      var http =
          new org.springframework.boot.test.web.client.TestRestTemplate()
              .withBasicAuth("admin", "admin");
      var run =
          http.postForEntity(
              "http://localhost:" + port + "/api/dunning/runs",
              Map.of("date", day.toString()),
              String.class);
      assertThat(run.getStatusCode().value()).as(run.getBody()).isEqualTo(200);
      final LocalDate runDay = day;
      await(
          "the cases are open",
          30,
          () ->
              jdbc.queryForObject(
                      "select count(*) from dunning_case where order_id like 'KL%' and run_date = ?",
                      Integer.class, runDay)
                  == unpaid.size());
      // kill it while the timers fall due
      await(
          "some timers have fired",
          30,
          () ->
              jdbc.queryForObject(
                      "select count(*) from dunning_case where order_id like 'KL%' and outcome is not null",
                      Integer.class)
                  > 0);
      doomed.destroyForcibly().waitFor();
    } finally {
      doomed.destroyForcibly();
    }
    // the kill hit work in progress: some cases were closed, not all
    List<String> closedBefore =
        jdbc.queryForList(
            "select case_id from dunning_case where order_id like 'KL%' and outcome is not null",
            String.class);
    int doneBefore = closedBefore.size();
    assertThat(doneBefore).as("cases closed when the node was killed").isBetween(1, 39);

    try (ConfigurableApplicationContext next =
        new SpringApplicationBuilder(AfterSalesApplication.class).run(args(url, "nextNode"))) {
      await(
          "every case was closed after the restart",
          90,
          () ->
              jdbc.queryForObject(
                      "select count(*) from dunning_case where order_id like 'KL%' and outcome = 'AUTO_CLOSED'",
                      Integer.class)
                  == 40);
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from case_event where case_id like 'DUNNING-KL%' and step = 'dunningAutoClosed'",
                Integer.class))
        .isEqualTo(40);
    // the cases closed before the kill were closed by the killed node; the next node worked on
    // every other one
    assertThat(workedOnBy(jdbc, "doomedNode", "timer_autoClose")).containsAll(closedBefore);
    List<String> rest =
        jdbc.queryForList(
            "select case_id from dunning_case where order_id like 'KL%'", String.class);
    rest.removeAll(closedBefore);
    assertThat(rest).hasSize(40 - doneBefore);
    assertThat(workedOnBy(jdbc, "nextNode", null)).containsAll(rest);
    System.out.printf(
        "killed after %d of 40 timers; the next node finished the rest%n", doneBefore);
  }
}
