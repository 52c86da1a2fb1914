package com.aftersales.deadlines;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The service-hours calendar: deadlines that count the team's working time (a complaint answered
 * within 2 h of service time) skip the hours the shop is closed. A deadline that starts at 20:30
 * with 2 h to go falls due at 10:30 the next morning. Platform deadlines (48 h, 7 days) stay in
 * calendar time and do not use this. Models use it as {@code
 * timeDate="${serviceHours.due('PT2H')}"}.
 */
@Component("serviceHours")
@ConfigurationProperties(prefix = "aftersales.service-hours")
public class ServiceHours {

  /** Opening time, shop time zone. */
  private LocalTime opens = LocalTime.of(9, 0);

  /** Closing time, shop time zone. */
  private LocalTime closes = LocalTime.of(21, 0);

  /** Days the team works; weekends included unless configured otherwise. */
  private Set<DayOfWeek> days = EnumSet.allOf(DayOfWeek.class);

  private ZoneId zone = ZoneId.of("Asia/Shanghai");

  /** When {@code serviceTime} of working time has passed, starting at {@code start}. */
  public Instant plus(Instant start, Duration serviceTime) {
    if (serviceTime.isNegative()) {
      throw new IllegalArgumentException("service time must not be negative: " + serviceTime);
    }
    if (!opens.isBefore(closes) || days.isEmpty()) {
      throw new IllegalStateException(
          "aftersales.service-hours: opening must be before closing, on at least one day");
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

  /** The due date of an ISO-8601 duration of service time from now, for timer expressions. */
  public Date due(String isoDuration) {
    return Date.from(plus(Instant.now(), Duration.parse(isoDuration)));
  }

  /** Whether the team is working at this moment. */
  public boolean isOpen(Instant at) {
    ZonedDateTime t = at.atZone(zone);
    LocalTime time = t.toLocalTime();
    return days.contains(t.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
  }

  public LocalTime getOpens() {
    return opens;
  }

  public void setOpens(LocalTime opens) {
    this.opens = opens;
  }

  public LocalTime getCloses() {
    return closes;
  }

  public void setCloses(LocalTime closes) {
    this.closes = closes;
  }

  public Set<DayOfWeek> getDays() {
    return days;
  }

  public void setDays(Set<DayOfWeek> days) {
    this.days = days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
  }

  public ZoneId getZone() {
    return zone;
  }

  public void setZone(ZoneId zone) {
    this.zone = zone;
  }
}
