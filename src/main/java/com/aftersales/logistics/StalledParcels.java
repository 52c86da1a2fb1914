package com.aftersales.logistics;

import com.aftersales.shop.TraceStep;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Whether a shipped parcel's trace stands still: the no-movement detector's rule. */
final class StalledParcels {

  enum Verdict {
    /** Not shipped, or the courier reported nothing yet: nothing to judge. */
    NO_TRACE,
    DELIVERED,
    MOVING,
    STALLED
  }

  private StalledParcels() {}

  /**
   * Judges a trace at {@code now}: delivered when a step says so ({@code deliveredWords}), stalled
   * when the latest step is so old that {@code stillUntil} of its time has come.
   */
  static Verdict judge(
      List<TraceStep> trace,
      List<String> deliveredWords,
      Instant now,
      UnaryOperator<Instant> stillUntil) {
    List<TraceStep> steps =
        trace == null ? List.of() : trace.stream().filter(s -> s.time() != null).toList();
    if (steps.isEmpty()) {
      return Verdict.NO_TRACE;
    }
    boolean delivered =
        steps.stream()
            .map(TraceStep::description)
            .filter(Objects::nonNull)
            .anyMatch(d -> deliveredWords.stream().anyMatch(d::contains));
    if (delivered) {
      return Verdict.DELIVERED;
    }
    Instant latest = latest(steps);
    return stillUntil.apply(latest).isAfter(now) ? Verdict.MOVING : Verdict.STALLED;
  }

  /** The time of the newest step. */
  static Instant latest(List<TraceStep> steps) {
    return steps.stream()
        .map(s -> s.time().toInstant())
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }
}
