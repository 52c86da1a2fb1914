package com.aftersales.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Benchmark 3 on H2 (the embedded default). */
@SpringBootTest
@ActiveProfiles("test")
class H2HandoverBenchmark extends HandoverBenchmarkBase {
  @Override
  String database() {
    return "H2";
  }
}
