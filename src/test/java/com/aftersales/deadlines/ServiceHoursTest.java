package com.aftersales.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The service-hours calendar on its edges: 9:00–21:00, Asia/Shanghai. */
class ServiceHoursTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static ServiceHours hours(Set<DayOfWeek> days) {
    return new ServiceHours(LocalTime.of(9, 0), LocalTime.of(21, 0), days, SHANGHAI);
  }

  private static java.time.Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  @ParameterizedTest(name = "every day: {0} + {1} -> {2}")
  @CsvSource({
    "2026-11-23T10:00:00, PT2H,  2026-11-23T12:00:00", // inside hours
    "2026-11-23T20:30:00, PT2H,  2026-11-24T10:30:00", // across closing: the SOP's example
    "2026-11-23T07:00:00, PT2H,  2026-11-23T11:00:00", // before opening
    "2026-11-23T22:00:00, PT2H,  2026-11-24T11:00:00", // after closing
    "2026-11-24T00:30:00, PT2H,  2026-11-24T11:00:00", // after midnight
    "2026-11-23T21:00:00, PT1M,  2026-11-24T09:01:00", // exactly at closing
    "2026-11-23T09:00:00, PT12H, 2026-11-23T21:00:00", // a whole day ends at closing
    "2026-11-23T10:00:00, PT24H, 2026-11-25T10:00:00", // 24 h of service = two working days
    "2026-11-28T20:00:00, PT2H,  2026-11-29T10:00:00", // Saturday into Sunday: weekends worked
    "2026-11-23T10:00:00, PT0S,  2026-11-23T10:00:00",
  })
  void countsOnlyServiceHours(String start, String duration, String due) {
    ServiceHours hours = hours(EnumSet.allOf(DayOfWeek.class));
    assertThat(hours.plus(at(start), Duration.parse(duration))).isEqualTo(at(due));
  }

  @ParameterizedTest(name = "weekdays only: {0} + {1} -> {2}")
  @CsvSource({
    "2026-11-27T20:00:00, PT2H, 2026-11-30T10:00:00", // Friday evening to Monday
    "2026-11-28T12:00:00, PT2H, 2026-11-30T11:00:00", // asked on a Saturday
  })
  void skipsDaysTheTeamDoesNotWork(String start, String duration, String due) {
    ServiceHours hours = hours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    assertThat(hours.plus(at(start), Duration.parse(duration))).isEqualTo(at(due));
  }

  @org.junit.jupiter.api.Test
  void knowsWhenTheTeamIsWorkingAndRefusesNonsense() {
    ServiceHours hours = hours(EnumSet.allOf(DayOfWeek.class));
    assertThat(hours.isOpen(at("2026-11-23T09:00:00"))).isTrue();
    assertThat(hours.isOpen(at("2026-11-23T21:00:00"))).isFalse();
    assertThatThrownBy(() -> hours.plus(at("2026-11-23T09:00:00"), Duration.ofHours(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new ServiceHours(LocalTime.of(21, 0), LocalTime.of(9, 0), hours.days(), SHANGHAI))
        .hasMessageContaining("aftersales.service-hours");
    assertThatThrownBy(() -> hours(Set.of())).hasMessageContaining("at least one day");
  }
}
