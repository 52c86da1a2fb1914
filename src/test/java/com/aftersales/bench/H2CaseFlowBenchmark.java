package com.aftersales.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Benchmarks 1 and 5 on H2 (in memory), history level full. */
@SpringBootTest(
    properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.history-level=full"})
@ActiveProfiles("test")
class H2CaseFlowBenchmark extends CaseFlowBenchmarkBase {

  @Override
  String database() {
    return "H2 (in memory)";
  }
}
