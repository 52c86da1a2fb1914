package com.aftersales.housekeeping;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.BatchWindow;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * History cleanup with the engine's clock moved: a finished case older than its history time to
 * live loses its engine history and our short-lived rows; an open case keeps everything; the
 * registers stay. Run on H2 ({@link HistoryCleanupTest}) and PostgreSQL ({@link
 * HistoryCleanupPostgresIT}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestPropertySource(
    properties = "camunda.bpm.generic-properties.properties.history-cleanup-enabled=true")
abstract class HistoryCleanupScenarios {

  private static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

  @Autowired ProcessEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataRetention retention;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void theNightlyWindowIsInTheShopsTimeWhateverTheJvmZone() {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(config.getHistoryCleanupDegreeOfParallelism()).isEqualTo(1);
    Date noon = Date.from(ZonedDateTime.of(2026, 11, 11, 12, 0, 0, 0, SHOP).toInstant());
    BatchWindow next = config.getBatchWindowManager().getCurrentOrNextBatchWindow(noon, config);
    assertThat(next.getStart().toInstant().atZone(SHOP))
        .isEqualTo(ZonedDateTime.of(2026, 11, 12, 1, 0, 0, 0, SHOP));
    assertThat(next.getEnd().toInstant().atZone(SHOP))
        .isEqualTo(ZonedDateTime.of(2026, 11, 12, 5, 0, 0, 0, SHOP));
  }

  @Test
  void aFinishedCaseOlderThanItsTimeToLiveGoesAnOpenOneStaysRegistersStay() {
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "retention-probe.bpmn",
            Bpmn.createExecutableProcess("retention-probe")
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("userTask_work")
                .endEvent()
                .done())
        .deploy();
    String suffix = Long.toString(System.nanoTime());
    String done = "DAMAGE-DONE" + suffix;
    String open = "DAMAGE-OPEN" + suffix;
    var runtime = engine.getRuntimeService();
    ProcessInstance finished = runtime.startProcessInstanceByKey("retention-probe", done);
    ProcessInstance running = runtime.startProcessInstanceByKey("retention-probe", open);
    engine
        .getTaskService()
        .complete(
            engine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(finished.getId())
                .singleResult()
                .getId());
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    for (String caseId : new String[] {done, open}) {
      ourRows(caseId, now);
    }
    jdbc.update(
        "update after_sales_case set status = 'CLOSED', closed_at = ? where case_id = ?",
        now,
        done);
    String importId = "IMP" + suffix;
    jdbc.update(
        "insert into order_import (id, file_name, status, started_at, finished_at)"
            + " values (?, 'orders.csv', 'DONE', ?, ?)",
        importId,
        now,
        now);
    jdbc.update(
        "insert into order_import_error (import_id, line, reason) values (?, 2, '金额不是数字')",
        importId);
    jdbc.update(
        "insert into handover_log (batch_id, task_id, case_id, result, moved_at)"
            + " values (?, 't1', ?, 'MOVED', ?)",
        "B" + suffix,
        done,
        now);

    // the inserted events, and the completed task the application recorded itself
    long doneEvents = count("case_event", done);
    long openEvents = count("case_event", open);
    assertThat(doneEvents).isGreaterThanOrEqualTo(2);

    // 181 days later: the engine's cleanup, then ours
    moveClock(Duration.ofDays(181));
    Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
    engine.getManagementService().executeJob(cleanup.getId());
    var history = engine.getHistoryService();
    assertThat(
            history
                .createHistoricProcessInstanceQuery()
                .processInstanceId(finished.getId())
                .count())
        .isZero();
    assertThat(
            history.createHistoricTaskInstanceQuery().processInstanceId(finished.getId()).count())
        .isZero();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(finished.getId())
                .count())
        .isZero();
    assertThat(
            history.createHistoricProcessInstanceQuery().processInstanceId(running.getId()).count())
        .isOne();
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(running.getId())
                .count())
        .isPositive();

    retention.run();
    assertThat(count("buyer_message", done)).isZero();
    assertThat(count("case_photo", done)).isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from order_import where id = ?", Long.class, importId))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from order_import_error where import_id = ?",
                Long.class,
                importId))
        .isZero();
    // kept longer: the timeline (two years) and the handover log (a year)
    assertThat(count("case_event", done)).isEqualTo(doneEvents);
    assertThat(count("handover_log", done)).isOne();
    // the open case keeps everything
    for (String table : new String[] {"buyer_message", "case_photo", "case_event"}) {
      assertThat(count(table, open)).as(table).isPositive();
    }
    assertThat(photoContents(open)).isOne();
    assertThat(photoContents(done)).isZero();

    // two years on: the finished case's timeline and the handover log go too; registers stay
    moveClock(Duration.ofDays(731 - 181));
    retention.run();
    assertThat(count("case_event", done)).isZero();
    assertThat(count("handover_log", done)).isZero();
    assertThat(count("case_event", open)).isEqualTo(openEvents);
    assertThat(count("after_sales_case", done)).isOne();
    assertThat(count("courier_loss", done)).isOne();
    assertThat(count("after_sales_case", open)).isOne();
  }

  /** What our tables hold for a case: register rows, timeline, a message, a photo. */
  private void ourRows(String caseId, Timestamp at) {
    jdbc.update(
        "insert into after_sales_case (case_id, kind, order_id, buyer_id, description,"
            + " process_instance_id, status, opened_at) values (?, 'DAMAGE', ?, 'buyer', '破损', ?,"
            + " 'OPEN', ?)",
        caseId,
        "O" + caseId,
        "pi-" + caseId,
        at);
    jdbc.update(
        "insert into courier_loss (case_id, recorded_at, order_id, loss_amount, claim_state)"
            + " values (?, ?, ?, 12.50, 'OPEN')",
        caseId,
        at,
        "O" + caseId);
    for (String step : new String[] {"userTask_collectEvidence", "userTask_checkEvidence"}) {
      jdbc.update(
          "insert into case_event (case_id, occurred_at, step, actor) values (?, ?, ?, 'agent1')",
          caseId,
          at,
          step);
    }
    jdbc.update(
        "insert into buyer_message (order_id, case_id, purpose, body, channel, sent_by, sent_at,"
            + " adapter) values (?, ?, 'APOLOGY', '您好', 'QIANNIU', 'agent1', ?, 'local')",
        "O" + caseId,
        caseId,
        at);
    jdbc.update(
        "insert into case_photo (case_id, kind, file_name, media_type, size_bytes, width, height,"
            + " sha256, uploaded_by, uploaded_at, status) values (?, 'DETAIL', 'a.jpg',"
            + " 'image/jpeg', 3, 1, 1, ?, 'agent1', ?, 'SHOWN')",
        caseId,
        "0".repeat(64),
        at);
    Long photo =
        jdbc.queryForObject("select id from case_photo where case_id = ?", Long.class, caseId);
    jdbc.update(
        "insert into case_photo_content (photo_id, content, thumbnail, thumbnail_type)"
            + " values (?, ?, ?, 'image/jpeg')",
        photo,
        new byte[] {1, 2, 3},
        new byte[] {1});
  }

  private long count(String table, String caseId) {
    return jdbc.queryForObject(
        "select count(*) from " + table + " where case_id = ?", Long.class, caseId);
  }

  private long photoContents(String caseId) {
    return jdbc.queryForObject(
        "select count(*) from case_photo_content k join case_photo p on p.id = k.photo_id"
            + " where p.case_id = ?",
        Long.class,
        caseId);
  }

  private static void moveClock(Duration by) {
    ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + by.toMillis()));
  }
}
