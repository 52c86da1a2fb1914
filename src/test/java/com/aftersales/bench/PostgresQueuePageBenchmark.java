package com.aftersales.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Benchmark 2 on PostgreSQL (see {@link BenchPostgres}). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PostgresQueuePageBenchmark extends QueuePageBenchmarkBase {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    BenchPostgres.register(registry, "aftersales_bench_queue");
  }

  @Override
  String database() {
    return BenchPostgres.label();
  }

  @Override
  boolean postgres() {
    return true;
  }
}
