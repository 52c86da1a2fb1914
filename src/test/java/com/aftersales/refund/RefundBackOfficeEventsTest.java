package com.aftersales.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.aftersales.cases.CaseEvent;
import com.aftersales.cases.CaseRecord;
import com.aftersales.cases.CaseRepository;
import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The local back office's way in ({@code POST /api/refunds/events}) goes through the same handling
 * as the platform's messages: a CREATED event opens a refund case by itself, RETURNED moves a
 * return on, an event id makes a repeat change nothing.
 */
class RefundBackOfficeEventsTest extends ProcessTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  @Autowired TestRestTemplate http;
  @Autowired CaseRepository caseRepository;

  private String receivedOrder() {
    String orderId = orders.create("buyer_b", "40.00", 1);
    orders.status(orderId, "SHIPPED");
    orders.signedAt(orderId, OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
    return orderId;
  }

  private ResponseEntity<String> post(Map<String, Object> body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    try {
      return http.withBasicAuth("backoffice", "demo")
          .exchange(
              "/api/refunds/events",
              HttpMethod.POST,
              new HttpEntity<>(JSON.writeValueAsString(body), headers),
              String.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(ResponseEntity<String> r) {
    try {
      return JSON.readTree(r.getBody());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(r.getBody(), e);
    }
  }

  private static Map<String, Object> event(Object... keyValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private ProcessInstance instanceOf(String caseId) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .processDefinitionKey("refund")
        .singleResult();
  }

  @Test
  void shouldOpenACaseByItselfWhenTheBackOfficeReportsARefund() {
    String orderId = receivedOrder();
    String refundId = String.valueOf(7_000_000_000L + IDS.incrementAndGet());
    String eventId = "evt-" + IDS.incrementAndGet();
    Map<String, Object> filed =
        event(
            "orderId",
            orderId,
            "type",
            "CREATED",
            "refundId",
            refundId,
            "amount",
            30.5,
            "returnGoods",
            true,
            "note",
            "尺码不合适",
            "eventId",
            eventId);

    ResponseEntity<String> opened = post(filed);
    assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(200);
    assertThat(json(opened).path("outcome").asText()).isEqualTo("APPLIED");
    String caseId = json(opened).path("caseIds").get(0).asText();
    CaseRecord record = caseRepository.find(caseId).orElseThrow();
    assertThat(record.openedBy()).isEqualTo("backoffice");
    assertThat(record.description()).contains(refundId).contains("30.50 元").contains("尺码不合适");
    assertThat(caseRepository.timeline(caseId))
        .filteredOn(e -> e.step().equals("opened"))
        .extracting(CaseEvent::actor)
        .containsExactly("backoffice");

    // the same event again (same id): recognised, nothing happens
    JsonNode repeat = json(post(filed));
    assertThat(repeat.path("outcome").asText()).isEqualTo("IGNORED");
    assertThat(repeat.path("message").asText()).contains("已处理过");
    // reported again without an id: the refund has its case
    filed.remove("eventId");
    JsonNode again = json(post(filed));
    assertThat(again.path("outcome").asText()).isEqualTo("IGNORED");
    assertThat(again.path("message").asText()).contains("未重复开单");
    assertThat(caseRepository.openOf(orderId)).hasSize(1);

    // the buyer ships the return: the case goes to the warehouse
    ProcessInstance pi = instanceOf(caseId);
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_recordReturnShipment");
    ResponseEntity<String> shipped =
        post(
            event(
                "orderId",
                orderId,
                "type",
                "RETURNED",
                "refundId",
                refundId,
                "carrier",
                "圆通速递",
                "trackingNumber",
                "YT9988776655"));
    assertThat(json(shipped).path("outcome").asText()).as(shipped.getBody()).isEqualTo("APPLIED");
    assertThat(pi).isWaitingAt("userTask_inspectRefundReturn");

    // the back office pays it: the case ends, and a late copy changes nothing
    assertThat(
            json(post(event("orderId", orderId, "type", "PAID", "refundId", refundId)))
                .path("outcome")
                .asText())
        .isEqualTo("APPLIED");
    runDueJobs(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_paidByBackOffice");
    assertThat(
            json(post(event("orderId", orderId, "type", "CLOSED", "refundId", refundId)))
                .path("outcome")
                .asText())
        .isEqualTo("IGNORED");
    assertThat(caseRepository.find(caseId).orElseThrow().category())
        .isEqualTo("AGREED/BACK_OFFICE");
  }

  @Test
  void shouldSayWhyARefundOpenedNoCase() {
    String orderId = receivedOrder();
    JsonNode answer =
        json(
            post(
                event(
                    "orderId",
                    orderId,
                    "type",
                    "CREATED",
                    "refundId",
                    "7100000001",
                    "amount",
                    99)));
    assertThat(answer.path("outcome").asText()).isEqualTo("IGNORED");
    assertThat(answer.path("message").asText()).contains("未能自动开单").contains("超过可退金额");
    assertThat(caseRepository.openOf(orderId)).isEmpty();
  }

  @Test
  void shouldRefuseIncompleteEventsNamingTheField() {
    String orderId = receivedOrder();
    Object[][] cases = {
      {event("orderId", orderId, "type", "CREATED"), "refundId", "平台退款编号"},
      {event("orderId", orderId, "type", "CREATED", "refundId", "12a"), "refundId", "格式不对"},
      {
        event("orderId", orderId, "type", "CREATED", "refundId", "7100000002", "amount", 0),
        "amount",
        "大于 0"
      },
      {event("orderId", orderId, "type", "RETURNED", "carrier", "圆通"), "trackingNumber", "退货物流单号"},
      {event("orderId", orderId, "type", "RETURNED"), "carrier", "退货物流公司"},
      {event("orderId", orderId, "type", "PAID", "eventId", "x".repeat(101)), "eventId", "100"},
    };
    for (Object[] c : cases) {
      ResponseEntity<String> r = post(castMap(c[0]));
      assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
      assertThat(json(r).path("field").asText()).as(r.getBody()).isEqualTo(c[1]);
      assertThat(json(r).path("detail").asText()).contains((String) c[2]);
    }
    assertThat(caseRepository.openOf(orderId)).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object o) {
    return (Map<String, Object>) o;
  }
}
