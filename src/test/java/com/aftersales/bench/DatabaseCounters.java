package com.aftersales.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements (from {@code pg_stat_statements}, without transaction control) and commits (from
 * {@code pg_stat_database}) of the application's database, to say what a case step costs the
 * database. {@link #NONE} counts nothing, for H2 and the embedded server.
 */
class DatabaseCounters {

  static final DatabaseCounters NONE = new DatabaseCounters(null);

  record Snapshot(long statements, long commits) {}

  record Delta(long statements, long commits) {
    static final Delta ZERO = new Delta(0, 0);

    Delta plus(Delta other) {
      return new Delta(statements + other.statements, commits + other.commits);
    }
  }

  private final JdbcTemplate jdbc;

  DatabaseCounters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Snapshot snapshot() {
    if (jdbc == null) {
      return new Snapshot(0, 0);
    }
    settle();
    Long statements =
        jdbc.queryForObject(
            "select coalesce(sum(s.calls), 0) from pg_stat_statements s"
                + " join pg_database d on d.oid = s.dbid where d.datname = current_database()"
                + " and s.query !~* '^\\s*(begin|commit|rollback|set|show|savepoint|release)'"
                + " and s.query not like '%pg_stat%'",
            Long.class);
    Long commits =
        jdbc.queryForObject(
            "select xact_commit from pg_stat_database where datname = current_database()",
            Long.class);
    return new Snapshot(statements, commits);
  }

  Delta since(Snapshot before) {
    Snapshot now = snapshot();
    return new Delta(now.statements() - before.statements(), now.commits() - before.commits());
  }

  /** Other sessions report their counters when idle, at most once a second. */
  private static void settle() {
    try {
      Thread.sleep(1_500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
