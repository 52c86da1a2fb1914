package com.aftersales.api;

import static com.aftersales.orders.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.base.BusyException;
import com.aftersales.base.TooLargeException;
import com.aftersales.orders.OrderImportTest;
import com.aftersales.orders.OrderImporter;
import com.aftersales.support.ProcessTestBase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * No report a clerk uploads can take the node down: rows and unpacked size are limited and checked
 * before anything is imported, refused rows do not pile up in memory or in the database, imports
 * queue up to a limit, and an import whose node died does not stay "running" forever. The limits
 * are small here so the files can be.
 */
@TestPropertySource(
    properties = {
      "aftersales.orders.import.max-rows=300",
      "aftersales.orders.import.max-unpacked-size=1MB",
      "aftersales.orders.import.max-errors-kept=50",
      "aftersales.orders.import.concurrent=1",
      "aftersales.orders.import.queued=0",
      "aftersales.orders.import.stale-after=PT10M",
      "aftersales.registers.max-export-rows=3"
    })
class InputLimitsTest extends ProcessTestBase {

  @Autowired OrderImporter importer;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;

  @Autowired
  @Qualifier("orderImportExecutor")
  Executor executor;

  private int imports() {
    return jdbc.queryForObject("select count(*) from order_import", Integer.class);
  }

  private OrderImporter.Status run(byte[] file, String name) throws Exception {
    OrderImporter.Started started = importer.start(new ByteArrayInputStream(file), name, "agent1");
    started.done().get(2, TimeUnit.MINUTES);
    return importer.status(started.id());
  }

  private static List<Line> paidLines(int n) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(
          Line.paid(
              OrderImportTest.orderNo(),
              "tb_lim" + i,
              "2026-11-22 10:00:00",
              "2026-11-22 10:05:00"));
    }
    return lines;
  }

  @Test
  void aReportWithMoreRowsThanTheLimitIsRefusedWholeBeforeAnythingIsImported() {
    List<Line> lines = paidLines(301);
    int before = imports();
    assertThatThrownBy(
            () ->
                importer.start(
                    new ByteArrayInputStream(
                        csv(NEW_HEADINGS, lines, StandardCharsets.UTF_8, true)),
                    "太多行.csv",
                    "agent1"))
        .isInstanceOf(TooLargeException.class)
        .hasMessageContaining("超过 300 行的上限")
        .satisfies(e -> assertThat(((TooLargeException) e).field()).isEqualTo("file"));
    assertThat(imports()).isEqualTo(before);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from shop_order where order_id = ?",
                Integer.class,
                lines.get(0).orderId()))
        .isZero();
  }

  @Test
  void anXlsxThatUnpacksBeyondTheLimitIsRefusedWithoutBeingRead() throws IOException {
    // few rows, but each cell is long and compresses well: small file, large unpacked size
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Workbook wb = new Workbook(out, "aftersales", "1.0")) {
      Worksheet ws = wb.newWorksheet("订单");
      for (int c = 0; c < NEW_HEADINGS.size(); c++) {
        ws.value(0, c, NEW_HEADINGS.get(c));
      }
      String filler = "买家留言".repeat(2000);
      for (int r = 1; r <= 200; r++) {
        ws.value(r, 0, "3" + (100000000000000000L + r));
        ws.value(r, 1, filler + r);
      }
    }
    byte[] file = out.toByteArray();
    assertThat(file.length).as("the upload itself is small").isLessThan(1024 * 1024);
    int before = imports();
    assertThatThrownBy(() -> importer.start(new ByteArrayInputStream(file), "炸弹.xlsx", "agent1"))
        .isInstanceOf(TooLargeException.class)
        .hasMessageContaining("解压后超过 1 MB 的上限");
    assertThat(imports()).isEqualTo(before);
  }

  @Test
  void refusedRowsAreCountedAllAndStoredUpToTheLimitWhileTheGoodOnesImport() throws Exception {
    List<List<String>> rows = new ArrayList<>();
    rows.add(NEW_HEADINGS);
    for (int i = 0; i < 280; i++) {
      List<String> junk = new ArrayList<>(NEW_HEADINGS.size());
      junk.add("坏行" + i);
      while (junk.size() < NEW_HEADINGS.size()) {
        junk.add("x");
      }
      rows.add(junk);
    }
    List<Line> good = paidLines(5);
    for (Line l : good) {
      rows.add(cells(NEW_HEADINGS, l, false));
    }
    OrderImporter.Status status = run(csvRows(rows, StandardCharsets.UTF_8, true), "坏行.csv");
    assertThat(status.status()).isEqualTo("DONE");
    assertThat(status.rowsRead()).isEqualTo(285);
    assertThat(status.failed()).isEqualTo(280);
    assertThat(status.created()).isEqualTo(5);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from order_import_error where import_id = ?",
                Integer.class,
                status.id()))
        .isEqualTo(50);
    assertThat(status.message()).contains("280 行未导入");
  }

  @Test
  void anUploadBeyondTheRunningAndWaitingImportsIsRefusedWithNothingLeftBehind() throws Exception {
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    executor.execute(
        () -> {
          busy.countDown();
          try {
            release.await(1, TimeUnit.MINUTES);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    busy.await();
    int before = imports();
    byte[] file = csv(NEW_HEADINGS, paidLines(2), StandardCharsets.UTF_8, true);
    try {
      assertThatThrownBy(() -> importer.start(new ByteArrayInputStream(file), "排队.csv", "agent1"))
          .isInstanceOf(BusyException.class)
          .hasMessageContaining("同时 1 个，排队 0 个");
      assertThat(imports()).isEqualTo(before);
    } finally {
      release.countDown();
    }
    // once the place is free, the same file imports (asked again while the released worker is
    // still on its way back to the pool, however long that takes on a loaded machine)
    OrderImporter.Started started = null;
    for (long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1); started == null; ) {
      try {
        started = importer.start(new ByteArrayInputStream(file), "排队.csv", "agent1");
      } catch (BusyException stillReleasing) {
        assertThat(System.nanoTime())
            .as("the place is free again within a minute")
            .isLessThan(until);
        Thread.sleep(20);
      }
    }
    started.done().get(2, TimeUnit.MINUTES);
    assertThat(importer.status(started.id()).status()).isEqualTo("DONE");
  }

  @Test
  void anImportWhoseNodeDiedIsMarkedFailedAndImportingTheFileAgainCompletesIt() throws Exception {
    List<Line> lines = paidLines(3);
    byte[] file = csv(NEW_HEADINGS, lines, StandardCharsets.UTF_8, true);
    // the node took the first row, then was killed: its import says RUNNING, and nobody keeps it
    // alive any more
    String dead = UUID.randomUUID().toString();
    OffsetDateTime longAgo = OffsetDateTime.now().minusHours(1);
    jdbc.update(
        "insert into order_import (id, file_name, format, encoding, status, rows_read, created,"
            + " started_by, started_at, heartbeat_at) values (?,?,?,?,?,?,?,?,?,?)",
        dead,
        "被中断.csv",
        "CSV",
        "UTF-8",
        "RUNNING",
        1,
        1,
        "agent1",
        longAgo,
        longAgo);
    // a live import of another node, heard from a moment ago, is left alone
    String live = UUID.randomUUID().toString();
    jdbc.update(
        "insert into order_import (id, file_name, format, encoding, status, started_by, started_at,"
            + " heartbeat_at) values (?,?,?,?,?,?,?,?)",
        live,
        "进行中.csv",
        "CSV",
        "UTF-8",
        "RUNNING",
        "agent2",
        OffsetDateTime.now(),
        OffsetDateTime.now());

    assertThat(importer.sweep()).isEqualTo(1);

    OrderImporter.Status died = importer.status(dead);
    assertThat(died.status()).isEqualTo("FAILED");
    assertThat(died.message()).contains("请重新导入整个文件");
    assertThat(died.finishedAt()).isNotNull();
    assertThat(importer.status(live).status()).isEqualTo("RUNNING");

    OrderImporter.Status again = run(file, "被中断.csv");
    assertThat(again.status()).isEqualTo("DONE");
    assertThat(again.created() + again.unchanged()).isEqualTo(3);
    jdbc.update("delete from order_import where id = ?", live);
  }

  @Test
  void anExportOfMoreRowsThanTheLimitIsRefusedBeforeTheFileStartsAndASmallerOneIsServed() {
    String carrier = "限额快递" + UUID.randomUUID().toString().substring(0, 6);
    for (int i = 0; i < 4; i++) {
      jdbc.update(
          "insert into courier_loss (case_id, recorded_at, order_id, carrier, tracking_number,"
              + " loss_amount, claim_state) values (?,?,?,?,?,?,?)",
          "LIMIT-" + carrier + i,
          OffsetDateTime.now(),
          "T" + i,
          carrier,
          "SF000" + i,
          new java.math.BigDecimal("5.00"),
          "OPEN");
    }
    Rest supervisor = new Rest(http, "supervisor", "demo");
    var refused = supervisor.get("/api/registers/courier-losses/export.xlsx?type=" + carrier);
    assertThat(refused.getStatusCode().value()).isEqualTo(413);
    assertThat(refused.getBody()).contains("超过一次导出 3 条的上限").contains("\"field\":\"from\"");
    jdbc.update("delete from courier_loss where case_id = ?", "LIMIT-" + carrier + "0");
    var served =
        http.withBasicAuth("supervisor", "demo")
            .getForEntity(
                "/api/registers/courier-losses/export.xlsx?type=" + carrier, byte[].class);
    assertThat(served.getStatusCode().value()).isEqualTo(200);
    jdbc.update("delete from courier_loss where carrier = ?", carrier);
  }

  @Test
  void anOversizedReportOverHttpIsAnswered413NamingTheFileAndTheLimit() {
    Rest agent = new Rest(http, "agent1", "demo");
    var answer =
        agent.upload(
            "/api/orders/import",
            "太多行.csv",
            csv(NEW_HEADINGS, paidLines(301), StandardCharsets.UTF_8, true));
    assertThat(answer.getStatusCode().value()).isEqualTo(413);
    assertThat(answer.getBody()).contains("\"field\":\"file\"").contains("300 行的上限");
  }

  @Test
  void aRequestBodyBeyondTheLimitIsAnswered413BeforeItIsRead() {
    Rest supervisor = new Rest(http, "supervisor", "demo");
    String huge = "{\"fromAgents\":[\"" + "a".repeat(2 * 1024 * 1024) + "\"],\"target\":\"POOL\"}";
    var answer = supervisor.post("/api/shifts/handover", huge);
    assertThat(answer.getStatusCode().value()).isEqualTo(413);
    assertThat(answer.getBody()).contains("KB 的上限").contains("\"field\":\"body\"");
  }

  @Test
  void aHandoverOfMoreAgentsThanATeamHasIsRefused() {
    Rest supervisor = new Rest(http, "supervisor", "demo");
    StringBuilder agents = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      agents.append(i == 0 ? "" : ",").append("\"agent").append(i).append("\"");
    }
    var answer =
        supervisor.post(
            "/api/shifts/handover",
            "{\"fromAgents\":[" + agents + "],\"target\":\"POOL\",\"note\":\"交班\"}");
    assertThat(answer.getStatusCode().value()).isEqualTo(400);
    assertThat(answer.getBody()).contains("一次最多交接 100 位客服");
  }
}
