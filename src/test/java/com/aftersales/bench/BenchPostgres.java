package com.aftersales.bench;

import com.aftersales.support.Postgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The PostgreSQL the benchmarks run on: the server {@code scripts/benchmark} starts on this machine
 * (its address in {@code -Dbench.postgres.url}, e.g. {@code jdbc:postgresql://127.0.0.1:55433/}),
 * or, when run without it, the embedded server the tests use.
 */
final class BenchPostgres {

  /** Base URL of the server, ending in "/", or blank for the embedded server. */
  static final String URL = System.getProperty("bench.postgres.url", "").trim();

  static final String USER = System.getProperty("bench.postgres.user", "postgres");

  private BenchPostgres() {}

  static boolean isServer() {
    return !URL.isEmpty();
  }

  static String label() {
    return isServer() ? "PostgreSQL 15 (server on this machine)" : "PostgreSQL (embedded)";
  }

  static String jdbcUrl(String database) {
    return isServer() ? URL + database : Postgres.server().getJdbcUrl("postgres", database);
  }

  static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database), USER, "");
  }

  /** Points the application at a fresh database {@code database} on the benchmark's server. */
  static void register(DynamicPropertyRegistry registry, String database) {
    try (Connection c = connect("postgres")) {
      Postgres.recreate(c, database);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
    if (isServer()) {
      try (Connection c = connect(database);
          var s = c.createStatement()) {
        s.execute("create extension if not exists pg_stat_statements");
      } catch (SQLException e) {
        throw new IllegalStateException("pg_stat_statements is not loaded on the server", e);
      }
    }
    registry.add("spring.datasource.url", () -> jdbcUrl(database));
    registry.add("spring.datasource.username", () -> USER);
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    registry.add("camunda.bpm.database.type", () -> "postgres");
    // as the postgres profile does
    registry.add(
        "spring.datasource.hikari.connection-init-sql",
        () -> "set jit = off; set plan_cache_mode = force_custom_plan");
    registry.add(
        "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts",
        () -> System.getProperty("bench.postgres.rewrite-batched-inserts", "true"));
  }
}
