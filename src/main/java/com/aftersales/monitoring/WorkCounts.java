package com.aftersales.monitoring;

import com.aftersales.shop.ShopContact;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the open work in a few grouped queries: open tasks per queue (candidate group) and
 * deadline, open incidents per type, jobs due and not yet taken, and when the shop was last heard
 * from. {@link WorkGauges} runs it on an interval, never per scrape.
 */
@Component
class WorkCounts implements Supplier<WorkCounts.Snapshot> {

  /** Where a task stands against its due date. */
  enum Deadline {
    OVERDUE,
    DUE_WITHIN_1H,
    DUE_WITHIN_24H,
    DUE_LATER,
    NO_DUE_DATE;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Tasks of a queue with a deadline standing; queue "none": no candidate group. */
  record TaskCount(String queue, Deadline deadline, long tasks) {}

  record Snapshot(
      Instant takenAt,
      List<TaskCount> tasks,
      Map<String, Long> incidents,
      long jobsDue,
      Instant oldestJobDue,
      long jobsWithoutRetries,
      Map<ShopContact.Channel, Instant> shopHeard) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final ShopContact shop;

  WorkCounts(JdbcTemplate jdbc, Clock clock, ShopContact shop) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.shop = shop;
  }

  @Override
  public Snapshot get() {
    Instant now = clock.instant();
    Timestamp at = Timestamp.from(now);
    List<TaskCount> tasks =
        jdbc.query(
            "select q, d, count(*) n from (select coalesce(l.GROUP_ID_, 'none') q, case"
                + " when t.DUE_DATE_ is null then 'NO_DUE_DATE'"
                + " when t.DUE_DATE_ < ? then 'OVERDUE'"
                + " when t.DUE_DATE_ < ? then 'DUE_WITHIN_1H'"
                + " when t.DUE_DATE_ < ? then 'DUE_WITHIN_24H'"
                + " else 'DUE_LATER' end d"
                + " from ACT_RU_TASK t left join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_"
                + " and l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null) x group by q, d",
            (rs, i) ->
                new TaskCount(
                    rs.getString("q"), Deadline.valueOf(rs.getString("d")), rs.getLong("n")),
            at,
            Timestamp.from(now.plus(Duration.ofHours(1))),
            Timestamp.from(now.plus(Duration.ofHours(24))));
    Map<String, Long> incidents = new HashMap<>();
    jdbc.query(
        "select INCIDENT_TYPE_, count(*) from ACT_RU_INCIDENT group by INCIDENT_TYPE_",
        rs -> {
          incidents.put(rs.getString(1), rs.getLong(2));
        });
    Object[] jobs =
        jdbc.queryForObject(
            "select count(*), min(coalesce(DUEDATE_, CREATE_TIME_)),"
                + " (select count(*) from ACT_RU_JOB where RETRIES_ = 0)"
                + " from ACT_RU_JOB where RETRIES_ > 0 and SUSPENSION_STATE_ = 1"
                + " and (DUEDATE_ is null or DUEDATE_ <= ?)"
                + " and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < ?)",
            (rs, i) -> new Object[] {rs.getLong(1), rs.getTimestamp(2), rs.getLong(3)},
            at,
            at);
    Map<ShopContact.Channel, Instant> heard = new java.util.EnumMap<>(ShopContact.Channel.class);
    for (ShopContact.ChannelStatus c : shop.channels()) {
      if (c.lastOkAt() != null) {
        heard.put(c.channel(), c.lastOkAt().toInstant());
      }
    }
    Timestamp oldest = (Timestamp) jobs[1];
    return new Snapshot(
        now,
        tasks,
        incidents,
        (Long) jobs[0],
        oldest == null ? null : oldest.toInstant(),
        (Long) jobs[2],
        heard);
  }
}
