package com.aftersales.orders;

import static com.aftersales.orders.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.shop.LocalOrderBook;
import com.aftersales.support.ProcessTestBase;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A node that starts again fails at once the imports it was running when it stopped, and only
 * those: not the one it has just taken, not another node's, not one recorded before imports named
 * their node. Another node's import nobody has heard from for a while is failed by the heartbeat
 * rule. ({@code ImportKilledIT} kills a real node.)
 */
class ImportRecoveryTest extends ProcessTestBase {

  @Autowired JdbcTemplate jdbc;
  @Autowired ImportRecords records;
  @Autowired LocalOrderBook book;
  @Autowired PlatformTransactionManager transactions;
  @Autowired Clock clock;
  @Autowired ImportLimits limits;

  private final List<String> inserted = new ArrayList<>();

  /** An import recorded as running on a node, as the node left it. */
  private String running(String node, int rowsRead, OffsetDateTime heardFrom) {
    String id = UUID.randomUUID().toString();
    jdbc.update(
        "insert into order_import (id, file_name, format, encoding, status, rows_read, created,"
            + " started_by, started_at, heartbeat_at, node_id) values (?,?,?,?,?,?,?,?,?,?,?)",
        id,
        "运行中.csv",
        "CSV",
        "UTF-8",
        "RUNNING",
        rowsRead,
        rowsRead,
        "agent1",
        heardFrom.minusMinutes(1),
        heardFrom,
        node);
    inserted.add(id);
    return id;
  }

  @AfterEach
  void removeTheRowsOfOtherNodes() {
    inserted.forEach(id -> jdbc.update("delete from order_import where id = ?", id));
  }

  @Test
  void aNodeStartingAgainFailsItsOwnRunningImportsAtOnceAndNoOneElses() throws Exception {
    ImportNode here = new ImportNode("node-a-" + UUID.randomUUID());
    // this node took an upload a moment ago: it waits for a place, held by this process
    List<Runnable> waiting = new ArrayList<>();
    OrderImporter restarted =
        new OrderImporter(
            records,
            book,
            transactions,
            processEngine.getRuntimeService(),
            waiting::add,
            clock,
            limits,
            here);
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      lines.add(
          Line.paid(
              OrderImportTest.orderNo(),
              "tb_rec" + i,
              "2026-11-22 10:00:00",
              "2026-11-22 10:05:00"));
    }
    OrderImporter.Started taken =
        restarted.start(
            new ByteArrayInputStream(csv(NEW_HEADINGS, lines, StandardCharsets.UTF_8, true)),
            "刚上传.csv",
            "agent1");

    OffsetDateTime now = OffsetDateTime.now();
    // killed seconds ago after 500 rows: its heartbeat is fresh, yet it cannot be running
    String interrupted = running(here.value(), 500, now.minusSeconds(5));
    // another node's import, heard from a moment ago
    String elsewhere = running("node-b", 1500, now.minusSeconds(5));
    // another node's import nobody has heard from for an hour: that node died
    String abandoned = running("node-c", 1000, now.minusHours(1));
    // recorded before imports named their node
    String unnamed = running(null, 500, now.minusSeconds(5));

    assertThat(restarted.recoverAfterRestart()).isEqualTo(2);

    OrderImporter.Status failed = restarted.status(interrupted);
    assertThat(failed.status()).isEqualTo("FAILED");
    assertThat(failed.message())
        .isEqualTo("导入在服务器重启时中断（已处理前 500 行，已导入的保留）。请重新导入该文件完成剩下的行，重复导入不会重复创建订单");
    assertThat(failed.finishedAt()).isNotNull();
    assertThat(failed.node()).isEqualTo(here.value());
    assertThat(restarted.status(abandoned).status()).isEqualTo("FAILED");
    assertThat(restarted.status(abandoned).message()).contains("处理它的服务器停止了");
    assertThat(restarted.status(elsewhere).status()).isEqualTo("RUNNING");
    assertThat(restarted.status(unnamed).status()).isEqualTo("RUNNING");
    OrderImporter.Status held = restarted.status(taken.id());
    assertThat(held.status()).isEqualTo("RUNNING");
    assertThat(held.node()).isEqualTo(here.value());

    // the upload it holds runs to its end
    assertThat(waiting).hasSize(1);
    waiting.get(0).run();
    taken.done().get(1, TimeUnit.MINUTES);
    OrderImporter.Status done = restarted.status(taken.id());
    assertThat(done.status()).isEqualTo("DONE");
    assertThat(done.created() + done.unchanged()).isEqualTo(3);
    // a second start finds nothing more of its own to fail
    assertThat(restarted.recoverAfterRestart()).isZero();
    assertThat(restarted.status(elsewhere).status()).isEqualTo("RUNNING");
  }
}
