package com.aftersales.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Benchmark 4 on H2. */
@SpringBootTest
@ActiveProfiles("test")
class H2ImportDunningBenchmark extends ImportDunningBenchmarkBase {
  @Override
  String database() {
    return "H2";
  }
}
