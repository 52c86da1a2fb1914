package com.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.dunning.DunningService;
import com.aftersales.orders.OrderImporter;
import com.aftersales.orders.ReportFixtures;
import com.aftersales.orders.ReportFixtures.Line;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark 4 of the performance issue: a 10,000-row order report imported and the day's dunning
 * cases opened (target < 30 s together), with the heap's peak during both.
 */
abstract class ImportDunningBenchmarkBase {

  static final int ROWS = Integer.getInteger("bench.import.rows", 10_000);

  @Autowired OrderImporter importer;
  @Autowired DunningService dunning;

  abstract String database();

  /** Rows per transaction of the plain baseline: as many as the importer writes per batch. */
  static final int PLAIN_BATCH = 500;

  @Autowired JdbcTemplate jdbc;
  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  /** Inserts the report's rows into a copy of the order table; answers the nanoseconds. */
  long plainInsert(List<Line> lines, String prefix) {
    jdbc.execute("create table bench_plain_order as select * from shop_order where 1 = 0");
    jdbc.execute("alter table bench_plain_order add primary key (order_id)");
    TransactionTemplate tx = new TransactionTemplate(transactions);
    DateTimeFormatter when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    ZoneId zone = ZoneId.of("Asia/Shanghai");
    OffsetDateTime now = OffsetDateTime.now(zone);
    long start = System.nanoTime();
    for (int i = 0; i < lines.size(); i += PLAIN_BATCH) {
      List<Line> batch = lines.subList(i, Math.min(lines.size(), i + PLAIN_BATCH));
      tx.executeWithoutResult(
          s ->
              jdbc.batchUpdate(
                  "insert into bench_plain_order (order_id, buyer_id, item_title, quantity,"
                      + " item_price, postage, total_paid, order_total, status, created_at,"
                      + " paid_at, imported_at) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                  batch,
                  batch.size(),
                  (ps, l) -> {
                    BigDecimal paid =
                        l.paid().isEmpty() ? BigDecimal.ZERO : new BigDecimal(l.paid());
                    ps.setString(1, l.orderId());
                    ps.setString(2, l.buyerId());
                    ps.setString(3, l.title());
                    ps.setInt(4, Integer.parseInt(l.quantity()));
                    ps.setBigDecimal(5, new BigDecimal(l.goods()));
                    ps.setBigDecimal(6, new BigDecimal(l.postage()));
                    ps.setBigDecimal(7, paid);
                    ps.setBigDecimal(8, new BigDecimal(l.total()));
                    ps.setString(9, l.paid().isEmpty() ? "WAITING_PAYMENT" : "PAID");
                    ps.setObject(
                        10, LocalDateTime.parse(l.created(), when).atZone(zone).toOffsetDateTime());
                    ps.setObject(
                        11,
                        l.paidAt().isEmpty()
                            ? null
                            : LocalDateTime.parse(l.paidAt(), when).atZone(zone).toOffsetDateTime(),
                        java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                    ps.setObject(12, now);
                  }));
    }
    long nanos = System.nanoTime() - start;
    Integer n = jdbc.queryForObject("select count(*) from bench_plain_order", Integer.class);
    assertThat(n).isEqualTo(lines.size());
    return nanos;
  }

  /** Open user tasks and timers per dunning case, as the run left them. */
  int[] dunningShape() {
    long cases =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey("dunning")
            .count();
    long tasks = engine.getTaskService().createTaskQuery().processDefinitionKey("dunning").count();
    long timers =
        engine
            .getManagementService()
            .createJobQuery()
            .processDefinitionKey("dunning")
            .timers()
            .count();
    return new int[] {(int) (tasks / cases), (int) (timers / cases)};
  }

  /**
   * Starts {@code n} cases of a bare model with that shape, one transaction each with a plain row
   * of its own, on a stock engine; answers the nanoseconds.
   */
  long bareCases(int n, int userTasks, int timers) {
    String key = "bench-bare-dunning";
    AbstractFlowNodeBuilder<?, ?> b =
        Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent();
    for (int u = 0; u < Math.max(1, userTasks); u++) {
      var task = b.userTask("task_" + u).camundaCandidateGroups("agents");
      b = task;
      for (int t = 0; t < (u == 0 ? timers : 0); t++) {
        b =
            task.boundaryEvent("timer_" + t)
                .timerWithDuration("P30D")
                .endEvent()
                .<org.camunda.bpm.model.bpmn.builder.UserTaskBuilder>moveToActivity("task_" + u);
      }
    }
    jdbc.execute(
        "create table bench_plain_case (case_id varchar(64) primary key, order_id varchar(64), opened_at timestamp with time zone)");
    ProcessEngine bare = BareEngine.start("bench-bare-dunning", engine, dataSource, transactions);
    try {
      bare.getRepositoryService()
          .createDeployment()
          .addModelInstance(key + ".bpmn", b.endEvent().done())
          .deploy();
      TransactionTemplate tx = new TransactionTemplate(transactions);
      long start = System.nanoTime();
      for (int i = 0; i < n; i++) {
        String caseId = "BARE-" + i;
        tx.executeWithoutResult(
            s -> {
              jdbc.update(
                  "insert into bench_plain_case (case_id, order_id, opened_at) values (?,?,?)",
                  caseId,
                  caseId,
                  OffsetDateTime.now());
              bare.getRuntimeService()
                  .startProcessInstanceByKey(key, caseId, Map.of("orderId", caseId));
            });
      }
      return System.nanoTime() - start;
    } finally {
      bare.close();
    }
  }

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** Statement counts on PostgreSQL (the benchmark's server); none elsewhere. */
  DatabaseCounters counters() {
    return DatabaseCounters.NONE;
  }

  @Test
  void importTenThousandRowsThenOpenTheDunningCases() throws Exception {
    LocalDate day = LocalDate.of(2024, 6, 18);
    List<Line> lines = new ArrayList<>();
    long base = System.nanoTime() % 1_000_000_000L;
    for (int i = 0; i < ROWS; i++) {
      // one in five still unpaid, as after a sale day
      Line l =
          Line.unpaid(
              "4" + base + String.format("%05d", i),
              "tb_bench" + (i % 997),
              day + String.format(" %02d:%02d:%02d", i % 24, i % 60, i % 60));
      lines.add(i % 5 == 0 ? l : l.withStatus("买家已付款，等待卖家发货", day + " 23:00:00", "88.00"));
    }
    byte[] file =
        ReportFixtures.csv(ReportFixtures.NEW_HEADINGS, lines, StandardCharsets.UTF_8, true);
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    OrderImporter.Started started =
        importer.start(new ByteArrayInputStream(file), "bench.csv", "bench");
    started.done().get();
    long imported = System.nanoTime();
    DatabaseCounters.Snapshot runBefore = counters().snapshot();
    DunningService.RunResult run = dunning.run(day);
    long opened = System.nanoTime();
    DatabaseCounters.Delta runDb = counters().since(runBefore);
    long peak = peakHeapBytes();
    assertThat(importer.status(started.id()).created()).isEqualTo(ROWS);
    assertThat(run.opened()).isEqualTo(ROWS / 5);

    // the baselines: the same rows inserted with plain JDBC, batch by batch as the importer
    // commits them, and the same number of cases of the dunning case's shape started one per
    // transaction on a stock engine (BareEngine), with a plain row each
    long plainImport = plainInsert(lines, "4" + base);
    int[] shape = dunningShape();
    DatabaseCounters.Snapshot bareBefore = counters().snapshot();
    long bareCases = bareCases(run.opened(), shape[0], shape[1]);
    DatabaseCounters.Delta bareDb = counters().since(bareBefore);
    String statements = "";
    if (counters() != DatabaseCounters.NONE) {
      statements =
          DatabaseCounters.comparison(runDb, bareDb, run.opened(), "case", "dunning vs bare", 10);
    }
    Results.line(
        database(),
        String.format(
            Locale.ROOT,
            "4. import %,d rows + open %,d dunning cases vs plain JDBC and a bare engine (target"
                + " < 30 s at 10,000 rows)",
            ROWS,
            ROWS / 5),
        String.format(
            Locale.ROOT,
            "import %.2f× plain JDBC batch inserts of the same rows (%.2f s, %d rows per"
                + " transaction), dunning run %.2f× the same number of bare cases of its shape"
                + " (%.1f s; %d user task(s), %d timer(s) each); %.1f s together (import %.1f s"
                + " = %.0f rows/s, dunning run %.1f s = %.0f cases/s); peak heap %d MB of %d MB"
                + " max; file %.1f MB%s",
            (double) (imported - start) / plainImport,
            plainImport / 1e9,
            PLAIN_BATCH,
            (double) (opened - imported) / bareCases,
            bareCases / 1e9,
            shape[0],
            shape[1],
            (opened - start) / 1e9,
            (imported - start) / 1e9,
            ROWS / ((imported - start) / 1e9),
            (opened - imported) / 1e9,
            run.opened() / ((opened - imported) / 1e9),
            peak / (1024 * 1024),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            file.length / 1e6,
            statements));
  }
}
