package com.aftersales.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricJobLogEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutorContext;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The engine's own job metrics, exported as they happen: Camunda marks each job acquired, executed,
 * failed or rejected in its metrics registry (and writes the sums to its meter log every 15
 * minutes); this plugin's registry passes every mark on to a Micrometer counter as well. The lag of
 * each executed job (from when it was due to when it ran) is read from the job's success log.
 */
@Component
class EngineMeters extends AbstractProcessEnginePlugin {

  /** Camunda's job metrics and the names they are exported under. */
  static final Map<String, String> JOB_COUNTERS =
      Map.of(
          Metrics.JOB_ACQUISITION_ATTEMPT, "aftersales.jobs.acquisition.attempts",
          Metrics.JOB_ACQUIRED_SUCCESS, "aftersales.jobs.acquired",
          Metrics.JOB_ACQUIRED_FAILURE, "aftersales.jobs.acquired.lost",
          Metrics.JOB_EXECUTION_REJECTED, "aftersales.jobs.rejected",
          Metrics.JOB_SUCCESSFUL, "aftersales.jobs.executed",
          Metrics.JOB_FAILED, "aftersales.jobs.failed",
          Metrics.JOB_LOCKED_EXCLUSIVE, "aftersales.jobs.locked.exclusive");

  static final String LAG = "aftersales.jobs.lag";

  private final MeterRegistry meters;

  EngineMeters(MeterRegistry meters) {
    this.meters = meters;
    JOB_COUNTERS.forEach((camunda, name) -> counter(name));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setMetricsRegistry(new Forwarding());
    List<HistoryEventHandler> handlers = new ArrayList<>();
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(new JobLag());
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  private Counter counter(String name) {
    return Counter.builder(name)
        .description("Camunda job metric, as the engine marks it")
        .register(meters);
  }

  /** Camunda's registry, passing each job metric on. */
  private final class Forwarding extends MetricsRegistry {
    @Override
    public void markOccurrence(String name, long times) {
      super.markOccurrence(name, times);
      String exported = JOB_COUNTERS.get(name);
      if (exported != null) {
        counter(exported).increment(times);
      }
    }
  }

  /** Records, for each job that ran successfully, how long after it was due it ran. */
  private final class JobLag implements HistoryEventHandler {
    @Override
    public void handleEvent(HistoryEvent event) {
      if (!(event instanceof HistoricJobLogEvent log) || !log.isSuccessLog()) {
        return;
      }
      Date due = log.getJobDueDate();
      if (due == null) {
        // an asynchronous continuation is due when it was created
        JobExecutorContext context = Context.getJobExecutorContext();
        if (context != null
            && context.getCurrentJob() != null
            && log.getJobId().equals(context.getCurrentJob().getId())) {
          due = context.getCurrentJob().getCreateTime();
        }
      }
      if (due == null) {
        return; // run by hand (Cockpit, REST), not by the job executor
      }
      long lag = Math.max(0, ClockUtil.getCurrentTime().getTime() - due.getTime());
      String type = log.getJobDefinitionType() == null ? "other" : log.getJobDefinitionType();
      Timer.builder(LAG)
          .description("Time from when a job was due to when it ran, per job type")
          .tag("type", type)
          .publishPercentileHistogram()
          .maximumExpectedValue(Duration.ofHours(1))
          .register(meters)
          .record(Duration.ofMillis(lag));
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      events.forEach(this::handleEvent);
    }
  }
}
