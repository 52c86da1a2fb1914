package com.aftersales.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Benchmark 2 on H2 (in memory). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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
