package com.aftersales.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.AfterSalesApplication;
import com.aftersales.support.TcpRelay;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Health as a load balancer and operations see it on a real PostgreSQL: UP with the job executor
 * running, DOWN (503) while the database is stopped, UP again once it is back, without a restart of
 * the application.
 */
class HealthPostgresIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpResponse<String> health(int port, boolean asOperations) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(30));
    if (asOperations) {
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString("ops:demo".getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Waits until health answers {@code status}, asked as operations (while the database is down the
   * login cannot be checked and the answer is the status alone): the last answer.
   */
  private JsonNode awaitHealth(int port, String status, int seconds) throws Exception {
    JsonNode last = null;
    for (int i = 0; i < seconds * 2; i++) {
      last = JSON.readTree(health(port, true).body());
      // operations see the components once the login is checked again (the users are in the
      // database too)
      if (status.equals(last.path("status").asText())
          && (status.equals("DOWN") || last.has("components"))) {
        return last;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("health not " + status + " within " + seconds + " s: " + last);
  }

  @Test
  void healthGoesDownWhenTheDatabaseStopsAndUpWhenItIsBack() throws Exception {
    Path data = Files.createTempDirectory("pg-health");
    TcpRelay relay = new TcpRelay();
    EmbeddedPostgres pg =
        EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
    relay.to(pg.getPort());
    String url = "jdbc:postgresql://localhost:" + relay.port() + "/postgres?user=postgres";
    try (relay;
        ConfigurableApplicationContext app =
            new SpringApplicationBuilder(AfterSalesApplication.class)
                .run(
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=postgres",
                    "--spring.datasource.password=",
                    "--spring.datasource.driver-class-name=org.postgresql.Driver",
                    "--camunda.bpm.database.type=postgres",
                    "--camunda.bpm.job-execution.enabled=true",
                    "--aftersales.dunning.daily-run-enabled=false",
                    "--aftersales.follow-up.daily-run-enabled=false",
                    "--aftersales.logistics.detector-enabled=false",
                    "--spring.datasource.hikari.connection-timeout=2000",
                    "--server.port=0")) {
      int port = ((WebServerApplicationContext) app).getWebServer().getPort();

      JsonNode up = awaitHealth(port, "UP", 60);
      assertThat(up.path("components").path("db").path("status").asText()).isEqualTo("UP");
      assertThat(up.path("components").path("jobExecutor").path("status").asText()).isEqualTo("UP");
      assertThat(up.path("components").path("jobExecutor").path("details").toString())
          .contains("\"active\":true")
          .contains("\"acquisitionThreadAlive\":true");
      HttpResponse<String> anonymous = health(port, false);
      assertThat(anonymous.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(anonymous.body()).has("components")).isFalse();

      pg.close();
      relay.cut();
      awaitHealth(port, "DOWN", 60);
      // a load balancer takes the node out: 503, and no details without a login
      HttpResponse<String> outage = health(port, false);
      assertThat(outage.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(outage.body()).path("status").asText()).isEqualTo("DOWN");

      pg = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start();
      relay.to(pg.getPort());
      JsonNode back = awaitHealth(port, "UP", 90);
      assertThat(back.path("components").path("db").path("status").asText()).isEqualTo("UP");
      assertThat(back.path("components").path("jobExecutor").path("status").asText())
          .isEqualTo("UP");
      assertThat(health(port, false).statusCode()).isEqualTo(200);
    } finally {
      pg.close();
    }
  }
}
