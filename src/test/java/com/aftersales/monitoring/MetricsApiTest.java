package com.aftersales.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.api.Rest;
import com.aftersales.support.TestOrders;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code /actuator} as operations, an agent and a load balancer see it: the named metrics after a
 * damage claim ran to a refund, who may read them, and health without a login.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability
@org.springframework.test.context.TestPropertySource(
    properties = {"aftersales.metrics.refresh-interval=PT7M", "aftersales.metrics.shop-calls=true"})
@ExtendWith(com.aftersales.support.ActiveEngine.class)
class MetricsApiTest {

  @Autowired TestRestTemplate http;
  @Autowired TestOrders orders;
  @Autowired ManagementService management;
  @Autowired WorkGauges gauges;
  @Autowired org.springframework.scheduling.config.ScheduledTaskHolder scheduled;

  private Rest as(String user) {
    return new Rest(http, user, "demo");
  }

  private String scrape() {
    ResponseEntity<String> r = as("ops").get("/actuator/prometheus");
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    return r.getBody();
  }

  /** The value of one series, e.g. {@code aftersales_cases_opened_total{kind="DAMAGE"}}. */
  private static double value(String scrape, String name, String... labels) {
    Pattern line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(.*)\\} (\\S+)$");
    Matcher m = line.matcher(scrape);
    double sum = 0;
    boolean found = false;
    while (m.find()) {
      String tags = m.group(1);
      boolean all = true;
      for (String label : labels) {
        all &= tags.contains(label);
      }
      if (all) {
        sum += Double.parseDouble(m.group(2));
        found = true;
      }
    }
    assertThat(found).as("series %s %s in the scrape", name, List.of(labels)).isTrue();
    return sum;
  }

  private void runJobs() {
    for (int round = 0; round < 10; round++) {
      List<Job> due = management.createJobQuery().executable().messages().list();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(j -> management.executeJob(j.getId()));
    }
  }

  @Test
  void afterAClaimRunsToARefundTheNamedMetricsAreScraped() {
    String before = scrape();
    double opened = value(before, "aftersales_cases_opened_total", "kind=\"DAMAGE\"");
    double closed = value(before, "aftersales_cases_closed_total", "kind=\"DAMAGE\"");

    String orderId = orders.create("tb_metrics", "60.00", 1);
    Rest agent = as("agent1");
    ResponseEntity<String> r =
        agent.post(
            "/api/cases",
            Map.of(
                "kind",
                "DAMAGE",
                "orderId",
                orderId,
                "buyerId",
                "tb_metrics",
                "description",
                "碎了"));
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
    String caseId = agent.json(r).path("caseId").asText();
    assertThat(agent.get("/api/cases/" + caseId).getStatusCode().value()).isEqualTo(200);
    agent.claimAndComplete(
        agent.task(caseId, "userTask_collectEvidence"),
        "photoCount",
        3,
        "waybillPhotoReceived",
        true,
        "evidenceDescription",
        "外箱破损，瓶身有裂纹",
        "buyerMessageSent",
        true);
    // the tasks open now, counted on the next refresh
    gauges.refresh();
    String open = scrape();
    assertThat(value(open, "aftersales_tasks_open", "queue=\"agents\"")).isGreaterThanOrEqualTo(1);
    agent.claimAndComplete(
        agent.task(caseId, "userTask_checkEvidence"),
        "damageType",
        "UNUSABLE",
        "defectiveCount",
        1,
        "courierAtFault",
        false,
        "parcelIntact",
        false);
    String offer = agent.task(caseId, "userTask_offerResolution");
    agent.claimAndComplete(
        offer, "buyerChoice", "REFUND", "refundAmount", 60, "buyerMessageSent", true);
    runJobs();
    agent.claimAndComplete(
        agent.task(caseId, "userTask_collectAccount"),
        "payeeChannel",
        "ALIPAY",
        "payeeName",
        "张三",
        "payeeAccount",
        "13800001234",
        "accountConfirmed",
        true);
    runJobs();
    Rest finance = as("finance");
    finance.claimAndComplete(
        finance.task(caseId, "userTask_transferRefund"),
        "refundDecision",
        "AGREE",
        "financeNote",
        "已核对");
    runJobs();
    assertThat(agent.json(agent.get("/api/cases/" + caseId)).path("status").asText())
        .isEqualTo("CLOSED");

    String after = scrape();
    // kept for scripts/render-dashboard.sh, which draws the dashboard's panels from a real scrape
    try {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target", "actuator-prometheus.txt"), after);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    // the shop's work
    assertThat(value(after, "aftersales_cases_opened_total", "kind=\"DAMAGE\""))
        .isEqualTo(opened + 1);
    assertThat(value(after, "aftersales_cases_closed_total", "kind=\"DAMAGE\""))
        .isEqualTo(closed + 1);
    assertThat(value(after, "aftersales_refunds_agreed_total", "way=\"transfer\"")).isEqualTo(1);
    assertThat(value(after, "aftersales_refunds_agreed_amount_yuan_total", "way=\"transfer\""))
        .isEqualTo(60.0);
    assertThat(
            value(
                after,
                "aftersales_shop_calls_seconds_count",
                "operation=\"recordTransfer\"",
                "outcome=\"ok\""))
        .isEqualTo(1);
    assertThat(value(after, "aftersales_shop_calls_seconds_count", "operation=\"findOrder\""))
        .isGreaterThanOrEqualTo(1);
    // the engine: the refund's asynchronous steps ran as jobs
    assertThat(value(after, "aftersales_jobs_executed_total")).isGreaterThanOrEqualTo(1);
    assertThat(after)
        .contains("aftersales_jobs_failed_total")
        .contains("aftersales_jobs_acquired_total")
        .contains("aftersales_job_executor_queue")
        .contains("aftersales_jobs_due ")
        .contains("aftersales_metrics_refreshed_age_seconds");
    // HTTP latency per endpoint, with the case and task ids folded into the endpoint's template
    assertThat(
            value(
                after,
                "http_server_requests_seconds_count",
                "uri=\"/api/cases/{caseId}\"",
                "method=\"GET\""))
        .isGreaterThanOrEqualTo(2);
    assertThat(
            value(
                after,
                "http_server_requests_seconds_count",
                "uri=\"/engine-rest/task/{id}/complete\""))
        .isGreaterThanOrEqualTo(4);
    // (the test's own client is measured too, with its literal URIs: only the server's series
    // count)
    assertThat(after.lines().filter(l -> l.startsWith("http_server_requests")))
        .isNotEmpty()
        .noneMatch(l -> l.contains(caseId) || l.contains(offer));
    assertThat(after).contains("http_server_requests_seconds_bucket");
  }

  @Test
  void anAgentIsRefusedTheMetricsAndNobodySignedInIsAskedToSignIn() {
    for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator")) {
      assertThat(as("agent1").get(path).getStatusCode().value()).as(path).isEqualTo(403);
      assertThat(as("supervisor").get(path).getStatusCode().value()).as(path).isEqualTo(403);
      assertThat(new Rest(http, null, null).get(path).getStatusCode().value())
          .as(path)
          .isEqualTo(401);
      // (a wrong password for ops itself would lock ops out for a few seconds: Camunda's login
      // delay)
      assertThat(new Rest(http, "nobody", "wrong").get(path).getStatusCode().value())
          .as(path)
          .isEqualTo(401);
    }
    assertThat(as("ops").get("/actuator/metrics").getStatusCode().value()).isEqualTo(200);
    assertThat(as("ops").get("/actuator/metrics/aftersales.tasks.open").getStatusCode().value())
        .isIn(200, 404);
  }

  @Test
  void healthIsOpenToAnyoneWithItsDetailsForOperationsOnly() {
    Rest anonymous = new Rest(http, null, null);
    ResponseEntity<String> open = anonymous.get("/actuator/health");
    assertThat(open.getStatusCode().value()).as(open.getBody()).isEqualTo(200);
    JsonNode status = anonymous.json(open);
    assertThat(status.path("status").asText()).isEqualTo("UP");
    assertThat(status.has("components")).isFalse();
    assertThat(as("agent1").json(as("agent1").get("/actuator/health")).has("components")).isFalse();

    JsonNode details = as("ops").json(as("ops").get("/actuator/health"));
    assertThat(details.path("components").path("db").path("status").asText()).isEqualTo("UP");
    // the tests run jobs themselves: this node has no job executor switched on
    assertThat(details.path("components").path("jobExecutor").path("status").asText())
        .isEqualTo("UNKNOWN");
    assertThat(
            details
                .path("components")
                .path("jobExecutor")
                .path("details")
                .path("enabled")
                .asBoolean(true))
        .isFalse();
  }

  @Test
  void theOpenWorkIsCountedOnTheConfiguredIntervalNotPerScrape() throws Exception {
    List<org.springframework.scheduling.config.FixedDelayTask> refreshes =
        scheduled.getScheduledTasks().stream()
            .map(org.springframework.scheduling.config.ScheduledTask::getTask)
            .filter(t -> t instanceof org.springframework.scheduling.config.FixedDelayTask)
            .map(t -> (org.springframework.scheduling.config.FixedDelayTask) t)
            .filter(
                t -> t.getRunnable().toString().contains(WorkGauges.class.getName() + ".refresh"))
            .toList();
    assertThat(refreshes).hasSize(1);
    assertThat(refreshes.get(0).getIntervalDuration()).isEqualTo(java.time.Duration.ofMinutes(7));
  }
}
