package com.aftersales.housekeeping;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes our own rows once their retention ({@link RetentionSettings}) has passed: nightly (cron
 * {@code aftersales.retention.cron}, shop time), in batches of {@code batch-size} rows, at most
 * {@code max-batches-per-run} batches per kind of row, each batch its own short transaction. Rows
 * of a case stay while the case runs (its process instance exists) or is open, and until the
 * retention has passed since it closed. The registers (after-sales, reship, courier loss, returns,
 * logistics, dunning, follow-up, complaints) are never deleted here.
 */
@Component
@EnableConfigurationProperties(RetentionSettings.class)
public class DataRetention {

  private static final Logger LOG = LoggerFactory.getLogger(DataRetention.class);

  /**
   * The case of the row aliased {@code row} ended before the cutoff (one parameter): it no longer
   * runs, and a registered case was closed before the cutoff.
   */
  private static String caseEnded(String row) {
    return " not exists (select 1 from ACT_RU_EXECUTION x where x.BUSINESS_KEY_ = "
        + row
        + ".case_id) and not exists (select 1 from after_sales_case c where c.case_id = "
        + row
        + ".case_id and (c.closed_at is null or c.closed_at >= ?))";
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final RetentionSettings settings;

  DataRetention(JdbcTemplate jdbc, Clock clock, RetentionSettings settings) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.settings = settings;
  }

  @Scheduled(cron = "${aftersales.retention.cron}", zone = "${aftersales.business-zone}")
  void nightly() {
    if (settings.enabled()) {
      run();
    }
  }

  /** One run now: the rows deleted per kind. */
  public Map<String, Integer> run() {
    Map<String, Integer> deleted = new LinkedHashMap<>();
    Instant now = clock.instant();
    deleted.put(
        "import-errors",
        purge(
            "order_import_error",
            "id",
            "exists (select 1 from order_import i where i.id = t.import_id"
                + " and i.finished_at < ?)",
            cutoff(now, settings.importErrors())));
    Timestamp imports = cutoff(now, settings.imports());
    deleted.put(
        "imports",
        purge(
            "order_import",
            "id",
            "t.finished_at < ? and not exists"
                + " (select 1 from order_import_error e where e.import_id = t.id)",
            imports));
    deleted.put(
        "handover-log",
        purge("handover_log", "id", "t.moved_at < ?", cutoff(now, settings.handoverLog())));
    Timestamp messages = cutoff(now, settings.buyerMessages());
    deleted.put(
        "buyer-messages",
        purge(
            "buyer_message",
            "id",
            "t.sent_at < ? and (t.case_id is null or" + caseEnded("t") + ")",
            messages,
            messages));
    Timestamp photos = cutoff(now, settings.photos());
    int photoContents =
        purge(
            "case_photo_content",
            "photo_id",
            "exists (select 1 from case_photo p where p.id = t.photo_id and p.uploaded_at < ? and"
                + caseEnded("p")
                + ")",
            photos,
            photos);
    int photoRows =
        purge(
            "case_photo",
            "id",
            "t.uploaded_at < ? and"
                + caseEnded("t")
                + " and not exists (select 1 from case_photo_content k where k.photo_id = t.id)",
            photos,
            photos);
    deleted.put("photos", Math.max(photoContents, photoRows));
    Timestamp timeline = cutoff(now, settings.timeline());
    deleted.put(
        "timeline",
        purge(
            "case_event",
            "id",
            "t.occurred_at < ? and not exists (select 1 from case_event n"
                + " where n.case_id = t.case_id and n.occurred_at >= ?) and"
                + caseEnded("t"),
            timeline,
            timeline,
            timeline));
    if (deleted.values().stream().anyMatch(n -> n > 0)) {
      LOG.info("Retention run deleted {}", deleted);
    }
    return deleted;
  }

  private static Timestamp cutoff(Instant now, Duration keep) {
    return Timestamp.from(now.minus(keep));
  }

  private int purge(String table, String key, String condition, Object... args) {
    String sql =
        "delete from "
            + table
            + " where "
            + key
            + " in (select t."
            + key
            + " from "
            + table
            + " t where "
            + condition
            + " fetch first "
            + settings.batchSize()
            + " rows only)";
    int total = 0;
    for (int batch = 0; batch < settings.maxBatchesPerRun(); batch++) {
      int n = jdbc.update(sql, args);
      total += n;
      if (n < settings.batchSize()) {
        break;
      }
    }
    return total;
  }
}
