package com.aftersales.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The platform's working-day calendar: Monday to Friday, Asia/Shanghai (2026-11-27 is a Friday).
 */
class WorkingDaysTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final EnumSet<DayOfWeek> WEEKDAYS =
      EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

  private static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
  }

  @ParameterizedTest(name = "{0} + {1} working days -> {2}")
  @CsvSource({
    "2026-11-23T10:00:00, 4, 2026-11-27T10:00:00", // Monday to Friday
    "2026-11-24T10:00:00, 4, 2026-11-30T10:00:00", // Tuesday: over the weekend to Monday
    "2026-11-27T10:00:00, 4, 2026-12-03T10:00:00", // Friday lands on Thursday next week
    "2026-11-27T10:00:00, 1, 2026-11-30T10:00:00", // Friday + 1 = Monday
    "2026-11-27T23:59:00, 1, 2026-11-30T23:59:00",
    "2026-11-28T10:00:00, 4, 2026-12-04T00:00:00", // from a Saturday: the end of Thursday
    "2026-11-29T23:00:00, 1, 2026-12-01T00:00:00", // from a Sunday night: the end of Monday
    "2026-11-28T10:00:00, 0, 2026-11-30T00:00:00", // nothing to count: the next working day begins
    "2026-11-25T10:00:00, 0, 2026-11-25T10:00:00",
    "2026-11-23T10:00:00, 10, 2026-12-07T10:00:00", // two whole weeks
  })
  void countsMondayToFriday(String start, int days, String due) {
    WorkingDays calendar = new WorkingDays(WEEKDAYS, List.of(), SHANGHAI);
    assertThat(calendar.plus(at(start), days)).isEqualTo(at(due));
  }

  @ParameterizedTest(name = "with National Day off: {0} + {1} -> {2}")
  @CsvSource({
    "2026-09-30T10:00:00, 4, 2026-10-13T10:00:00", // Wednesday; 1-7 October off: Thu 8, Fri 9, Mon
    // 12, Tue 13
    "2026-10-03T10:00:00, 1, 2026-10-09T00:00:00", // asked during the holiday
    "2026-09-28T10:00:00, 2, 2026-09-30T10:00:00", // before the holiday: unaffected
  })
  void skipsConfiguredHolidays(String start, int days, String due) {
    List<LocalDate> nationalDay =
        LocalDate.of(2026, 10, 1).datesUntil(LocalDate.of(2026, 10, 8)).toList();
    WorkingDays calendar = new WorkingDays(WEEKDAYS, nationalDay, SHANGHAI);
    assertThat(calendar.plus(at(start), days)).isEqualTo(at(due));
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2026, 10, 5))).isFalse();
  }

  @Test
  void aWeekendWorkedByConfigurationCounts() {
    WorkingDays everyDay = new WorkingDays(EnumSet.allOf(DayOfWeek.class), List.of(), SHANGHAI);
    assertThat(everyDay.plus(at("2026-11-27T10:00:00"), 4)).isEqualTo(at("2026-12-01T10:00:00"));
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new WorkingDays(EnumSet.noneOf(DayOfWeek.class), List.of(), SHANGHAI))
        .hasMessageContaining("aftersales.working-days.days");
    WorkingDays calendar = new WorkingDays(WEEKDAYS, null, SHANGHAI);
    assertThatThrownBy(() -> calendar.plus(at("2026-11-23T10:00:00"), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
