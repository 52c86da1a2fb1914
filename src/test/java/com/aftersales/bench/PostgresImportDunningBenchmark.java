package com.aftersales.bench;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Benchmark 4 on PostgreSQL (see {@link BenchPostgres}). */
@SpringBootTest
@ActiveProfiles("test")
class PostgresImportDunningBenchmark extends ImportDunningBenchmarkBase {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    BenchPostgres.register(registry, "aftersales_bench_import");
  }

  @Override
  DatabaseCounters counters() {
    return BenchPostgres.isServer() ? new DatabaseCounters(jdbc) : DatabaseCounters.NONE;
  }

  @Override
  String database() {
    return BenchPostgres.label();
  }
}
