package com.aftersales.housekeeping;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long our own rows are kept ({@code aftersales.retention.*}), apart from the engine's history
 * (its time to live, P180D, and the engine's history cleanup). Rows of a case count from the case's
 * end and never go while the case runs. The registers are the shop's records and are not deleted.
 *
 * @param enabled whether the nightly run deletes anything
 * @param batchSize rows deleted in one statement (one short transaction)
 * @param maxBatchesPerRun statements per kind of row in one run: a run deletes at most {@code
 *     batchSize × maxBatchesPerRun} rows of each kind, the rest waits for the next night
 * @param timeline a case's timeline ({@code case_event}), after the case ended
 * @param buyerMessages what the buyer was told ({@code buyer_message}), after the case ended
 * @param photos evidence photos and their thumbnails, after the case ended
 * @param handoverLog the shift handover log
 * @param imports order imports (their status lines)
 * @param importErrors the rejected rows of an order import, after the import finished
 */
@Validated
@ConfigurationProperties("aftersales.retention")
record RetentionSettings(
    boolean enabled,
    int batchSize,
    int maxBatchesPerRun,
    Duration timeline,
    Duration buyerMessages,
    Duration photos,
    Duration handoverLog,
    Duration imports,
    Duration importErrors) {

  RetentionSettings {
    if (batchSize < 1 || maxBatchesPerRun < 1) {
      throw new IllegalArgumentException(
          "aftersales.retention.batch-size and max-batches-per-run must be at least 1");
    }
    for (Duration d :
        new Duration[] {timeline, buyerMessages, photos, handoverLog, imports, importErrors}) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(
            "every aftersales.retention.* period must be set and positive (e.g. P180D)");
      }
    }
  }
}
