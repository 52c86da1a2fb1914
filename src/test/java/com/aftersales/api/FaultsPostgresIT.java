package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.AfterSalesApplication;
import com.aftersales.cases.CaseService;
import com.aftersales.support.Postgres;
import com.aftersales.support.TcpRelay;
import com.aftersales.support.TestOrders;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  /**
   * A node's settings; {@code lockMillis} is how long its job executor holds a job: a dead node's
   * locks expire after it, and another node takes its jobs over.
   */
  private static String[] args(String url, String name, int lockMillis) {
    return new String[] {
      "--spring.datasource.url=" + url,
      "--spring.datasource.username=postgres",
      "--spring.datasource.password=",
      "--spring.datasource.driver-class-name=org.postgresql.Driver",
      "--camunda.bpm.database.type=postgres",
      "--camunda.bpm.database.schema-update=true",
      "--camunda.bpm.job-execution.enabled=true",
      "--camunda.bpm.job-execution.lock-time-in-millis=" + lockMillis,
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
    // The application connects through a port the test holds throughout: the server is stopped and
    // started again on whatever port is free then, and no other program can take the
    // application's port while the server is down.
    TcpRelay relay = new TcpRelay();
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
    relay.to(pg.getPort());
    String url = "jdbc:postgresql://localhost:" + relay.port() + "/postgres?user=postgres";
    List<String> orderIds = new ArrayList<>();
    try (relay;
        ConfigurableApplicationContext app =
            new SpringApplicationBuilder(AfterSalesApplication.class)
                .run(args(url, "restartNode", 4000))) {
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
        System.out.printf(
            "outage attempt %d: %d of %d refunds at finance%n",
            attempt, atFinance, orderIds.size());
        if (atFinance > 0 && atFinance < orderIds.size()) {
          // the database stops while the job executor works through the steps: read just before
          atFinance = waitingForFinance(jdbc);
          succeededBefore = succeededJobs(jdbc);
          if (atFinance < orderIds.size()) {
            pg.close();
            relay.cut();
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
      pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
      relay.to(pg.getPort());
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
   * The dunning cases in which a node executed a job successfully at {@code activity}, by the host
   * name in the engine's job log.
   */
  private static List<String> workedOnBy(JdbcTemplate jdbc, String node, String activity) {
    return jdbc.queryForList(
        "select distinct p.BUSINESS_KEY_ from ACT_HI_JOB_LOG j"
            + " join ACT_HI_PROCINST p on p.ID_ = j.PROCESS_INSTANCE_ID_"
            + " where p.BUSINESS_KEY_ like 'DUNNING-KL%' and j.HOSTNAME_ = ?"
            + " and j.JOB_STATE_ = 2 and j.ACT_ID_ = ?",
        String.class, node, activity);
  }

  /** The day the kill test's orders were placed: fixed, long enough ago that 72 hours are over. */
  private static final LocalDate PLACED = LocalDate.of(2026, 11, 2);

  /** A batch's dunning cases closed so far. */
  private static List<String> closed(JdbcTemplate jdbc, String batch) {
    return jdbc.queryForList(
        "select case_id from dunning_case where order_id like ? and outcome is not null",
        String.class,
        batch + "%");
  }

  /** The jobs of a batch's cases that a node holds locked: id → when the lock expires. */
  private static Map<String, Timestamp> locked(JdbcTemplate jdbc, String batch) {
    Map<String, Timestamp> locks = new LinkedHashMap<>();
    jdbc.query(
        "select j.ID_, j.LOCK_EXP_TIME_ from ACT_RU_JOB j"
            + " join ACT_HI_PROCINST p on p.ID_ = j.PROCESS_INSTANCE_ID_"
            + " where p.BUSINESS_KEY_ like ? and j.LOCK_OWNER_ is not null",
        rs -> {
          locks.put(rs.getString(1), rs.getTimestamp(2));
        },
        "DUNNING-" + batch + "%");
    return locks;
  }

  /** The application in a JVM of its own, killed with {@code kill -9} by the test. */
  private static final class DoomedNode {
    final Process process;
    final Path log;

    DoomedNode(String url) throws Exception {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      // surefire's real class path (java.class.path is only its manifest jar)
      command.add(
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
      command.add(AfterSalesApplication.class.getName());
      command.addAll(List.of(args(url, "doomedNode", 10_000)));
      // one job at a time, up to ten acquired and locked ahead: at any moment of its work the
      // node holds jobs it has not finished
      command.add("--camunda.bpm.job-execution.core-pool-size=1");
      command.add("--camunda.bpm.job-execution.max-pool-size=1");
      command.add("--camunda.bpm.job-execution.queue-capacity=10");
      command.add("--camunda.bpm.job-execution.max-jobs-per-acquisition=10");
      // the models from the project's folders (surefire's class path lists the classes twice)
      command.add(
          "--camunda.bpm.deployment-resource-pattern=file:bpmn/*.bpmn,file:bpmn/*.dmn,file:forms/*.form");
      log = Files.createTempFile("doomed-node", ".log");
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      await(
          "the doomed node has started",
          240,
          () -> logContains(log, "Started AfterSalesApplication"));
    }

    String port() throws java.io.IOException {
      return Files.readAllLines(log).stream()
          .filter(l -> l.contains("Tomcat started on port"))
          .map(l -> l.replaceAll(".*Tomcat started on port (\\d+).*", "$1"))
          .findFirst()
          .orElseThrow();
    }

    void kill() throws InterruptedException {
      process.destroyForcibly().waitFor();
    }
  }

  /** What the kill left: the batch it hit, the cases closed before it, the jobs it left locked. */
  private record Kill(String batch, List<String> closedBefore, Map<String, Timestamp> locks) {}

  @Test
  void theApplicationIsKilledMidFlowAndTheNextStartFinishesEveryStepOnce() throws Exception {
    String url = Postgres.freshDatabase("aftersales_killed");
    JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(url, "postgres", ""));
    TestOrders orders = new TestOrders(jdbc);
    int perBatch = 20;
    int opened = 0;
    Kill kill = null;
    DoomedNode doomed = null;
    try {
      // A batch of unpaid orders whose 72 hours are over: the node closes their dunning cases one
      // job at a time. Batches until the node is killed with some of its batch closed, not all,
      // and jobs of it locked; each attempt is reported.
      for (int attempt = 1; attempt <= 5 && kill == null; attempt++) {
        if (doomed == null) {
          doomed = new DoomedNode(url);
        }
        String batch = "KL" + attempt + "A";
        for (int i = 0; i < perBatch; i++) {
          orders.insertUnpaid(
              batch + String.format("%02d", i),
              "tb_killed",
              PLACED.atTime(8 + attempt, i).atZone(SHANGHAI).toOffsetDateTime());
        }
        // opened through the node's REST API as a clerk would
        var run =
            new org.springframework.boot.test.web.client.TestRestTemplate()
                .withBasicAuth("admin", "admin")
                .postForEntity(
                    "http://localhost:" + doomed.port() + "/api/dunning/runs",
                    Map.of("date", PLACED.toString()),
                    String.class);
        assertThat(run.getStatusCode().value()).as(run.getBody()).isEqualTo(200);
        opened += perBatch;
        boolean caught = false;
        long until = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < until) {
          int done = closed(jdbc, batch).size();
          if (done == perBatch) {
            break;
          }
          if (done > 0 && !locked(jdbc, batch).isEmpty()) {
            caught = true;
            break;
          }
          Thread.sleep(5);
        }
        if (!caught) {
          System.out.printf(
              "kill attempt %d: %d of %d closed before a kill could land; another batch%n",
              attempt, closed(jdbc, batch).size(), perBatch);
          continue;
        }
        doomed.kill();
        doomed = null;
        // what the dead node left, read after it died: nothing changes it until a node takes over
        List<String> closedBefore = closed(jdbc, batch);
        Map<String, Timestamp> locks = locked(jdbc, batch);
        System.out.printf(
            "kill attempt %d: killed with %d of %d closed and %d of its jobs locked%n",
            attempt, closedBefore.size(), perBatch, locks.size());
        if (closedBefore.size() > 0 && closedBefore.size() < perBatch && !locks.isEmpty()) {
          kill = new Kill(batch, closedBefore, locks);
        }
      }
    } finally {
      if (doomed != null) {
        doomed.kill();
      }
    }
    assertThat(kill).as("a kill that landed on work in progress, within 5 attempts").isNotNull();
    int total = opened;

    try (ConfigurableApplicationContext next =
        new SpringApplicationBuilder(AfterSalesApplication.class)
            .run(args(url, "nextNode", 10_000))) {
      await(
          "every case was closed after the restart",
          180,
          () ->
              jdbc.queryForObject(
                      "select count(*) from dunning_case where order_id like 'KL%' and outcome = 'AUTO_CLOSED'",
                      Integer.class)
                  == total);
    }
    // each case closed once
    assertThat(
            jdbc.queryForList(
                "select count(*) from case_event where case_id like 'DUNNING-KL%'"
                    + " and step = 'dunningAutoClosed' group by case_id",
                Integer.class))
        .hasSize(total)
        .containsOnly(1);
    // the cases closed before the kill were closed by the killed node; the next node closed every
    // other case of that batch
    String closing = "serviceTask_recordAutoClosed";
    assertThat(workedOnBy(jdbc, "doomedNode", closing)).containsAll(kill.closedBefore());
    List<String> rest = closed(jdbc, kill.batch());
    rest.removeAll(kill.closedBefore());
    assertThat(rest).hasSize(perBatch - kill.closedBefore().size());
    assertThat(workedOnBy(jdbc, "nextNode", closing)).containsAll(rest);
    // every job the dead node held locked was run by the next node, after its lock expired
    for (Map.Entry<String, Timestamp> lock : kill.locks().entrySet()) {
      assertThat(
              jdbc.queryForList(
                  "select HOSTNAME_ from ACT_HI_JOB_LOG where JOB_ID_ = ? and JOB_STATE_ = 2"
                      + " and TIMESTAMP_ >= ?",
                  String.class,
                  lock.getKey(),
                  lock.getValue()))
          .as("job %s, locked by the dead node until %s", lock.getKey(), lock.getValue())
          .containsExactly("nextNode");
    }
    System.out.printf(
        "killed after %d of %d cases of its batch with %d jobs locked; the next node finished"
            + " the rest%n",
        kill.closedBefore().size(), perBatch, kill.locks().size());
  }
}
