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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark 4 of the performance issue: a 10,000-row order report imported and the day's dunning
 * cases opened (target < 30 s together), with the heap's peak during both.
 */
abstract class ImportDunningBenchmarkBase {

  static final int ROWS = 10_000;

  @Autowired OrderImporter importer;
  @Autowired DunningService dunning;

  abstract String database();

  private static long peakHeapBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
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
    DunningService.RunResult run = dunning.run(day);
    long opened = System.nanoTime();
    long peak = peakHeapBytes();
    assertThat(importer.status(started.id()).created()).isEqualTo(ROWS);
    assertThat(run.opened()).isEqualTo(ROWS / 5);
    Results.line(
        database(),
        "4. import 10,000 rows + open 2,000 dunning cases (target < 30 s)",
        String.format(
            Locale.ROOT,
            "%.1f s together (import %.1f s = %.0f rows/s, dunning run %.1f s = %.0f cases/s); peak heap %d MB of %d MB max; file %.1f MB",
            (opened - start) / 1e9,
            (imported - start) / 1e9,
            ROWS / ((imported - start) / 1e9),
            (opened - imported) / 1e9,
            run.opened() / ((opened - imported) / 1e9),
            peak / (1024 * 1024),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            file.length / 1e6));
  }
}
