package com.aftersales.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark 1 on PostgreSQL at full history with the engine's stock settings instead of the
 * application's levers (docs/performance.md): every variable update in ACT_HI_DETAIL, revoke checks
 * "auto", no rewriting of batched inserts, the starter's job executor. Side by side with {@link
 * PostgresCaseFlowBenchmark}, each against its own bare model on a stock engine with the same
 * settings, it shows what the levers change.
 */
@SpringBootTest(
    properties = {
      "camunda.bpm.job-execution.enabled=true",
      "camunda.bpm.history-level=full",
      "aftersales.history.variable-details=true",
      "aftersales.history.skip-decisions=",
      "camunda.bpm.generic-properties.properties.authorization-check-revokes=auto",
      "camunda.bpm.job-execution.max-jobs-per-acquisition=3",
      "camunda.bpm.job-execution.core-pool-size=3",
      "camunda.bpm.job-execution.max-pool-size=10",
      "camunda.bpm.job-execution.queue-capacity=3"
    })
@ActiveProfiles("test")
class PostgresStockCaseFlowBenchmark extends PostgresCaseFlowBenchmarkBase {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    BenchPostgres.register(registry, "aftersales_bench_flow_stock");
    registry.add(
        "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", () -> "false");
  }

  @Override
  String label() {
    return super.label() + ", stock engine settings";
  }
}
