package com.aftersales.bench;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Statements (from {@code pg_stat_statements}, without transaction control) and commits (from
 * {@code pg_stat_database}) of the application's database, to say what a case step costs the
 * database. {@link #NONE} counts nothing, for H2 and the embedded server.
 */
class DatabaseCounters {

  static final DatabaseCounters NONE = new DatabaseCounters(null);

  /**
   * Prefix of the statements the server runs inside others (the foreign-key checks of an insert,
   * "select … from only …"): counted apart, {@code statements} are those the application sends.
   */
  static final String NESTED = "(inside) ";

  /** The counters at one moment; {@code calls} per statement kind (see {@link #kind}). */
  record Snapshot(long statements, long commits, Map<String, Long> calls) {}

  /** What happened between two snapshots. */
  record Delta(long statements, long commits, Map<String, Long> calls) {
    static final Delta ZERO = new Delta(0, 0, Map.of());

    /** Statements the server ran inside the application's (foreign-key checks). */
    long nested() {
      return calls.entrySet().stream()
          .filter(e -> e.getKey().startsWith(NESTED))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    Delta plus(Delta other) {
      Map<String, Long> sum = new TreeMap<>(calls);
      other.calls.forEach((k, v) -> sum.merge(k, v, Long::sum));
      return new Delta(statements + other.statements, commits + other.commits, sum);
    }
  }

  private static final Pattern KIND =
      Pattern.compile(
          "^\\s*(?:with\\b.*?\\)\\s*)?(select|insert|update|delete)\\b.*?"
              + "(?:\\bfrom|\\binto|^\\s*update)\\s+([a-z_0-9.]+)",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  /**
   * A statement's kind: its verb and its first table ("insert act_hi_varinst"), so that what a case
   * costs reads as a short list; statements of another shape keep their first 60 characters.
   */
  static String kind(String query) {
    String q = query.replaceAll("\\s+", " ").trim();
    if (q.regionMatches(true, 0, "update ", 0, 7)) {
      return ("update " + q.substring(7).split(" ")[0]).toLowerCase(Locale.ROOT);
    }
    Matcher m = KIND.matcher(q);
    if (m.find()) {
      return (m.group(1) + " " + m.group(2)).toLowerCase(Locale.ROOT);
    }
    return q.length() > 60 ? q.substring(0, 60) : q;
  }

  private final JdbcTemplate jdbc;

  DatabaseCounters(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Snapshot snapshot() {
    if (jdbc == null) {
      return new Snapshot(0, 0, Map.of());
    }
    settle();
    Map<String, Long> calls = new TreeMap<>();
    jdbc.query(
        "select s.query, s.toplevel, sum(s.calls) from pg_stat_statements s"
            + " join pg_database d on d.oid = s.dbid where d.datname = current_database()"
            + " and s.query !~* '^\\s*(begin|commit|rollback|set|show|savepoint|release)'"
            + " and s.query not like '%pg_stat%' group by s.query, s.toplevel",
        rs -> {
          String kind = kind(rs.getString(1));
          calls.merge(rs.getBoolean(2) ? kind : NESTED + kind, rs.getLong(3), Long::sum);
        });
    long statements =
        calls.entrySet().stream()
            .filter(e -> !e.getKey().startsWith(NESTED))
            .mapToLong(Map.Entry::getValue)
            .sum();
    Long commits =
        jdbc.queryForObject(
            "select xact_commit from pg_stat_database where datname = current_database()",
            Long.class);
    return new Snapshot(statements, commits, calls);
  }

  Delta since(Snapshot before) {
    Snapshot now = snapshot();
    Map<String, Long> calls = new TreeMap<>();
    now.calls()
        .forEach(
            (k, v) -> {
              long d = v - before.calls().getOrDefault(k, 0L);
              if (d != 0) {
                calls.put(k, d);
              }
            });
    return new Delta(
        now.statements() - before.statements(), now.commits() - before.commits(), calls);
  }

  /**
   * The statement kinds where one side's cases cost most beyond the other's, per case, largest
   * first: "insert act_hi_varinst 41.0 vs 3.0".
   */
  static java.util.List<String> largestDifferences(Delta ours, Delta bare, int cases, int top) {
    java.util.Set<String> kinds = new java.util.TreeSet<>(ours.calls().keySet());
    kinds.addAll(bare.calls().keySet());
    return kinds.stream()
        .sorted(
            java.util.Comparator.comparingLong(
                    (String k) ->
                        ours.calls().getOrDefault(k, 0L) - bare.calls().getOrDefault(k, 0L))
                .reversed())
        .limit(top)
        .map(
            k ->
                String.format(
                    Locale.ROOT,
                    "%s %.1f vs %.1f",
                    k,
                    (double) ours.calls().getOrDefault(k, 0L) / cases,
                    (double) bare.calls().getOrDefault(k, 0L) / cases))
        .toList();
  }

  /**
   * "; statements sent per task 19.1 vs 12.0, the largest differences per task (handover vs bare):
   * …", for the end of a result line; {@code n} is the number of tasks or cases on each side.
   */
  static String comparison(Delta ours, Delta bare, int n, String unit, String sides, int top) {
    return String.format(
        Locale.ROOT,
        "; statements sent per %s %.1f vs %.1f, the largest differences per %s (%s): %s",
        unit,
        (double) ours.statements() / n,
        (double) bare.statements() / n,
        unit,
        sides,
        String.join(", ", largestDifferences(ours, bare, n, top)));
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
