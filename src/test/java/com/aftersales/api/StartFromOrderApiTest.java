package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseKind;
import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Opening a case over HTTP with the kind, the order number and the description alone ({@code POST
 * /api/cases} and Tasklist's start form through {@code /engine-rest}); a start form the server
 * refuses is answered with the clerk's message only, without the engine's English prefix.
 */
class StartFromOrderApiTest extends ProcessTestBase {

  private static final String BUYER = "tb_api_order";

  @Autowired TestRestTemplate http;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;

  private Rest agent() {
    return new Rest(http, "agent1", "demo");
  }

  private String order() {
    String orderId = orders.create(BUYER, "30.00", 1);
    orders.status(orderId, "SUCCEEDED");
    return orderId;
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(CaseKind.class)
  void everyKindOpensWithTheKindTheOrderAndTheDescriptionAlone(CaseKind kind) {
    String orderId = order();
    Map<String, Object> body = new HashMap<>();
    body.put("kind", kind.name());
    body.put("orderId", orderId);
    body.put("description", "买家在千牛说明了情况");
    if (kind == CaseKind.PRICE_DROP) {
      body.put("newPrice", 20.0);
      body.put("priceCutDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
    }
    ResponseEntity<String> r = agent().post("/api/cases", body);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
    JsonNode view = agent().json(r);
    assertThat(view.path("caseId").asText()).isEqualTo(kind.openKey(orderId));
    assertThat(view.path("buyerId").asText()).isEqualTo(BUYER);
  }

  @Test
  void aBuyerWhoIsNotTheOrdersIsStillRefusedNamingTheField() {
    String orderId = order();
    ResponseEntity<String> r =
        agent()
            .post(
                "/api/cases",
                Map.of(
                    "kind",
                    "RETURN",
                    "orderId",
                    orderId,
                    "buyerId",
                    "tb_other",
                    "description",
                    "x"));
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    JsonNode problem = agent().json(r);
    assertThat(problem.path("field").asText()).isEqualTo("buyerId");
    assertThat(problem.path("detail").asText() + problem.path("message").asText())
        .contains("订单 " + orderId + " 的买家不是 tb_other，请核对买家会员名");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("RETURN-" + orderId)
                .count())
        .isZero();
  }

  private ResponseEntity<String> submitStartForm(String path, Map<String, Object> values) {
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
    return agent().post(path, Map.of("variables", variables));
  }

  /**
   * By key and by id, as a start form and as a plain REST start (Tasklist: {@code
   * TasklistBrowserIT}).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "/engine-rest/process-definition/key/refund/submit-form",
        "/engine-rest/process-definition/{id}/submit-form",
        "/engine-rest/process-definition/key/refund/start",
        "/engine-rest/process-definition/{id}/start"
      })
  void aRefusedStartFormShowsTheClerksReasonOnly(String path) {
    String id =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey("refund")
            .latestVersion()
            .singleResult()
            .getId();
    String url = path.replace("{id}", id);
    String orderId = order();
    ResponseEntity<String> started =
        submitStartForm(url, Map.of("orderId", orderId, "description", "不想要了"));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);

    ResponseEntity<String> twin =
        submitStartForm(url, Map.of("orderId", orderId, "description", "又来一次"));
    assertThat(twin.getStatusCode().value()).isEqualTo(400);
    assertThat(agent().json(twin).path("message").asText())
        .isEqualTo("订单 " + orderId + " 已有进行中的退款售后单 REFUND-" + orderId + "，请直接处理该售后单");

    ResponseEntity<String> unknown =
        submitStartForm(url, Map.of("orderId", "NOPE-7", "description", "x"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(agent().json(unknown).path("message").asText()).isEqualTo("找不到订单 NOPE-7，请核对订单编号");
  }
}
