package com.aftersales.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.monitoring.WorkCounts.Deadline;
import com.aftersales.monitoring.WorkCounts.Snapshot;
import com.aftersales.monitoring.WorkCounts.TaskCount;
import com.aftersales.shop.ShopContact;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The gauges over open work read what the last refresh counted: a scrape never counts again, so
 * 100,000 open tasks cost one grouped query per interval, not one per scrape (or per queue).
 */
class WorkGaugesTest {

  private static final Instant NOW = Instant.parse("2026-11-11T02:00:00Z");
  private final Clock clock = Clock.fixed(NOW.plusSeconds(90), ZoneOffset.UTC);
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private final AtomicInteger counted = new AtomicInteger();
  private final AtomicReference<Snapshot> database = new AtomicReference<>(snapshot(3, 1));

  /** The counting queries, counted: what the database would answer now. */
  private final Supplier<Snapshot> counts =
      () -> {
        counted.incrementAndGet();
        Snapshot s = database.get();
        if (s == null) {
          throw new IllegalStateException("connection refused");
        }
        return s;
      };

  private final WorkGauges gauges = new WorkGauges(counts, clock, meters);

  private static Snapshot snapshot(long agentsOverdue, long warehouseLater) {
    List<TaskCount> tasks = new ArrayList<>();
    tasks.add(new TaskCount("agents", Deadline.OVERDUE, agentsOverdue));
    tasks.add(new TaskCount("agents", Deadline.DUE_WITHIN_1H, 2));
    tasks.add(new TaskCount("warehouse", Deadline.DUE_LATER, warehouseLater));
    return new Snapshot(
        NOW,
        tasks,
        Map.of("failedJob", 2L),
        4,
        NOW.minusSeconds(30),
        2,
        Map.of(ShopContact.Channel.TMC, NOW.minusSeconds(60)));
  }

  private double gauge(String name, String... tags) {
    return meters.get(name).tags(tags).gauge().value();
  }

  /** What Prometheus reads on a scrape: every meter's value. */
  private void scrape() {
    meters.getMeters().forEach(m -> m.measure().forEach(ms -> ms.getValue()));
  }

  @Test
  void scrapesReadTheKeptFiguresAndOnlyARefreshCountsAgain() {
    assertThat(meters.find(WorkGauges.TASKS_OPEN).gauges()).isEmpty();
    scrape();
    assertThat(counted).hasValue(0);

    gauges.refresh();
    assertThat(counted).hasValue(1);
    assertThat(gauge(WorkGauges.TASKS_OPEN, "queue", "agents")).isEqualTo(5);
    assertThat(gauge(WorkGauges.TASKS_OVERDUE, "queue", "agents")).isEqualTo(3);
    assertThat(gauge(WorkGauges.TASKS_OVERDUE, "queue", "warehouse")).isZero();
    assertThat(gauge(WorkGauges.TASKS_BY_DEADLINE, "queue", "agents", "deadline", "due_within_1h"))
        .isEqualTo(2);
    assertThat(gauge(WorkGauges.INCIDENTS, "type", "failedJob")).isEqualTo(2);
    assertThat(gauge(WorkGauges.JOBS_DUE)).isEqualTo(4);
    assertThat(gauge(WorkGauges.JOBS_OLDEST_DUE)).isEqualTo(120);
    assertThat(gauge(WorkGauges.SHOP_HEARD, "channel", "TMC")).isEqualTo(150);
    assertThat(gauge(WorkGauges.REFRESHED)).isEqualTo(90);

    // the database changes; a hundred scrapes later the gauges still show the kept figures
    database.set(snapshot(7, 9));
    for (int i = 0; i < 100; i++) {
      scrape();
    }
    assertThat(counted).hasValue(1);
    assertThat(gauge(WorkGauges.TASKS_OVERDUE, "queue", "agents")).isEqualTo(3);

    gauges.refresh();
    assertThat(counted).hasValue(2);
    assertThat(gauge(WorkGauges.TASKS_OVERDUE, "queue", "agents")).isEqualTo(7);
    assertThat(gauge(WorkGauges.TASKS_OPEN, "queue", "warehouse")).isEqualTo(9);
  }

  @Test
  void aQueueWithoutOpenTasksLeavesTheGauges() {
    gauges.refresh();
    database.set(
        new Snapshot(
            NOW,
            List.of(new TaskCount("agents", Deadline.NO_DUE_DATE, 1)),
            Map.of(),
            0,
            null,
            0,
            Map.of()));
    gauges.refresh();
    assertThat(meters.find(WorkGauges.TASKS_OPEN).tag("queue", "warehouse").gauge()).isNull();
    assertThat(meters.find(WorkGauges.INCIDENTS).gauges()).isEmpty();
    assertThat(gauge(WorkGauges.TASKS_OPEN, "queue", "agents")).isEqualTo(1);
    assertThat(gauge(WorkGauges.JOBS_OLDEST_DUE)).isZero();
  }

  @Test
  void aFailedRefreshKeepsTheLastFiguresAndIsCounted() {
    gauges.refresh();
    database.set(null); // the database is down
    gauges.refresh();
    assertThat(counted).hasValue(2);
    assertThat(gauge(WorkGauges.TASKS_OPEN, "queue", "agents")).isEqualTo(5);
    assertThat(meters.get("aftersales.metrics.refresh.failed").counter().count()).isEqualTo(1);
  }
}
