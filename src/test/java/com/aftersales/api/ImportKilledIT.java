package com.aftersales.api;

import static com.aftersales.orders.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.AfterSalesApplication;
import com.aftersales.orders.OrderImportTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A node killed ({@code kill -9}) in the middle of an order import: when it starts again on the
 * same database it marks that import failed at once, not after {@code stale-after} (5 minutes, left
 * as it is here), and leaves another node's running import alone; importing the file again
 * completes it, each order once. The node runs in a JVM of its own; its output is kept in {@code
 * target/import-killed-it/}.
 */
class ImportKilledIT {

  /** Enough rows that the import is still running when the node is killed. */
  private static final int ROWS = 40_000;

  private static final Path LOGS = Path.of("target", "import-killed-it");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String AGENT =
      "Basic " + Base64.getEncoder().encodeToString("agent1:demo".getBytes(StandardCharsets.UTF_8));

  /** The application in a JVM of its own, on the H2 database at {@code db}. */
  private static final class Node implements AutoCloseable {
    final Process process;
    final Path log;
    final int port;

    Node(String db, int port, String name) throws IOException {
      this.port = port;
      Files.createDirectories(LOGS);
      this.log = LOGS.resolve(name + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      // a short-lived node on few cores: a quick start matters more than peak speed
      command.add("-Xmx512m");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-XX:+UseSerialGC");
      command.add("-cp");
      // surefire's real class path (java.class.path is only its manifest jar)
      command.add(
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
      command.add(AfterSalesApplication.class.getName());
      command.add("--spring.datasource.url=" + db);
      // the same fixed port at each start: the node keeps its default name, host:port
      command.add("--server.port=" + port);
      command.add("--camunda.bpm.job-execution.enabled=false");
      command.add("--aftersales.dunning.daily-run-enabled=false");
      command.add("--aftersales.follow-up.daily-run-enabled=false");
      command.add("--aftersales.shifts.release-scheduler=false");
      // the models from the project's folders (surefire's class path lists the classes twice)
      command.add(
          "--camunda.bpm.deployment-resource-pattern=file:bpmn/*.bpmn,file:bpmn/*.dmn,file:forms/*.form");
      this.process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
    }

    /** Waits until the node answers its API (a 404 for an import that does not exist). */
    void awaitAnswering(int seconds) throws Exception {
      long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      while (System.nanoTime() < until) {
        if (!process.isAlive()) {
          throw new AssertionError(
              "the node stopped while starting (exit " + process.exitValue() + ")" + tail());
        }
        try {
          if (get("/api/orders/imports/" + UUID.randomUUID()).statusCode() == 404) {
            return;
          }
        } catch (IOException notYet) {
          // still starting
        }
        Thread.sleep(250);
      }
      throw new AssertionError("the node did not answer within " + seconds + " s" + tail());
    }

    HttpResponse<String> get(String path) throws Exception {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Authorization", AGENT)
              .timeout(Duration.ofSeconds(20))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    JsonNode status(String id) throws Exception {
      HttpResponse<String> answer = get("/api/orders/imports/" + id);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      return JSON.readTree(answer.body());
    }

    /** Uploads an order report as a clerk does; answers the started import's status. */
    JsonNode upload(byte[] file, String fileName) throws Exception {
      String boundary = "----report" + UUID.randomUUID();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  + fileName
                  + "\"\r\nContent-Type: text/csv\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.write(file);
      body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> answer =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/orders/import"))
                  .header("Authorization", AGENT)
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .timeout(Duration.ofSeconds(60))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
      return JSON.readTree(answer.body());
    }

    /** Polls the import until it is no longer running. */
    JsonNode awaitEnd(String id, int seconds) throws Exception {
      long until = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      JsonNode status = status(id);
      while (status.get("status").asText().equals("RUNNING")) {
        if (System.nanoTime() > until) {
          throw new AssertionError(
              "import " + id + " still running after " + seconds + " s: " + status + tail());
        }
        Thread.sleep(200);
        status = status(id);
      }
      return status;
    }

    String tail() {
      try {
        List<String> lines = Files.readAllLines(log);
        return "\n(output in "
            + log.toAbsolutePath()
            + ", last lines:)\n"
            + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
      } catch (IOException e) {
        return " (no output in " + log + ")";
      }
    }

    /** {@code kill -9}: SIGKILL on Linux, nothing runs in the node any more. */
    void kill() throws InterruptedException {
      process.destroyForcibly();
      assertThat(
              process.waitFor(
                  Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
          .as("the node died")
          .isTrue();
      assertThat(process.isAlive()).isFalse();
    }

    @Override
    public void close() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  /** Another node's import, started a minute ago and heard from just now (or long ago). */
  private static String otherNodesImport(String db, String node, OffsetDateTime heardFrom)
      throws Exception {
    String id = UUID.randomUUID().toString();
    try (Connection c = DriverManager.getConnection(db, "sa", "");
        PreparedStatement insert =
            c.prepareStatement(
                "insert into order_import (id, file_name, format, encoding, status, rows_read,"
                    + " started_by, started_at, heartbeat_at, node_id)"
                    + " values (?,?,'CSV','UTF-8','RUNNING',500,'agent2',?,?,?)")) {
      insert.setString(1, id);
      insert.setString(2, "另一台服务器.csv");
      insert.setObject(3, heardFrom.minusMinutes(1));
      insert.setObject(4, heardFrom);
      insert.setString(5, node);
      insert.executeUpdate();
    }
    return id;
  }

  @Test
  void anImportKilledWithItsNodeIsFailedWhenTheNodeStartsAgainAndImportingAgainCompletesIt()
      throws Exception {
    Path dir = Files.createTempDirectory("import-killed");
    // H2 writes a commit to its file up to half a second later (WRITE_DELAY), so a kill loses the
    // last moment's commits; written at once, as PostgreSQL does, every batch seen is kept
    String db =
        "jdbc:h2:file:" + dir.resolve("aftersales") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    int port = freePort();

    String id;
    String node;
    JsonNode atKill;
    byte[] file;
    try (Node first = new Node(db, port, "first-start")) {
      long starting = System.nanoTime();
      // the report is written while the node starts
      List<Line> lines = new ArrayList<>(ROWS);
      for (int i = 0; i < ROWS; i++) {
        lines.add(
            Line.unpaid(
                OrderImportTest.orderNo(),
                "tb_killed" + (i % 500),
                "2026-11-21 " + String.format("%02d:%02d:00", i % 24, i % 60)));
      }
      file = csv(NEW_HEADINGS, lines, StandardCharsets.UTF_8, true);
      first.awaitAnswering(240);
      System.out.printf(
          "first start answered in %d s%n",
          Duration.ofNanos(System.nanoTime() - starting).toSeconds());
      JsonNode started = first.upload(file, "killed.csv");
      id = started.get("id").asText();
      node = started.get("node").asText();
      assertThat(node).endsWith(":" + port);
      // killed once rows are being written, well before the end
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      atKill = first.status(id);
      while (atKill.get("rowsRead").asInt() == 0
          && atKill.get("status").asText().equals("RUNNING")
          && System.nanoTime() < until) {
        Thread.sleep(20);
        atKill = first.status(id);
      }
      assertThat(atKill.get("status").asText())
          .as("the import runs when the node is killed: %s%s", atKill, first.tail())
          .isEqualTo("RUNNING");
      assertThat(atKill.get("rowsRead").asInt()).as("%s", atKill).isBetween(1, ROWS - 1);
      first.kill();
    }

    // meanwhile another node on the same database runs an import, and a third one died long ago
    String elsewhere = otherNodesImport(db, "other-node:8080", OffsetDateTime.now());
    String abandoned = otherNodesImport(db, "dead-node:8080", OffsetDateTime.now().minusHours(1));

    try (Node again = new Node(db, port, "second-start")) {
      long starting = System.nanoTime();
      again.awaitAnswering(240);
      long answering = System.nanoTime();
      // failed as the node starts, not after stale-after (5 minutes; the bound here only ends a
      // hanging test, generous for a loaded machine and still well short of it)
      JsonNode failed = again.awaitEnd(id, 90);
      System.out.printf(
          "killed after %d of %d rows; the node started again in %d s, the import read FAILED"
              + " %d ms after it answered%n",
          atKill.get("rowsRead").asInt(),
          ROWS,
          Duration.ofNanos(answering - starting).toSeconds(),
          Duration.ofNanos(System.nanoTime() - answering).toMillis());
      assertThat(failed.get("status").asText()).isEqualTo("FAILED");
      assertThat(failed.get("message").asText()).contains("服务器重启时中断", "请重新导入该文件");
      assertThat(failed.get("node").asText()).isEqualTo(node);
      int taken = failed.get("created").asInt();
      // the counters and the rows written before the kill go together (each batch one
      // transaction); how many of them outlived the kill is the database's matter
      assertThat(failed.get("rowsRead").asInt())
          .as("rows taken before the kill: %s (seen %s)", failed, atKill.get("rowsRead"))
          .isBetween(0, ROWS - 1)
          .isEqualTo(taken);
      // the other node's import is left to its node; the dead one's to the heartbeat rule
      assertThat(again.status(elsewhere).get("status").asText()).isEqualTo("RUNNING");
      assertThat(again.status(abandoned).get("status").asText()).isEqualTo("FAILED");
      assertThat(again.status(abandoned).get("message").asText()).contains("处理它的服务器停止了");

      // the clerk imports the same file again: it completes, each order once
      long reimport = System.nanoTime();
      JsonNode second = again.awaitEnd(again.upload(file, "killed.csv").get("id").asText(), 120);
      System.out.printf(
          "imported again in %d s%n", Duration.ofNanos(System.nanoTime() - reimport).toSeconds());
      assertThat(second.get("status").asText()).as("%s", second).isEqualTo("DONE");
      assertThat(second.get("rowsRead").asInt()).isEqualTo(ROWS);
      assertThat(second.get("failed").asInt()).isZero();
      assertThat(second.get("updated").asInt()).isZero();
      assertThat(second.get("unchanged").asInt()).isEqualTo(taken);
      assertThat(second.get("created").asInt()).isEqualTo(ROWS - taken);
    }
  }
}
