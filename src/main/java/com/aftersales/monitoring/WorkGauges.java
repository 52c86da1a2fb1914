package com.aftersales.monitoring;

import com.aftersales.monitoring.WorkCounts.Deadline;
import com.aftersales.monitoring.WorkCounts.Snapshot;
import com.aftersales.monitoring.WorkCounts.TaskCount;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges over the open work, cheap at any number of open tasks: {@link WorkCounts} runs its grouped
 * queries every {@code aftersales.metrics.refresh-interval}, the result is kept, and a scrape reads
 * only what was kept. Until the first refresh the gauges are absent; when a refresh fails (the
 * database is down) the last values stay and {@value #REFRESHED} tells how old they are.
 */
@Component
class WorkGauges {

  private static final Logger LOG = LoggerFactory.getLogger(WorkGauges.class);

  static final String TASKS_OPEN = "aftersales.tasks.open";
  static final String TASKS_OVERDUE = "aftersales.tasks.overdue";
  static final String TASKS_BY_DEADLINE = "aftersales.tasks.by.deadline";
  static final String INCIDENTS = "aftersales.incidents.open";
  static final String JOBS_DUE = "aftersales.jobs.due";
  static final String JOBS_OLDEST_DUE = "aftersales.jobs.due.oldest.age";
  static final String JOBS_NO_RETRIES = "aftersales.jobs.without.retries";
  static final String SHOP_HEARD = "aftersales.shop.last.heard.age";
  static final String REFRESHED = "aftersales.metrics.refreshed.age";

  private final Supplier<Snapshot> counts;
  private final Clock clock;
  private final AtomicReference<Snapshot> kept = new AtomicReference<>();
  private final MultiGauge open;
  private final MultiGauge overdue;
  private final MultiGauge byDeadline;
  private final MultiGauge incidents;
  private final MultiGauge shopHeard;
  private final Counter failed;

  WorkGauges(
      @Qualifier("workCounts") Supplier<Snapshot> counts, Clock clock, MeterRegistry meters) {
    this.counts = counts;
    this.clock = clock;
    open =
        MultiGauge.builder(TASKS_OPEN)
            .description("Open tasks per queue (candidate group)")
            .register(meters);
    overdue =
        MultiGauge.builder(TASKS_OVERDUE)
            .description("Open tasks past their due date, per queue")
            .register(meters);
    byDeadline =
        MultiGauge.builder(TASKS_BY_DEADLINE)
            .description("Open tasks per queue and where they stand against their due date")
            .register(meters);
    incidents =
        MultiGauge.builder(INCIDENTS).description("Open incidents per type").register(meters);
    shopHeard =
        MultiGauge.builder(SHOP_HEARD)
            .description("Seconds since the shop was last heard from, per channel (TMC, RECONCILE)")
            .baseUnit("seconds")
            .register(meters);
    failed =
        Counter.builder("aftersales.metrics.refresh.failed")
            .description("Refreshes of the open-work gauges that failed")
            .register(meters);
    Gauge.builder(JOBS_DUE, kept, k -> k.get() == null ? Double.NaN : k.get().jobsDue())
        .description("Jobs due and not taken by any job executor")
        .register(meters);
    Gauge.builder(JOBS_OLDEST_DUE, this, g -> g.ageOf(s -> s.oldestJobDue(), 0))
        .description("How long the oldest job due and not taken has waited")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder(
            JOBS_NO_RETRIES, kept, k -> k.get() == null ? Double.NaN : k.get().jobsWithoutRetries())
        .description("Jobs that failed and have no retries left")
        .register(meters);
    Gauge.builder(REFRESHED, this, g -> g.ageOf(Snapshot::takenAt, Double.NaN))
        .description("Age of the open-work figures")
        .baseUnit("seconds")
        .register(meters);
  }

  /** Reads the open work again; a scrape never does. */
  @Scheduled(
      initialDelayString = "${aftersales.metrics.initial-delay:PT0S}",
      fixedDelayString = "${aftersales.metrics.refresh-interval:PT30S}")
  public void refresh() {
    Snapshot s;
    try {
      s = counts.get();
    } catch (RuntimeException e) {
      failed.increment();
      LOG.warn("open-work gauges not refreshed: {}", e.toString());
      return;
    }
    kept.set(s);
    Map<String, long[]> perQueue = new TreeMap<>();
    List<MultiGauge.Row<?>> deadlines = new ArrayList<>();
    for (TaskCount c : s.tasks()) {
      long[] totals = perQueue.computeIfAbsent(c.queue(), q -> new long[2]);
      totals[0] += c.tasks();
      if (c.deadline() == Deadline.OVERDUE) {
        totals[1] += c.tasks();
      }
      deadlines.add(
          MultiGauge.Row.of(
              Tags.of("queue", c.queue(), "deadline", c.deadline().tag()), c.tasks()));
    }
    List<MultiGauge.Row<?>> openRows = new ArrayList<>();
    List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
    perQueue.forEach(
        (queue, totals) -> {
          openRows.add(MultiGauge.Row.of(Tags.of("queue", queue), totals[0]));
          overdueRows.add(MultiGauge.Row.of(Tags.of("queue", queue), totals[1]));
        });
    open.register(openRows, true);
    overdue.register(overdueRows, true);
    byDeadline.register(deadlines, true);
    List<MultiGauge.Row<?>> incidentRows = new ArrayList<>();
    s.incidents()
        .forEach((type, n) -> incidentRows.add(MultiGauge.Row.of(Tags.of("type", type), n)));
    incidents.register(incidentRows, true);
    List<MultiGauge.Row<?>> heardRows = new ArrayList<>();
    s.shopHeard()
        .forEach(
            (channel, at) ->
                heardRows.add(
                    MultiGauge.Row.of(
                        Tags.of("channel", channel.name()),
                        this,
                        g -> seconds(Duration.between(at, g.clock.instant())))));
    shopHeard.register(heardRows, true);
  }

  /** The figures kept now (null before the first refresh). */
  Snapshot kept() {
    return kept.get();
  }

  private double ageOf(java.util.function.Function<Snapshot, Instant> at, double none) {
    Snapshot s = kept.get();
    Instant i = s == null ? null : at.apply(s);
    return i == null ? none : seconds(Duration.between(i, clock.instant()));
  }

  private static double seconds(Duration d) {
    return Math.max(0, d.toMillis() / 1000.0);
  }
}
