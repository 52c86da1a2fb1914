package com.aftersales.bench;

import com.aftersales.support.Postgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Benchmark 4 on PostgreSQL (a real server brought by Maven). */
@SpringBootTest
@ActiveProfiles("test")
class PostgresImportDunningBenchmark extends ImportDunningBenchmarkBase {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "aftersales_bench_import");
  }

  @Override
  String database() {
    return "PostgreSQL (embedded, same machine)";
  }
}
