package com.aftersales.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The job executor of this node: whether it runs (health {@code jobExecutor}: active, its
 * acquisition thread alive) and its queue (jobs acquired and waiting for a thread, threads busy),
 * read from memory at each scrape.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorState implements HealthIndicator {

  static final String QUEUE = "aftersales.job.executor.queue";
  static final String ACTIVE = "aftersales.job.executor.threads.active";
  static final String POOL = "aftersales.job.executor.threads";

  private final ProcessEngine engine;
  private final boolean enabled;

  /**
   * @param enabled whether this node runs jobs at all: the Spring Boot starter starts the job
   *     executor itself (the engine's own activation flag stays off)
   */
  JobExecutorState(
      ProcessEngine engine,
      MeterRegistry meters,
      @org.springframework.beans.factory.annotation.Value(
              "${camunda.bpm.job-execution.enabled:true}")
          boolean enabled) {
    this.engine = engine;
    this.enabled = enabled;
    Gauge.builder(QUEUE, this, s -> s.pool().map(p -> p.getQueue().size()).orElse(0))
        .description("Jobs acquired by this node and waiting for a job executor thread")
        .register(meters);
    Gauge.builder(ACTIVE, this, s -> s.pool().map(ThreadPoolExecutor::getActiveCount).orElse(0))
        .description("Job executor threads running a job now")
        .register(meters);
    Gauge.builder(POOL, this, s -> s.pool().map(ThreadPoolExecutor::getMaximumPoolSize).orElse(0))
        .description("Job executor threads at most")
        .register(meters);
  }

  @Override
  public Health health() {
    JobExecutor executor = executor();
    if (executor == null || !enabled) {
      // a node started without a job executor on purpose (camunda.bpm.job-execution.enabled)
      return Health.unknown().withDetail("enabled", false).build();
    }
    Thread acquisition = acquisitionThread(executor);
    boolean alive = acquisition != null && acquisition.isAlive();
    Health.Builder health = executor.isActive() && alive ? Health.up() : Health.down();
    health.withDetail("active", executor.isActive()).withDetail("acquisitionThreadAlive", alive);
    pool()
        .ifPresent(
            p ->
                health
                    .withDetail("queued", p.getQueue().size())
                    .withDetail("busyThreads", p.getActiveCount())
                    .withDetail("maxThreads", p.getMaximumPoolSize()));
    return health.build();
  }

  private JobExecutor executor() {
    if (engine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl c) {
      return c.getJobExecutor();
    }
    return null;
  }

  private Optional<ThreadPoolExecutor> pool() {
    if (executor() instanceof SpringJobExecutor spring
        && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor tasks) {
      try {
        return Optional.of(tasks.getThreadPoolExecutor());
      } catch (IllegalStateException notInitialized) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The engine keeps its acquisition thread to itself: read it from the field. */
  private static Thread acquisitionThread(JobExecutor executor) {
    try {
      Field field = JobExecutor.class.getDeclaredField("jobAcquisitionThread");
      field.setAccessible(true);
      return (Thread) field.get(executor);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
