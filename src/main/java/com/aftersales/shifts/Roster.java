package com.aftersales.shifts;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Who works which shift, week by week (the shifts rotate weekly). */
@Repository
public class Roster {

  /** One line of the roster. */
  public record Assignment(LocalDate weekStart, String userId, String shift) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Roster(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The Monday of the week a day is in. */
  public static LocalDate weekOf(LocalDate day) {
    return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  public LocalDate thisWeek() {
    return weekOf(LocalDate.now(clock));
  }

  public List<Assignment> week(LocalDate weekStart) {
    return jdbc.query(
        "select week_start, user_id, shift_code from roster_assignment where week_start = ? order by shift_code, user_id",
        (rs, i) ->
            new Assignment(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3)),
        weekStart);
  }

  public List<String> members(LocalDate weekStart, String shift) {
    return jdbc.queryForList(
        "select user_id from roster_assignment where week_start = ? and shift_code = ? order by user_id",
        String.class,
        weekStart,
        shift);
  }

  public void assign(LocalDate weekStart, String userId, String shift, String by) {
    int updated =
        jdbc.update(
            "update roster_assignment set shift_code = ?, updated_by = ?, updated_at = ? where week_start = ? and user_id = ?",
            shift,
            by,
            OffsetDateTime.now(clock),
            weekStart,
            userId);
    if (updated == 0) {
      jdbc.update(
          "insert into roster_assignment (week_start, user_id, shift_code, updated_by, updated_at) values (?,?,?,?,?)",
          weekStart,
          userId,
          shift,
          by,
          OffsetDateTime.now(clock));
    }
  }

  public void remove(LocalDate weekStart, String userId) {
    jdbc.update(
        "delete from roster_assignment where week_start = ? and user_id = ?", weekStart, userId);
  }
}
