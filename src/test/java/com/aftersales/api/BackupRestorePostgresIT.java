package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.AfterSalesApplication;
import com.aftersales.cases.photos.CasePhotos;
import com.aftersales.support.CaseStarts;
import com.aftersales.support.FormWalker;
import com.aftersales.support.Postgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The shop's backup procedure ({@code docs/operations.md}), done as an operator would with the
 * database's own tools: cases of every process mid-flow, {@code pg_dump} of the running database, a
 * fresh database restored from it with {@code pg_restore}, the application started on the copy.
 * Every case continues to its end there, every timer that was pending fires once, and nothing is
 * doubled.
 */
class BackupRestorePostgresIT {

  private static final List<String> OUR_TABLES =
      List.of(
          "after_sales_case",
          "case_event",
          "reship_form",
          "courier_loss",
          "return_register",
          "dunning_case",
          "dunning_detail",
          "follow_up_call",
          "spot_check",
          "complaint",
          "shop_order",
          "shop_call",
          "buyer_message");

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static ConfigurableApplicationContext start(EmbeddedPostgres pg, String database) {
    return new SpringApplicationBuilder(AfterSalesApplication.class)
        .run(
            "--spring.datasource.url=" + pg.getJdbcUrl("postgres", database),
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=",
            "--spring.datasource.driver-class-name=org.postgresql.Driver",
            "--camunda.bpm.database.type=postgres",
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false",
            "--aftersales.shifts.release-scheduler=false",
            "--aftersales.dunning.daily-run-enabled=false",
            "--aftersales.follow-up.daily-run-enabled=false");
  }

  private static void createDatabase(EmbeddedPostgres pg, String name) throws Exception {
    try (var c = pg.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("drop database if exists " + name);
      s.execute("create database " + name);
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
  }

  private static Map<String, Long> counts(ConfigurableApplicationContext app) {
    JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
    Map<String, Long> counts = new TreeMap<>();
    for (String table : OUR_TABLES) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  @Test
  void aDatabaseRestoredFromItsDumpCarriesEveryCaseToItsEndOnce() throws Exception {
    EmbeddedPostgres pg = Postgres.server();
    createDatabase(pg, "drill_live");
    createDatabase(pg, "drill_restored");
    Path dump = Files.createTempFile("aftersales-", ".dump");
    List<String> cases = new ArrayList<>();
    Map<String, Long> atBackup;
    Set<String> pendingTimers = new java.util.TreeSet<>();

    try (ConfigurableApplicationContext live = start(pg, "drill_live")) {
      ProcessEngine engine = live.getBean(ProcessEngine.class);
      CaseStarts starts = new CaseStarts(live);
      int n = 0;
      for (CaseStarts.Plan plan : starts.plans()) {
        String root = plan.start().get();
        FormWalker walker =
            new FormWalker(engine, live.getBean(CasePhotos.class), ++n, plan.answers());
        walker.walk(root, n % 3);
        if (!walker.ended(root)) {
          cases.add(root);
        }
      }
      for (Job timer : engine.getManagementService().createJobQuery().timers().list()) {
        pendingTimers.add(timer.getId());
      }
      atBackup = counts(live);
      // the backup, taken while the application runs, in PostgreSQL's own custom format
      run(
          "pg_dump",
          "-h",
          "localhost",
          "-p",
          String.valueOf(pg.getPort()),
          "-U",
          "postgres",
          "-Fc",
          "-f",
          dump.toString(),
          "drill_live");
    }
    assertThat(pendingTimers).as("the backup holds timers still to fire").isNotEmpty();

    run(
        "pg_restore",
        "-h",
        "localhost",
        "-p",
        String.valueOf(pg.getPort()),
        "-U",
        "postgres",
        "--no-owner",
        "-d",
        "drill_restored",
        dump.toString());
    Files.deleteIfExists(dump);

    try (ConfigurableApplicationContext restored = start(pg, "drill_restored")) {
      ProcessEngine engine = restored.getBean(ProcessEngine.class);
      assertThat(counts(restored)).isEqualTo(atBackup);
      for (String root : cases) {
        FormWalker walker =
            new FormWalker(engine, restored.getBean(CasePhotos.class), root.hashCode(), Map.of());
        assertThat(walker.ended(root)).as("case %s is still open in the copy", root).isFalse();
        walker.walkToEnd(root, 80);
      }
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
      for (String timer : pendingTimers) {
        assertThat(
                engine
                    .getHistoryService()
                    .createHistoricJobLogQuery()
                    .jobId(timer)
                    .successLog()
                    .count())
            .as("timer %s fired at most once", timer)
            .isLessThanOrEqualTo(1);
      }
      JdbcTemplate jdbc = restored.getBean(JdbcTemplate.class);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from (select case_id from reship_form group by case_id"
                      + " having count(*) > 1) twice",
                  Long.class))
          .as("no reship form written twice")
          .isZero();
      for (String root : cases) {
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from after_sales_case where process_instance_id = ?"
                        + " and closed_at is null",
                    Long.class,
                    root))
            .as("case %s closed", root)
            .isZero();
      }
    }
  }
}
