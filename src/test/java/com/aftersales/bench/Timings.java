package com.aftersales.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The timings of one measured action, possibly gathered over several rounds, and how the action
 * failed if it did: a query the statement timeout stopped, or any other error, is reported as
 * failed with its cause and how many samples had been taken, never as a time.
 */
final class Timings {

  /** SQLSTATE of a statement cancelled by the statement timeout (PostgreSQL and H2). */
  static final String QUERY_CANCELED = "57014";

  private final List<Double> ms = new ArrayList<>();
  private String failure;

  /**
   * Runs {@code action} 5 times unmeasured, then up to {@code samples} timed runs, or as many as
   * fit in {@code budgetSeconds} (at least 10).
   */
  Timings measure(Runnable action, int samples, int budgetSeconds) {
    if (failure != null) {
      return this; // failed in an earlier round: not tried again
    }
    int taken = 0;
    try {
      for (int i = 0; i < 2; i++) {
        action.run();
      }
      long budget = System.nanoTime() + budgetSeconds * 1_000_000_000L;
      while (taken < samples && (taken < 5 || System.nanoTime() < budget)) {
        long start = System.nanoTime();
        action.run();
        ms.add((System.nanoTime() - start) / 1e6);
        taken++;
      }
    } catch (RuntimeException e) {
      failure = describe(e) + " (after " + taken + " timed runs this round)";
    }
    return this;
  }

  boolean failed() {
    return failure != null;
  }

  double percentile(double p) {
    List<Double> sorted = ms.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
  }

  @Override
  public String toString() {
    if (failure != null) {
      return "FAILED: " + failure;
    }
    return String.format(
        Locale.ROOT, "%.1f/%.1f/%.1f ms", percentile(0.50), percentile(0.95), percentile(0.99));
  }

  /** What went wrong, in one short phrase. */
  static String describe(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
        return "stopped by the statement timeout";
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
    return root.getClass().getSimpleName()
        + ": "
        + (message.length() > 160 ? message.substring(0, 160) + "…" : message);
  }
}
