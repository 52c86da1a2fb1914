package com.aftersales.deadlines;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * A {@link Clock} that reads the engine's clock ({@link ClockUtil}): the time the engine stamps on
 * tasks and jobs and fires timers by. It is the system time unless a test has moved the engine's
 * clock.
 */
final class EngineClock extends Clock {

  private final ZoneId zone;

  EngineClock(ZoneId zone) {
    this.zone = zone;
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(this.zone) ? this : new EngineClock(zone);
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public long millis() {
    return ClockUtil.getCurrentTime().getTime();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EngineClock other && zone.equals(other.zone);
  }

  @Override
  public int hashCode() {
    return zone.hashCode() + 1;
  }

  @Override
  public String toString() {
    return "EngineClock[" + zone + "]";
  }
}
