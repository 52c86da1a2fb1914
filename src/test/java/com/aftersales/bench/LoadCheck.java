package com.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database says about the completions the load test was told succeeded: each task ended
 * once as completed by the agent who completed it, its case's timeline holds that step exactly
 * once, no task of that step is open again in its process, and no agent completed a task the
 * harness did not see succeed (nothing lost, nothing done twice).
 */
final class LoadCheck {

  private final JdbcTemplate jdbc;

  private final List<String> failures = new ArrayList<>();

  LoadCheck(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Checks and answers a summary; {@link #assertHeld} fails if anything was lost or done twice. */
  String verify(Collection<AgentLoad.Done> done, List<String> agents) {
    jdbc.execute("drop table if exists bench_load_done");
    jdbc.execute("create table bench_load_done (task_id varchar(64), agent varchar(64))");
    List<Object[]> rows = new ArrayList<>();
    done.forEach(d -> rows.add(new Object[] {d.taskId(), d.agent()}));
    jdbc.batchUpdate("insert into bench_load_done values (?, ?)", rows);
    long reported = done.size();
    long distinct = count("select count(distinct task_id) from bench_load_done");
    long completedByThem =
        count(
            "select count(*) from bench_load_done d join ACT_HI_TASKINST h on h.ID_ = d.task_id"
                + " where h.END_TIME_ is not null and h.DELETE_REASON_ = 'completed'"
                + " and h.ASSIGNEE_ = d.agent");
    // the step's activity ended once, and the case's timeline holds the step from that agent only
    long timelineOnce =
        count(
            "select count(*) from bench_load_done d join ACT_HI_TASKINST h on h.ID_ = d.task_id"
                + " join ACT_HI_PROCINST p on p.ID_ = h.PROC_INST_ID_"
                + " where (select count(*) from ACT_HI_ACTINST a where a.PROC_INST_ID_ ="
                + " h.PROC_INST_ID_ and a.ACT_ID_ = h.TASK_DEF_KEY_ and a.END_TIME_ is not null) = 1"
                + " and exists (select 1 from case_event e where e.case_id = p.BUSINESS_KEY_"
                + " and e.step = h.TASK_DEF_KEY_ and e.actor = d.agent)"
                + " and not exists (select 1 from case_event e where e.case_id = p.BUSINESS_KEY_"
                + " and e.step = h.TASK_DEF_KEY_ and (e.actor is null or e.actor <> d.agent))");
    long openAgain =
        count(
            "select count(*) from bench_load_done d join ACT_HI_TASKINST h on h.ID_ = d.task_id"
                + " where exists (select 1 from ACT_RU_TASK t where t.PROC_INST_ID_ ="
                + " h.PROC_INST_ID_ and t.TASK_DEF_KEY_ = h.TASK_DEF_KEY_)");
    String in = OpenWorkSeed.in(agents);
    long completedInDb =
        count(
            "select count(*) from ACT_HI_TASKINST where END_TIME_ is not null"
                + " and DELETE_REASON_ = 'completed' and ASSIGNEE_ in "
                + in);
    long claimedOpen = count("select count(*) from ACT_RU_TASK where ASSIGNEE_ in " + in);
    jdbc.execute("drop table bench_load_done");
    String summary =
        String.format(
            Locale.ROOT,
            "checked in the database: %,d of %,d completions ended once by their agent, %,d ended"
                + " their step once and are on their case's timeline from that agent only, %,d left the step open again, %,d"
                + " completions by the agents the harness did not count, %,d reported twice;"
                + " %,d tasks claimed and left open at the end",
            completedByThem,
            reported,
            timelineOnce,
            openAgain,
            completedInDb - reported,
            reported - distinct,
            claimedOpen);
    failures.clear();
    if (completedByThem != reported
        || timelineOnce != reported
        || openAgain != 0
        || completedInDb != reported
        || distinct != reported) {
      failures.add(summary);
    }
    return summary;
  }

  /** Fails the test when the last {@link #verify} found anything lost or done twice. */
  void assertHeld() {
    assertThat(failures).as("lost or done twice").isEmpty();
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }
}
