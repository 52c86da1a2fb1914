package com.aftersales.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Benchmarks 1 and 5 on H2 (in memory), history level audit. */
@SpringBootTest(
    properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.history-level=audit"})
@ActiveProfiles("test")
class H2AuditCaseFlowBenchmark extends CaseFlowBenchmarkBase {

  @Override
  String database() {
    return "H2 (in memory)";
  }
}
