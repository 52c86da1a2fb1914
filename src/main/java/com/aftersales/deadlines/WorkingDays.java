package com.aftersales.deadlines;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's working-day calendar ({@code aftersales.working-days.*}): the Taobao reviewer of a
 * dispute answers within 4 working days, "weekends and public holidays not included" (seed 000).
 * Deadlines named in {@code aftersales.deadlines.working-days} count whole working days: from a
 * working day the clock keeps the time of day (Friday 10:00 + 4 working days = Thursday 10:00),
 * from a day off it starts at midnight of the next working day (Saturday + 4 = the end of
 * Thursday).
 *
 * @param days the days the platform works, Monday to Friday unless configured otherwise
 * @param holidays public holidays (dates, shop time zone) that are not worked even on a working day
 * @param zone the shop's time zone (application.yaml sets the business zone)
 */
@ConfigurationProperties(prefix = "aftersales.working-days")
public record WorkingDays(
    @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> days,
    @DefaultValue List<LocalDate> holidays,
    @DefaultValue("Asia/Shanghai") ZoneId zone) {

  public WorkingDays {
    if (days == null || days.isEmpty()) {
      throw new IllegalStateException(
          "aftersales.working-days.days: name at least one working day");
    }
    days = Collections.unmodifiableSet(EnumSet.copyOf(days));
    holidays = List.copyOf(new TreeSet<>(holidays == null ? List.of() : holidays));
  }

  /** Whether the platform works on this date. */
  public boolean isWorkingDay(LocalDate date) {
    return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /** When {@code count} working days have passed, starting at {@code start}. */
  public Instant plus(Instant start, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("working days must not be negative: " + count);
    }
    ZonedDateTime t = start.atZone(zone);
    if (!isWorkingDay(t.toLocalDate())) {
      t = next(t.toLocalDate()).atStartOfDay(zone);
    }
    for (int i = 0; i < count; i++) {
      LocalDate day = next(t.toLocalDate());
      t = t.toLocalTime().atDate(day).atZone(zone);
    }
    return t.toInstant();
  }

  /** The first working day after {@code date}. */
  private LocalDate next(LocalDate date) {
    LocalDate day = date.plusDays(1);
    for (int guard = 0; guard < 3660 && !isWorkingDay(day); guard++) {
      day = day.plusDays(1);
    }
    if (!isWorkingDay(day)) {
      throw new IllegalStateException("aftersales.working-days: no working day within ten years");
    }
    return day;
  }
}
