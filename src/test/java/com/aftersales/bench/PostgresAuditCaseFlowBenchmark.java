package com.aftersales.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Benchmarks 1, 5 and 6 on PostgreSQL (see {@link BenchPostgres}), history level audit. */
@SpringBootTest(
    properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.history-level=audit"})
@ActiveProfiles("test")
class PostgresAuditCaseFlowBenchmark extends PostgresCaseFlowBenchmarkBase {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    BenchPostgres.register(registry, "aftersales_bench_flow_audit");
  }
}
