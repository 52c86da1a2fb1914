package com.aftersales.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Benchmark 2 on H2 (in memory). */
// the counts are measured as the database answers them; the count cache is measured in benchmark 7
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "aftersales.performance.filter-count-cache.ttl=0s")
@ActiveProfiles("test")
class H2QueuePageBenchmark extends QueuePageBenchmarkBase {

  @Override
  String database() {
    return "H2 (in memory)";
  }

  @Override
  boolean postgres() {
    return false;
  }
}
