package com.aftersales.shifts.report;

import com.aftersales.base.ConsoleNotices;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Flags to the supervisors' console each day report not submitted by the end of the agent's shift.
 * A report is flagged once, also with several nodes (the flag's row is the agent and the day), and
 * shown until the agent submits it, for a week.
 */
@Component
class DayReportWatch implements ConsoleNotices {

  static final int NOTICE_DAYS = 7;
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final DayReports reports;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  DayReportWatch(DayReports reports, JdbcTemplate jdbc, Clock clock) {
    this.reports = reports;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Flags today's and yesterday's reports now overdue (yesterday: a node that was down). */
  int flagOverdue() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    LocalDate today = LocalDate.now(clock);
    int flagged = 0;
    for (LocalDate day : List.of(today.minusDays(1), today)) {
      Map<String, ?> submitted = reports.submitted(day);
      for (Map.Entry<String, OffsetDateTime> owed : reports.owed(day).entrySet()) {
        if (owed.getValue().isAfter(now) || submitted.containsKey(owed.getKey())) {
          continue;
        }
        flagged += flag(day, owed.getKey(), owed.getValue(), now);
      }
    }
    return flagged;
  }

  private int flag(LocalDate day, String agent, OffsetDateTime due, OffsetDateTime now) {
    try {
      // a single statement: on PostgreSQL a refused insert inside a transaction would end it
      return jdbc.update(
          "insert into day_report_flag (report_day, user_id, due_at, flagged_at)"
              + " select ?, ?, ?, ? where not exists"
              + " (select 1 from day_report_flag where report_day = ? and user_id = ?)",
          day,
          agent,
          due,
          now,
          day,
          agent);
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return 0;
    }
  }

  @Override
  public List<Notice> notices() {
    LocalDate since = LocalDate.now(clock).minusDays(NOTICE_DAYS);
    Map<String, String> names = reports.names();
    return jdbc.query(
        "select f.report_day, f.user_id, f.due_at, f.flagged_at from day_report_flag f"
            + " where f.report_day >= ? and not exists (select 1 from day_report r"
            + " where r.report_day = f.report_day and r.user_id = f.user_id)"
            + " order by f.flagged_at desc fetch first 50 rows only",
        (rs, i) -> {
          String agent = rs.getString(2);
          OffsetDateTime due =
              rs.getObject(3, OffsetDateTime.class)
                  .atZoneSameInstant(clock.getZone())
                  .toOffsetDateTime();
          return new Notice(
              "DAY_REPORT_MISSING",
              names.getOrDefault(agent, agent)
                  + "（"
                  + agent
                  + "）未提交 "
                  + rs.getObject(1, LocalDate.class).format(DAY)
                  + " 的日报（应在 "
                  + due.format(TIME)
                  + " 前提交）",
              rs.getObject(4, OffsetDateTime.class));
        },
        since);
  }

  /** Looks every minute (off in tests, which call {@link #flagOverdue()} directly). */
  @Component
  @ConditionalOnProperty(
      name = "aftersales.day-report.watch",
      havingValue = "true",
      matchIfMissing = true)
  static class Every {
    private final DayReportWatch watch;

    Every(DayReportWatch watch) {
      this.watch = watch;
    }

    @Scheduled(fixedDelayString = "${aftersales.day-report.check-every:PT1M}")
    void check() {
      watch.flagOverdue();
    }
  }
}
