package com.aftersales.housekeeping;

import com.aftersales.support.Postgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link HistoryCleanupScenarios} on a real PostgreSQL server: the production database. */
class HistoryCleanupPostgresIT extends HistoryCleanupScenarios {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "aftersales_cleanup");
  }
}
