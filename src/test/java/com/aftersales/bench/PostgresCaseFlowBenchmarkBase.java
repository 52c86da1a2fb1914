package com.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.Postgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmarks 1 and 5 on PostgreSQL, and on the server {@code scripts/benchmark} starts, benchmark
 * 6: {@code pgbench}'s simple-update rate on the same server in the same run, against the
 * statements and commits one case step costs (from {@code pg_stat_statements} and {@code
 * pg_stat_database}, counted while the claims of benchmark 1 ran).
 */
abstract class PostgresCaseFlowBenchmarkBase extends CaseFlowBenchmarkBase {

  static final String PGBENCH = System.getProperty("bench.pgbench", "");
  static final String HOST = System.getProperty("bench.postgres.host", "127.0.0.1");
  static final String PORT = System.getProperty("bench.postgres.port", "5432");
  static final int PGBENCH_CLIENTS = 8;
  static final int PGBENCH_SECONDS = Integer.getInteger("bench.pgbench.seconds", 20);

  @Override
  String database() {
    return BenchPostgres.label();
  }

  @Override
  DatabaseCounters counters() {
    return BenchPostgres.isServer() ? new DatabaseCounters(jdbc) : DatabaseCounters.NONE;
  }

  @Override
  void limit(
      int n,
      long oursSteps,
      long oursNanos,
      DatabaseCounters.Delta ours,
      long bareSteps,
      DatabaseCounters.Delta bare)
      throws Exception {
    assertThat(PGBENCH).as("-Dbench.pgbench (scripts/benchmark sets it)").isNotBlank();
    try (var c = BenchPostgres.connect("postgres")) {
      Postgres.recreate(c, "bench_pgbench");
    }
    run(PGBENCH, "-i", "-s", "10", "-q");
    String out =
        run(
            PGBENCH,
            "-b",
            "simple-update",
            "-c",
            Integer.toString(PGBENCH_CLIENTS),
            "-j",
            "2",
            "-T",
            Integer.toString(PGBENCH_SECONDS),
            "-n");
    Matcher m =
        Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
    assertThat(m.find()).as("pgbench's tps line in:%n%s", out).isTrue();
    double tps = Double.parseDouble(m.group(1));
    double seconds = oursNanos / 1e9;
    double claimsPerSecond = n / seconds;
    double commitsPerClaim = (double) ours.commits() / n;
    Results.line(
        label(),
        "6. the limit: pgbench simple-update alone on the same server, run after the claims (not beside"
            + " them), vs what a claim costs it",
        String.format(
            Locale.ROOT,
            "pgbench %,.0f TPS (%d clients); claims drove %,.0f commits/s = %.0f%% of it;"
                + " per claim %.0f statements, %.1f commits (per transaction of the driver %.1f"
                + " statements); bare model %.0f statements, %.1f commits per case; at pgbench's"
                + " rate the database alone would carry %.0f claims/s, %.1f× the %.1f/s measured",
            tps,
            PGBENCH_CLIENTS,
            ours.commits() / seconds,
            100 * ours.commits() / seconds / tps,
            (double) ours.statements() / n,
            commitsPerClaim,
            (double) ours.statements() / oursSteps,
            (double) bare.statements() / n,
            (double) bare.commits() / n,
            tps / commitsPerClaim,
            tps / commitsPerClaim / claimsPerSecond,
            claimsPerSecond));
  }

  private static String run(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of("-h", HOST, "-p", PORT, "-U", BenchPostgres.USER, "bench_pgbench"));
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out;
    try (var in = p.getInputStream()) {
      out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as("%s:%n%s", args, out).isZero();
    return out;
  }
}
