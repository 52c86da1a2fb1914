package com.aftersales.shifts;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When a shift ends, tasks still assigned to its agents go back to the group pool (or to the
 * incoming shift), by themselves. Each shift end is released once, also with several nodes: the
 * first to record it in {@code shift_release} does it.
 */
@Component
public class ShiftEndRelease {

  private static final Logger LOG = LoggerFactory.getLogger(ShiftEndRelease.class);

  private final ShiftsConfig shifts;
  private final Roster roster;
  private final Handover handover;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ShiftEndRelease(
      ShiftsConfig shifts, Roster roster, Handover handover, JdbcTemplate jdbc, Clock clock) {
    this.shifts = shifts;
    this.roster = roster;
    this.handover = handover;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Releases every shift that has ended by now, on the business clock (the engine's clock: a test
   * that moves it ends shifts with it).
   */
  public List<Handover.Result> releaseEnded() {
    return releaseEnded(clock.instant());
  }

  /** Releases every shift of today that has ended by {@code now} and was not released yet. */
  public List<Handover.Result> releaseEnded(Instant now) {
    if (shifts.releaseAtEnd() == ShiftsConfig.ReleaseAtEnd.OFF) {
      return List.of();
    }
    ZonedDateTime at = now.atZone(clock.getZone());
    LocalDate day = at.toLocalDate();
    List<Handover.Result> results = new java.util.ArrayList<>();
    for (ShiftsConfig.Shift shift : shifts.definitions()) {
      if (at.toLocalTime().isBefore(shift.ends())) {
        continue;
      }
      try {
        jdbc.update(
            "insert into shift_release (shift_day, shift_code, released_at) values (?,?,?)",
            day,
            shift.code(),
            OffsetDateTime.now(clock));
      } catch (DuplicateKeyException alreadyReleased) {
        continue;
      }
      LinkedHashSet<String> agents =
          new LinkedHashSet<>(roster.members(Roster.weekOf(day), shift.code()));
      List<String> incoming =
          shifts.releaseAtEnd() == ShiftsConfig.ReleaseAtEnd.INCOMING
              ? shifts
                  .next(shift)
                  .map(n -> roster.members(Roster.weekOf(day), n.code()))
                  .orElse(List.of())
              : List.of();
      incoming = incoming.stream().filter(u -> !agents.contains(u)).toList();
      Handover.Target target = incoming.isEmpty() ? Handover.Target.POOL : Handover.Target.SHIFT;
      Handover.Result r =
          handover.move(agents, target, incoming, shift.name() + "结束，未完成的任务自动交接", "system");
      LOG.info("{} ended: {} task(s) released ({})", shift.name(), r.moved(), target);
      results.add(r);
    }
    return results;
  }
}
