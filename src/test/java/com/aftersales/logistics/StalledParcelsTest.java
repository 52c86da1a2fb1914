package com.aftersales.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.logistics.StalledParcels.Verdict;
import com.aftersales.shop.TraceStep;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The no-movement rule on a table of traces, with the default 4 days. */
class StalledParcelsTest {

  private static final Instant NOW = Instant.parse("2024-05-10T02:00:00Z");
  private static final List<String> DELIVERED = List.of("签收", "妥投");

  /** Steps as "hours before now: description" separated by "|"; empty is no trace. */
  private static List<TraceStep> trace(String steps) {
    List<TraceStep> trace = new ArrayList<>();
    if (steps == null || steps.isBlank()) {
      return trace;
    }
    for (String step : steps.split("\\|")) {
      String[] parts = step.split(":", 2);
      trace.add(
          new TraceStep(
              OffsetDateTime.ofInstant(
                  NOW.minus(Duration.ofHours(Long.parseLong(parts[0].trim()))),
                  ZoneOffset.ofHours(8)),
              parts[1].trim()));
    }
    return trace;
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        "moving;         120: 已揽收 | 30: 到达杭州中转中心 | 2: 派送中;     MOVING",
        "stuck 3 d 23 h; 200: 已揽收 | 95: 到达杭州中转中心;                MOVING",
        "stuck 4 days;   200: 已揽收 | 96: 到达杭州中转中心;                STALLED",
        "stuck a week;   168: 已揽收;                                       STALLED",
        "delivered;      300: 已揽收 | 200: 已签收，签收人：本人;           DELIVERED",
        "no trace;       ;                                                  NO_TRACE"
      })
  void judgesATrace(String name, String steps, Verdict expected) {
    assertThat(StalledParcels.judge(trace(steps), DELIVERED, NOW, t -> t.plus(Duration.ofDays(4))))
        .isEqualTo(expected);
  }
}
