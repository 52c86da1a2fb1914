package com.aftersales.shifts.report;

import com.aftersales.support.Postgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link DayReportTest} on a real PostgreSQL server: the day's figures ({@code GET
 * /api/reports/day}) summed by the report's SQL from the engine's history (tasks done, the refund
 * case opened, agreed and closed), the dunning and follow-up registers and the handover log on the
 * production database.
 */
class DayReportPostgresIT extends DayReportTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "aftersales_day_report");
  }
}
