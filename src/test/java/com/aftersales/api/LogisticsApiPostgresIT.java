package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.Postgres;
import com.aftersales.support.TestOrders;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A courier reports a lost parcel by waybill over HTTP, on PostgreSQL: the order is found from the
 * waybill, the agent extends the buyer's receipt time and confirms the loss, the warehouse reships,
 * and the register lists and exports the case in Chinese with the buyer's phone masked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(com.aftersales.support.ActiveEngine.class)
class LogisticsApiPostgresIT {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "aftersales_logistics");
  }

  @Autowired TestRestTemplate http;
  @Autowired TestOrders orders;
  @Autowired JdbcTemplate jdbc;

  private Rest as(String user) {
    return new Rest(http, user, "demo");
  }

  @Test
  void aCourierReportedLostParcelIsReshippedAndRegistered() throws Exception {
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    String orderId = orders.create("tb_lost", "66.00", 1);
    orders.status(orderId, "SHIPPED");
    String waybill = "ZT" + orderId.substring(2);
    jdbc.update("update shop_order set tracking_number = ? where order_id = ?", waybill, orderId);
    Rest warehouse = as("warehouse");
    Rest agent = as("agent1");
    Rest admin = new Rest(http, "admin", "admin");

    ResponseEntity<String> unknown =
        warehouse.post("/api/logistics/courier-reports", Map.of("waybillNumber", "ZT000000000000"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody()).contains("waybillNumber").contains("打单软件");
    ResponseEntity<String> reported =
        warehouse.post(
            "/api/logistics/courier-reports",
            Map.of("waybillNumber", waybill, "description", "网点称包裹丢失"));
    assertThat(reported.getStatusCode().value()).as(reported.getBody()).isEqualTo(201);
    String caseId = warehouse.json(reported).path("caseId").asText();
    assertThat(warehouse.json(reported).path("orderId").asText()).isEqualTo(orderId);
    assertThat(
            warehouse
                .post("/api/logistics/courier-reports", Map.of("waybillNumber", waybill))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    admin.runJobs(caseId);

    agent.claimAndComplete(
        agent.task(caseId, "userTask_assessTrace"),
        "parcelSituation",
        "LOST",
        "assessNote",
        "快递确认丢失");
    agent.claimAndComplete(
        agent.task(caseId, "userTask_extendReceipt"),
        "receiptExtension",
        "EXTEND",
        "extendDays",
        "7");
    admin.runJobs(caseId);
    assertThat(
            agent
                .claimAndComplete(
                    agent.task(caseId, "userTask_confirmLoss"),
                    "lossConfirmed",
                    true,
                    "lossAmount",
                    66.00,
                    "buyerMessageSent",
                    true)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    admin.runJobs(caseId);
    warehouse.claimAndComplete(
        warehouse.task(caseId, "userTask_shipReshipment"),
        "reshipCarrier",
        "中通快递",
        "reshipTrackingNumber",
        "ZT7777777777");
    admin.runJobs(caseId);
    agent.claimAndComplete(
        agent.task(caseId, "userTask_tellReshipTracking"), "buyerMessageSent", true);
    agent.claimAndComplete(
        agent.task(caseId, "userTask_followReshipment"), "receivedConfirmed", true);

    JsonNode view = agent.json(agent.get("/api/cases/" + caseId));
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("outcomeLabel").asText()).isEqualTo("已重新发货");
    assertThat(
            orders.count(
                "select count(*) from shop_call where order_id = ? and operation = 'EXTEND_RECEIPT'",
                orderId))
        .isEqualTo(1);

    JsonNode page =
        agent.json(
            agent.get("/api/registers/logistics?from=" + today + "&type=LOST&orderId=" + orderId));
    assertThat(page.path("total").asLong()).isEqualTo(1);
    JsonNode row = page.path("rows").get(0);
    assertThat(row.path("problem_label").asText()).isEqualTo("丢件");
    assertThat(row.path("source_label").asText()).isEqualTo("快递反馈");
    assertThat(row.path("buyer_phone_masked").asText()).isEqualTo("138****0000");
    assertThat(row.path("actions").asText()).contains("延长收货时间 7 天").contains("66");
    assertThat(page.toString()).doesNotContain("13800000000");
    ResponseEntity<byte[]> xlsx =
        http.withBasicAuth("supervisor", "demo")
            .getForEntity(
                "/api/registers/logistics/export.xlsx?from=" + today + "&orderId=" + orderId,
                byte[].class);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      var rows = wb.getFirstSheet().read();
      assertThat(rows.get(0).getCell(0).getText()).isEqualTo("登记时间");
      assertThat(rows.get(0).getCell(7).getText()).isEqualTo("问题类型");
      assertThat(rows.get(1).getCellText(7)).isEqualTo("丢件");
      assertThat(rows.get(1).getCellText(3)).isEqualTo("138****0000");
    }
  }
}
