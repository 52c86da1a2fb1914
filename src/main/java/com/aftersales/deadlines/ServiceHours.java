package com.aftersales.deadlines;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service-hours calendar ({@code aftersales.service-hours.*}): deadlines that count the team's
 * working time (a complaint answered within 2 h of service time) skip the hours the shop is closed.
 * A deadline that starts at 20:30 with 2 h to go falls due at 10:30 the next morning. Platform
 * deadlines (48 h, 7 days) stay in calendar time and do not use this. Models may use it as {@code
 * timeDate="${serviceHours.due('PT2H')}"} (the bean keeps that name, see {@link ExpressionNames}).
 *
 * @param opens opening time, shop time zone
 * @param closes closing time, shop time zone; after opening
 * @param days the days the team works, weekends included unless configured otherwise
 * @param zone the shop's time zone (application.yaml sets the business zone)
 */
@ConfigurationProperties(prefix = "aftersales.service-hours")
public record ServiceHours(
    @DefaultValue("09:00") LocalTime opens,
    @DefaultValue("21:00") LocalTime closes,
    @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"})
        Set<DayOfWeek> days,
    @DefaultValue("Asia/Shanghai") ZoneId zone) {

  public ServiceHours {
    if (opens == null
        || closes == null
        || !opens.isBefore(closes)
        || days == null
        || days.isEmpty()) {
      throw new IllegalStateException(
          "aftersales.service-hours: opening must be before closing, on at least one day");
    }
    days = Collections.unmodifiableSet(EnumSet.copyOf(days));
  }

  /** When {@code serviceTime} of working time has passed, starting at {@code start}. */
  public Instant plus(Instant start, Duration serviceTime) {
    if (serviceTime.isNegative()) {
      throw new IllegalArgumentException("service time must not be negative: " + serviceTime);
    }
    ZonedDateTime t = start.atZone(zone);
    Duration left = serviceTime;
    for (int guard = 0; guard < 10_000; guard++) {
      LocalDate day = t.toLocalDate();
      ZonedDateTime open = day.atTime(opens).atZone(zone);
      ZonedDateTime close = day.atTime(closes).atZone(zone);
      if (!days.contains(day.getDayOfWeek()) || !t.isBefore(close)) {
        t = day.plusDays(1).atTime(opens).atZone(zone);
        continue;
      }
      if (t.isBefore(open)) {
        t = open;
      }
      Duration today = Duration.between(t, close);
      if (left.compareTo(today) <= 0) {
        return t.plus(left).toInstant();
      }
      left = left.minus(today);
      t = day.plusDays(1).atTime(opens).atZone(zone);
    }
    throw new IllegalStateException("service time too long: " + serviceTime);
  }

  /** The due date of an ISO-8601 duration of service time from now (the engine's clock). */
  public Date due(String isoDuration) {
    return Date.from(plus(ClockUtil.getCurrentTime().toInstant(), Duration.parse(isoDuration)));
  }

  /** Whether the team is working at this moment. */
  public boolean isOpen(Instant at) {
    ZonedDateTime t = at.atZone(zone);
    LocalTime time = t.toLocalTime();
    return days.contains(t.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
  }
}
