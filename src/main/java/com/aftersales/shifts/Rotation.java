package com.aftersales.shifts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly rotation (seed 004: "one rotation per week"): next week's roster is this week's with
 * every agent moved to the next shift ({@link ShiftsConfig#rotated}; with the two halves of the
 * day, early and late swap). Generated once per week: {@code roster_week} holds the weeks done, its
 * primary key lets only one node (or one run) generate a week, and a week someone already filled in
 * by hand is left as it is. A supervisor edits the result like any roster.
 */
@Service
class Rotation {

  /** What a run did for a week. */
  record Generated(LocalDate week, int assigned, String skippedBecause) {}

  static final String BY = "rotation";

  private final Roster roster;
  private final ShiftsConfig shifts;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final Clock clock;

  Rotation(
      Roster roster,
      ShiftsConfig shifts,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.roster = roster;
    this.shifts = shifts;
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Generates next week's roster from this week's (the scheduled job). */
  Generated generateNextWeek() {
    LocalDate thisWeek = Roster.weekOf(LocalDate.now(clock));
    return generate(thisWeek.plusWeeks(1), BY);
  }

  /** Generates {@code week}'s roster from the week before, once. */
  Generated generate(LocalDate week, String by) {
    LocalDate target = Roster.weekOf(week);
    try {
      return tx.execute(s -> generateOnce(target, by));
    } catch (DataIntegrityViolationException raced) {
      return new Generated(target, 0, "已由另一节点生成");
    }
  }

  private Generated generateOnce(LocalDate week, String by) {
    Integer done =
        jdbc.queryForObject(
            "select count(*) from roster_week where week_start = ?", Integer.class, week);
    if (done != null && done > 0) {
      return new Generated(week, 0, "本周排班已生成过");
    }
    if (!roster.week(week).isEmpty()) {
      mark(week, by);
      return new Generated(week, 0, "本周已有排班，未覆盖");
    }
    List<Roster.Assignment> before = roster.week(week.minusWeeks(1));
    if (before.isEmpty()) {
      return new Generated(week, 0, "上周没有排班，无从轮换");
    }
    mark(week, by); // first: a second node's run fails here, before it writes anything
    int assigned = 0;
    for (Roster.Assignment a : before) {
      var next = shifts.rotated(a.shift());
      if (next.isPresent()) {
        roster.assign(week, a.userId(), next.get().code(), by);
        assigned++;
      }
    }
    return new Generated(week, assigned, null);
  }

  private void mark(LocalDate week, String by) {
    jdbc.update(
        "insert into roster_week (week_start, generated_at, generated_by) values (?,?,?)",
        week,
        OffsetDateTime.now(clock),
        by);
  }
}
