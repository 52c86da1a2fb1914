package com.aftersales.orders;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The metrics of a finished order import: imports by outcome, the rows read and refused, and how
 * long the import took, read from its record ({@code order_import}) once it is finished.
 */
final class ImportMeters {

  static final String IMPORTS = "aftersales.imports";
  static final String ROWS = "aftersales.imports.rows";
  static final String FAILED_ROWS = "aftersales.imports.rows.failed";

  private ImportMeters() {}

  static void record(MeterRegistry meters, JdbcTemplate jdbc, String id, String status) {
    List<Object[]> rows =
        jdbc.query(
            "select rows_read, failed, started_at, finished_at from order_import where id = ?",
            (rs, i) ->
                new Object[] {
                  rs.getInt(1),
                  rs.getInt(2),
                  rs.getObject(3, OffsetDateTime.class),
                  rs.getObject(4, OffsetDateTime.class)
                },
            id);
    if (rows.isEmpty()) {
      return;
    }
    Object[] row = rows.get(0);
    Counter.builder(ROWS)
        .description("Rows read by order imports")
        .register(meters)
        .increment((Integer) row[0]);
    Counter.builder(FAILED_ROWS)
        .description("Rows order imports could not take")
        .register(meters)
        .increment((Integer) row[1]);
    Duration took =
        row[2] == null || row[3] == null
            ? Duration.ZERO
            : Duration.between((OffsetDateTime) row[2], (OffsetDateTime) row[3]);
    Timer.builder(IMPORTS)
        .description("Order imports, by outcome (DONE, FAILED), and how long each took")
        .tag("status", status)
        .register(meters)
        .record(took.isNegative() ? Duration.ZERO : took);
  }
}
