package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.TestOrders;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * The REST API and whole claims driven through {@code /engine-rest} as the demo users, the way
 * Tasklist drives them. Run on H2 and on a real PostgreSQL.
 */
@org.junit.jupiter.api.extension.ExtendWith(com.aftersales.support.ActiveEngine.class)
abstract class ApiScenarios {

  @Autowired TestRestTemplate http;
  @Autowired TestOrders orders;
  @Autowired com.aftersales.shop.ShopBackOffice shop;
  @Autowired RuntimeService runtime;

  /**
   * Pins the engine's clock (the application's business clock) to 10:00 in Shanghai today, for
   * tests that name "today" or "yesterday": read from the wall clock, the test's day and the
   * application's could differ when the test runs across midnight in Shanghai, and what happens in
   * the small hours would vary with the hour the suite runs at.
   */
  static LocalDate pinClock() {
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    ClockUtil.setCurrentTime(
        java.util.Date.from(day.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    return day;
  }

  @org.junit.jupiter.api.AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  Rest as(String user) {
    return new Rest(http, user, "demo");
  }

  Rest admin() {
    return new Rest(http, "admin", "admin");
  }

  Rest anonymous() {
    return new Rest(http, null, null);
  }

  String openCase(String kind, String orderId, String buyerId) {
    ResponseEntity<String> r =
        as("agent1")
            .post(
                "/api/cases",
                Map.of(
                    "kind", kind, "orderId", orderId, "buyerId", buyerId, "description", "买家说碎了"));
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
    return as("agent1").json(r).path("caseId").asText();
  }

  @Test
  void anonymousCallsAreRefused() {
    assertThat(anonymous().get("/engine-rest/task").getStatusCode().value()).isEqualTo(401);
    assertThat(anonymous().get("/engine-rest/process-definition").getStatusCode().value())
        .isEqualTo(401);
    assertThat(anonymous().post("/api/cases", Map.of()).getStatusCode().value()).isEqualTo(401);
    assertThat(new Rest(http, "nobody", "wrong").get("/engine-rest/task").getStatusCode().value())
        .isEqualTo(401);
  }

  @Test
  void openingTheSameCaseTwiceAnswersWithTheOpenCase() {
    String orderId = orders.create("tb_api", "30.00", 1);
    String caseId = openCase("DAMAGE", orderId, "tb_api");
    ResponseEntity<String> again =
        as("agent2")
            .post(
                "/api/cases",
                Map.of(
                    "kind",
                    "damage",
                    "orderId",
                    orderId,
                    "buyerId",
                    "tb_api",
                    "description",
                    "再问一次"));
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(as("agent2").json(again).path("caseId").asText()).isEqualTo(caseId);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count())
        .isEqualTo(1);

    // a different kind for the same order is a different case
    String wrongItem = openCase("WRONG_ITEM", orderId, "tb_api");
    assertThat(wrongItem).isNotEqualTo(caseId);

    JsonNode view = as("supervisor").json(as("supervisor").get("/api/cases/" + caseId));
    assertThat(view.path("status").asText()).isEqualTo("OPEN");
    assertThat(view.path("openTasks").get(0).asText()).contains("收集买家凭证");
    assertThat(view.path("timeline").get(0).path("actor").asText()).isEqualTo("agent1");
  }

  @Test
  void theCaseShowsTheFlagsRaisedOnItsOrderAndTheRegisterItsMaskedContact() {
    String orderId = orders.create("tb_flags", "30.00", 1);
    String caseId = openCase("DAMAGE", orderId, "tb_flags");
    shop.setFlag(orderId, com.aftersales.shop.Flag.PURPLE, "退款原因：破损");
    shop.setFlag(orderId, com.aftersales.shop.Flag.RED, "改发顺丰");

    JsonNode flags = as("agent1").json(as("agent1").get("/api/cases/" + caseId)).path("flags");
    assertThat(flags).hasSize(2);
    assertThat(flags.get(0).path("flag").asText()).isEqualTo("RED");
    assertThat(flags.get(0).path("label").asText()).isEqualTo("红旗");
    assertThat(flags.get(0).path("meaning").asText()).isEqualTo("改地址/换快递");
    assertThat(flags.get(0).path("shown").asBoolean()).isTrue();
    assertThat(flags.get(1).path("flag").asText()).isEqualTo("PURPLE");
    assertThat(flags.get(1).path("shown").asBoolean()).isFalse();

    shop.clearFlag(orderId, com.aftersales.shop.Flag.RED, "已发出");
    flags = as("agent1").json(as("agent1").get("/api/cases/" + caseId)).path("flags");
    assertThat(flags).hasSize(1);
    assertThat(flags.get(0).path("shown").asBoolean()).isTrue();

    JsonNode row =
        as("supervisor")
            .json(as("supervisor").get("/api/registers/cases?orderId=" + orderId))
            .path("rows")
            .get(0);
    // the test order's phone is 13800000000
    assertThat(row.path("buyer_contact").asText()).isEqualTo("138****0000");
    assertThat(row.toString()).doesNotContain("13800000000").doesNotContain("测试买家");
    assertThat(row.path("product_name").asText()).isEqualTo("测试商品");
  }

  @Test
  void theSameCaseOpenedFiveTimesAtOnceIsOpenedOnce() throws Exception {
    String orderId = orders.create("tb_race", "30.00", 1);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(5);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<ResponseEntity<String>>>();
      for (int i = 0; i < 5; i++) {
        String agent = i % 2 == 0 ? "agent1" : "agent2";
        futures.add(
            pool.submit(
                () ->
                    as(agent)
                        .post(
                            "/api/cases",
                            Map.of(
                                "kind",
                                "DAMAGE",
                                "orderId",
                                orderId,
                                "buyerId",
                                "tb_race",
                                "description",
                                "同时提交"))));
      }
      java.util.Set<String> caseIds = new java.util.HashSet<>();
      int created = 0;
      for (var f : futures) {
        ResponseEntity<String> r = f.get();
        assertThat(r.getStatusCode().value()).as(r.getBody()).isIn(200, 201);
        created += r.getStatusCode().value() == 201 ? 1 : 0;
        caseIds.add(as("agent1").json(r).path("caseId").asText());
      }
      assertThat(caseIds).containsExactly("DAMAGE-" + orderId);
      assertThat(created).isEqualTo(1);
      assertThat(
              runtime
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey("DAMAGE-" + orderId)
                  .count())
          .isEqualTo(1);
      assertThat(orders.count("select count(*) from after_sales_case where order_id = ?", orderId))
          .isEqualTo(1);
    } finally {
      pool.shutdown();
    }
  }

  /** What a clerk reads when the task they complete was completed by someone else. */
  private static final String GONE = "任务不存在或已被他人处理，请刷新任务列表";

  @Test
  void aTaskCompletedTwiceAtOnceMovesTheCaseOnOnce() throws Exception {
    String orderId = orders.create("tb_twice", "30.00", 1);
    String caseId = openCase("DAMAGE", orderId, "tb_twice");
    Rest agent = as("agent1");
    String task = agent.task(caseId, "userTask_collectEvidence");
    agent.claim(task, "agent1");
    List<ResponseEntity<String>> answers =
        twiceAtOnce(
            () ->
                agent.complete(
                    task,
                    "photoCount",
                    3,
                    "waybillPhotoReceived",
                    true,
                    "evidenceDescription",
                    "两次提交",
                    "buyerMessageSent",
                    true));
    assertThat(answers)
        .as("exactly one completion wins: %s", answers)
        .filteredOn(r -> r.getStatusCode().value() == 204)
        .hasSize(1);
    // The loser is answered 404 in the clerk's words: it either found the task gone or lost the
    // engine's optimistic lock at the same instant (rolled back whole either way).
    assertThat(answers)
        .as("the other completion is answered 404: %s", answers)
        .filteredOn(r -> r.getStatusCode().value() == 404)
        .hasSize(1)
        .allSatisfy(r -> assertThat(agent.json(r).path("message").asText()).isEqualTo(GONE));
    // a completion arriving after the winner's is answered 404, in the clerk's words
    ResponseEntity<String> late =
        agent.complete(task, "photoCount", 3, "waybillPhotoReceived", true);
    assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(404);
    assertThat(agent.json(late).path("message").asText()).isEqualTo(GONE);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).count())
        .isEqualTo(1);
    assertThat(agent.json(agent.get("/engine-rest/task?processInstanceBusinessKey=" + caseId)))
        .hasSize(1);
    assertThat(
            agent
                .json(agent.get("/engine-rest/task?processInstanceBusinessKey=" + caseId))
                .get(0)
                .path("taskDefinitionKey")
                .asText())
        .isEqualTo("userTask_checkEvidence");
    // one completion on the timeline, and the request for photos recorded as sent once
    assertThat(
            orders.count(
                "select count(*) from case_event where case_id = ? and step = 'userTask_collectEvidence'"
                    + " and detail not like '已发给买家%'",
                caseId))
        .isEqualTo(1);
    assertThat(
            orders.count(
                "select count(*) from buyer_message where case_id = ? and purpose = 'EVIDENCE_REQUEST'",
                caseId))
        .isEqualTo(1);
  }

  @Test
  void returnsAndExchangesOpenLikeClaims() {
    String orderId = orders.create("tb_rx", "30.00", 1);
    String returnCase = openCase("RETURN", orderId, "tb_rx");
    String exchangeCase = openCase("EXCHANGE", orderId, "tb_rx");
    assertThat(returnCase).isEqualTo("RETURN-" + orderId);
    assertThat(exchangeCase).isEqualTo("EXCHANGE-" + orderId);
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(returnCase)
                .processDefinitionKey("return")
                .count())
        .isEqualTo(1);
    assertThat(
            as("agent1")
                .json(as("agent1").get("/api/cases/" + exchangeCase))
                .path("openTasks")
                .toString())
        .contains("登记换货原因");
  }

  @Test
  void badInputIsAnsweredWithAProblemAndStartsNothing() {
    String orderId = orders.create("tb_bad", "30.00", 1);
    long before = runtime.createProcessInstanceQuery().count();
    Object[][] cases = {
      {
        Map.of("kind", "LOST", "orderId", orderId, "buyerId", "tb_bad", "description", "x"),
        400,
        "不支持的售后类型"
      },
      {Map.of("orderId", orderId, "buyerId", "tb_bad", "description", "x"), 400, "请选择售后类型"},
      {Map.of("kind", "DAMAGE", "buyerId", "tb_bad", "description", "x"), 400, "请填写订单编号"},
      {Map.of("kind", "DAMAGE", "orderId", orderId, "buyerId", "tb_bad"), 400, "请简要描述"},
      {
        Map.of(
            "kind",
            "DAMAGE",
            "orderId",
            orderId,
            "buyerId",
            "tb_bad",
            "description",
            "长".repeat(2001)),
        400,
        "最多 2000 个字"
      },
      {
        Map.of("kind", "DAMAGE", "orderId", "NOPE-1", "buyerId", "tb_bad", "description", "x"),
        422,
        "找不到订单 NOPE-1"
      },
      {
        Map.of("kind", "DAMAGE", "orderId", orderId, "buyerId", "tb_other", "description", "x"),
        400,
        "买家不是 tb_other"
      },
      {"{not json", 400, "不是有效的 JSON"},
      {"[1,2]", 400, "不是有效的 JSON"},
    };
    for (Object[] c : cases) {
      ResponseEntity<String> r = as("agent1").post("/api/cases", c[0]);
      assertThat(r.getStatusCode().value()).as("%s -> %s", c[0], r.getBody()).isEqualTo(c[1]);
      assertThat(r.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
      assertThat(as("agent1").json(r).path("detail").asText()).contains((String) c[2]);
    }
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    assertThat(orders.count("select count(*) from after_sales_case where order_id = ?", orderId))
        .isZero();
    assertThat(as("agent1").get("/api/cases/NOPE").getStatusCode().value()).isEqualTo(404);
  }

  /** Evidence, check and the offer, done by agent1 through /engine-rest. */
  private void toOffer(String caseId) {
    Rest agent = as("agent1");
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
  }

  @Test
  void aDamageClaimGoesToAReshipWithTheWarehouseDoingItsPart() throws Exception {
    String today = pinClock().toString();
    String orderId = orders.create("tb_flow", "88.00", 1);
    String caseId = openCase("DAMAGE", orderId, "tb_flow");
    toOffer(caseId);
    Rest agent = as("agent1");
    String offer = agent.task(caseId, "userTask_offerResolution");
    assertThat(
            agent
                .claimAndComplete(
                    offer,
                    "buyerChoice",
                    "RESHIP",
                    "resolutionNote",
                    "买家要补发",
                    "buyerMessageSent",
                    true)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    admin().runJobs(caseId);

    // the warehouse sees its task, agents do not see it in their queue
    Rest warehouse = as("warehouse");
    String ship = warehouse.task(caseId, "userTask_shipReshipment");
    assertThat(
            agent.json(
                agent.get(
                    "/engine-rest/task?processInstanceBusinessKey="
                        + caseId
                        + "&taskDefinitionKey=userTask_shipReshipment")))
        .isEmpty();
    ResponseEntity<String> bad =
        warehouse.claimAndComplete(ship, "reshipCarrier", "顺丰", "reshipTrackingNumber", "12");
    assertThat(bad.getStatusCode().value()).isEqualTo(400);
    // the clerk reads only what to correct, without the engine's English prefix
    assertThat(warehouse.json(bad).path("message").asText()).startsWith("物流单号 “12” 格式不对");
    assertThat(
            warehouse
                .complete(ship, "reshipCarrier", "顺丰速运", "reshipTrackingNumber", "SF7777777777")
                .getStatusCode()
                .value())
        .isEqualTo(204);
    admin().runJobs(caseId);
    agent.claimAndComplete(
        agent.task(caseId, "userTask_followReshipment"), "receivedConfirmed", true);

    JsonNode view = agent.json(agent.get("/api/cases/" + caseId));
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("outcomeLabel").asText()).isEqualTo("已补发");
    assertThat(view.path("timeline").toString())
        .contains("\"actor\":\"agent1\"")
        .contains("\"actor\":\"warehouse\"")
        .contains("买家的选择：补发")
        .contains("SF7777777777");
    assertThat(
            orders.count(
                "select count(*) from reship_form where case_id = ? and filled_by = 'agent1'",
                caseId))
        .isEqualTo(1);

    // the reship form is in the register, on screen and as a spreadsheet
    JsonNode page =
        agent.json(
            agent.get(
                "/api/registers/reship-forms?from="
                    + today
                    + "&to="
                    + today
                    + "&orderId="
                    + orderId
                    + "&size=200"));
    assertThat(page.path("total").asLong()).isPositive();
    assertThat(page.path("rows").toString()).contains(caseId).contains("SF7777777777");
    ResponseEntity<byte[]> xlsx =
        http.withBasicAuth("supervisor", "demo")
            .getForEntity(
                "/api/registers/reship-forms/export.xlsx?from=" + today + "&orderId=" + orderId,
                byte[].class);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    assertThat(xlsx.getHeaders().getFirst("Content-Disposition")).contains(".xlsx");
    try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      var rows = wb.getFirstSheet().read();
      assertThat(rows.get(0).getCell(0).getText()).isEqualTo("日期");
      assertThat(rows.get(0).getCell(4).getText()).isEqualTo("补发订单号");
      assertThat(rows.stream().map(r -> r.getCellText(12)).toList()).contains(caseId);
    }
  }

  @Test
  void registersAnswerBadFiltersWithAProblem() {
    Rest agent = as("agent1");
    assertThat(agent.get("/api/registers/cases?from=23/11/2026").getStatusCode().value())
        .isEqualTo(400);
    assertThat(
            agent.json(agent.get("/api/registers/cases?from=23/11/2026")).path("detail").asText())
        .contains("年-月-日");
    assertThat(agent.get("/api/registers/cases?size=100000").getStatusCode().value())
        .isEqualTo(400);
    assertThat(agent.get("/api/registers/salaries").getStatusCode().value()).isEqualTo(404);
    assertThat(agent.json(agent.get("/api/registers/cases?size=1")).path("rows").size())
        .isLessThanOrEqualTo(1);
  }

  @Test
  void aDamageClaimGoesToARefundThatOnlyFinanceAgrees() {
    String orderId = orders.create("tb_ref", "60.00", 1);
    String caseId = openCase("DAMAGE", orderId, "tb_ref");
    toOffer(caseId);
    Rest agent = as("agent1");
    String offer = agent.task(caseId, "userTask_offerResolution");
    agent.claim(offer, "agent1");
    for (Object amount : new Object[] {-5, 60.01, 1e9, "abc"}) {
      ResponseEntity<String> r =
          agent.complete(offer, "buyerChoice", "REFUND", "refundAmount", amount);
      assertThat(r.getStatusCode().value()).as("amount %s: %s", amount, r.getBody()).isEqualTo(400);
      assertThat(agent.json(r).path("message").asText())
          .containsAnyOf("不能为负数", "超过买家实付可退金额", "金额过大", "必须是金额数字");
    }
    assertThat(agent.task(caseId, "userTask_offerResolution")).isEqualTo(offer);
    assertThat(
            agent
                .complete(
                    offer, "buyerChoice", "REFUND", "refundAmount", 60, "buyerMessageSent", true)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    admin().runJobs(caseId);

    // nothing filed on the platform: the agent checks the buyer's account, finance transfers
    String account = agent.task(caseId, "userTask_collectAccount");
    agent.claim(account, "agent1");
    assertThat(
            agent
                .complete(
                    account,
                    "payeeChannel",
                    "ALIPAY",
                    "payeeName",
                    "张三",
                    "payeeAccount",
                    "13800001234",
                    "accountConfirmed",
                    true)
                .getStatusCode()
                .value())
        .isEqualTo(204);
    admin().runJobs(caseId);

    // agents cannot see or complete the finance task, but the case tells them where it waits
    assertThat(agent.json(agent.get("/engine-rest/task?processInstanceBusinessKey=" + caseId)))
        .isEmpty();
    assertThat(agent.json(agent.get("/api/cases/" + caseId)).path("openTasks").toString())
        .contains("财务核对并转账（待领取）");
    Rest finance = as("finance");
    String approve = finance.task(caseId, "userTask_transferRefund");
    assertThat(agent.complete(approve, "refundDecision", "AGREE").getStatusCode().value())
        .isIn(403, 404);
    assertThat(
            finance
                .claimAndComplete(approve, "refundDecision", "AGREE", "financeNote", "已核对")
                .getStatusCode()
                .value())
        .isEqualTo(204);
    admin().runJobs(caseId);

    JsonNode view = agent.json(agent.get("/api/cases/" + caseId));
    assertThat(view.path("status").asText()).isEqualTo("CLOSED");
    assertThat(view.path("timeline").toString())
        .contains("\"actor\":\"finance\"")
        .contains("财务已转账 60.00 元");
    assertThat(orders.refunded(orderId)).isEqualByComparingTo("60.00");
  }

  @Test
  void anAgentOpensACaseFromTasklistsStartForm() {
    String orderId = orders.create("tb_start", "30.00", 1);
    Rest agent = as("agent1");
    java.util.function.Function<Map<String, Object>, ResponseEntity<String>> submit =
        values -> {
          Map<String, Object> variables = new java.util.LinkedHashMap<>();
          values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
          return agent.post(
              "/engine-rest/process-definition/key/damage-claim/submit-form",
              Map.of("variables", variables));
        };
    ResponseEntity<String> started =
        submit.apply(Map.of("orderId", orderId, "buyerId", "tb_start", "description", "瓶盖裂了"));
    assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(200);
    assertThat(agent.json(started).path("businessKey").asText()).isEqualTo("DAMAGE-" + orderId);

    ResponseEntity<String> twin =
        submit.apply(Map.of("orderId", orderId, "buyerId", "tb_start", "description", "又来一次"));
    assertThat(twin.getStatusCode().value()).isEqualTo(400);
    assertThat(agent.json(twin).path("message").asText()).contains("已有进行中的破损售后单 DAMAGE-" + orderId);

    ResponseEntity<String> unknown =
        submit.apply(Map.of("orderId", "NOPE-2", "buyerId", "tb_start", "description", "x"));
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(agent.json(unknown).path("message").asText()).contains("找不到订单 NOPE-2");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("DAMAGE-" + orderId)
                .count())
        .isEqualTo(1);

    // the shared reship flow is not offered in Tasklist's start list; a refund is a case of its own
    JsonNode startable =
        agent.json(
            agent.get(
                "/engine-rest/process-definition?startableInTasklist=true&latestVersion=true"));
    assertThat(startable.toString())
        .contains("damage-claim")
        .contains("wrong-item-claim")
        .contains("\"key\":\"refund\"")
        .doesNotContain("\"key\":\"reship\"");
  }

  @Test
  void supervisorsReassignWorkAndAgentsCannot() {
    String orderId = orders.create("tb_shift", "30.00", 1);
    String caseId = openCase("DAMAGE", orderId, "tb_shift");
    Rest agent1 = as("agent1");
    String task = agent1.task(caseId, "userTask_collectEvidence");
    assertThat(agent1.claim(task, "agent1")).isEqualTo(204);

    // another agent can neither take it over nor hand it on
    Rest agent2 = as("agent2");
    assertThat(agent2.claim(task, "agent2")).isNotEqualTo(204);
    assertThat(agent2.assign(task, "agent2")).isEqualTo(403);

    // the supervisor hands it to agent2 at the shift change
    Rest supervisor = as("supervisor");
    assertThat(supervisor.assign(task, "agent2")).isEqualTo(204);
    assertThat(agent2.json(agent2.get("/engine-rest/task/" + task)).path("assignee").asText())
        .isEqualTo("agent2");
  }

  @Test
  void onlyProcessOwnersDeploy() {
    org.springframework.util.LinkedMultiValueMap<String, Object> form =
        new org.springframework.util.LinkedMultiValueMap<>();
    form.add("deployment-name", "owner-test");
    form.add("deployment-source", "Camunda Modeler");
    form.add("enable-duplicate-filtering", "true");
    form.add("data", new org.springframework.core.io.FileSystemResource("bpmn/return-postage.dmn"));
    var headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA);
    var request = new org.springframework.http.HttpEntity<>(form, headers);
    assertThat(
            http.withBasicAuth("agent1", "demo")
                .postForEntity("/engine-rest/deployment/create", request, String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    assertThat(
            http.withBasicAuth("owner", "demo")
                .postForEntity("/engine-rest/deployment/create", request, String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  @Test
  void eachRoleSeesItsTasklistFilters() {
    JsonNode agentFilters = as("agent1").json(as("agent1").get("/engine-rest/filter"));
    assertThat(agentFilters.toString())
        .contains("我的任务")
        .contains("我组的任务")
        .contains("已逾期")
        .doesNotContain("全部待办");
    JsonNode supervisorFilters = as("supervisor").json(as("supervisor").get("/engine-rest/filter"));
    assertThat(supervisorFilters.toString()).contains("全部待办");

    // the group queue lists each task with its case id, order and buyer, as Tasklist asks for them
    String orderId = orders.create("tb_list", "30.00", 1);
    String caseId = openCase("DAMAGE", orderId, "tb_list");
    String groupFilter = null;
    for (JsonNode f : agentFilters) {
      if (f.path("name").asText().equals("我组的任务")) {
        groupFilter = f.path("id").asText();
      }
    }
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    headers.setAccept(
        java.util.List.of(
            org.springframework.http.MediaType.parseMediaType("application/hal+json")));
    ResponseEntity<String> list =
        http.withBasicAuth("agent1", "demo")
            .exchange(
                "/engine-rest/filter/" + groupFilter + "/list?firstResult=0&maxResults=50",
                org.springframework.http.HttpMethod.POST,
                // the filter narrowed to this case, as Tasklist's search box does
                new org.springframework.http.HttpEntity<>(
                    "{\"processInstanceBusinessKey\":\"" + caseId + "\"}", headers),
                String.class);
    assertThat(list.getStatusCode().value()).isEqualTo(200);
    JsonNode mine = null;
    for (JsonNode t : as("agent1").json(list).path("_embedded").path("task")) {
      if (t.path("_embedded").path("variable").toString().contains(caseId)) {
        mine = t;
      }
    }
    assertThat(mine).as("the new case's task with its variables in the group queue").isNotNull();
    assertThat(mine.path("_embedded").path("variable").toString())
        .contains(orderId)
        .contains("tb_list")
        .contains("破损");
  }

  /** The agent asks for a refund of {@code amount} on tb_refund's order: one item is missing. */
  private static ResponseEntity<String> askForRefund(Rest agent, String orderId, Object amount) {
    return agent.post(
        "/api/cases",
        Map.of(
            "kind", "REFUND",
            "orderId", orderId,
            "buyerId", "tb_refund",
            "description", "少了一件",
            "refundAmount", amount));
  }

  @Test
  void aRefundOpenedOverTheApiIsAgreedInBulkAndRepeatedBackOfficeEventsAreHarmless()
      throws Exception {
    String orderId = orders.create("tb_refund", "40.00", 1);
    orders.status(orderId, "SHIPPED");
    orders.signedAt(orderId, java.time.OffsetDateTime.now().minusDays(1));
    Rest agent = as("agent1");
    Object[][] bad = {
      {99, "超过可退金额 40.00 元"}, {"十元", "必须是金额数字"}, {-1, "不能为负数"}, {0.001, "最多保留两位小数"},
    };
    for (Object[] c : bad) {
      ResponseEntity<String> r = askForRefund(agent, orderId, c[0]);
      assertThat(r.getStatusCode().value()).as("%s -> %s", c[0], r.getBody()).isEqualTo(400);
      assertThat(agent.json(r).path("field").asText()).isEqualTo("refundAmount");
      assertThat(agent.json(r).path("detail").asText()).contains((String) c[1]);
    }
    assertThat(orders.count("select count(*) from after_sales_case where order_id = ?", orderId))
        .isZero();
    ResponseEntity<String> opened = askForRefund(agent, orderId, 12.5);
    assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
    String caseId = agent.json(opened).path("caseId").asText();
    admin().runJobs(caseId);

    Rest finance = as("finance");
    JsonNode pending = finance.json(finance.get("/api/refunds/pending?size=200"));
    assertThat(pending.path("items").findValuesAsText("caseId")).contains(caseId);
    String taskId = finance.task(caseId, "userTask_approveRefund");
    ResponseEntity<String> bulk =
        finance.post(
            "/api/refunds/approvals",
            Map.of(
                "items",
                List.of(
                    Map.of("taskId", taskId, "note", "已核对"), Map.of("taskId", "no-such-task"))));
    assertThat(bulk.getStatusCode().value()).as(bulk.getBody()).isEqualTo(200);
    JsonNode result = finance.json(bulk);
    assertThat(result.path("done").asInt()).isEqualTo(1);
    assertThat(result.path("refused").asInt()).isEqualTo(1);
    assertThat(result.path("results").get(1).path("reason").asText()).contains("找不到");
    admin().runJobs(caseId);
    JsonNode closed = agent.json(agent.get("/api/cases/" + caseId));
    assertThat(closed.path("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("category").asText()).isEqualTo("AGREED/FINANCE");
    assertThat(orders.refunded(orderId)).isEqualByComparingTo("12.50");

    // the back office's events: a late one is ignored, a dispute moves the case once
    Rest backOffice = as("backoffice");
    ResponseEntity<String> late =
        backOffice.post("/api/refunds/events", Map.of("orderId", orderId, "type", "PAID"));
    assertThat(late.getStatusCode().value()).as(late.getBody()).isEqualTo(200);
    assertThat(backOffice.json(late).path("outcome").asText()).isEqualTo("IGNORED");

    String disputed = orders.create("tb_refund", "40.00", 1);
    orders.status(disputed, "SHIPPED");
    orders.signedAt(disputed, java.time.OffsetDateTime.now().minusDays(1));
    ResponseEntity<String> second =
        agent.post(
            "/api/cases",
            Map.of(
                "kind",
                "REFUND",
                "orderId",
                disputed,
                "buyerId",
                "tb_refund",
                "description",
                "质量问题"));
    String disputedCase = agent.json(second).path("caseId").asText();
    admin().runJobs(disputedCase);
    Map<String, String> dispute = Map.of("orderId", disputed, "type", "DISPUTED");
    // the back office sends the same dispute twice at the same instant: it is applied once
    List<ResponseEntity<String>> answers =
        twiceAtOnce(() -> backOffice.post("/api/refunds/events", dispute));
    assertThat(answers)
        .as("the dispute is applied exactly once: %s", answers)
        .filteredOn(r -> r.getStatusCode().value() == 200)
        .extracting(r -> backOffice.json(r).path("outcome").asText())
        .containsOnlyOnce("APPLIED");
    // The other is answered IGNORED, also when it read the case before the first one moved it.
    assertThat(answers)
        .as("the repeat is ignored: %s", answers)
        .allSatisfy(r -> assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200))
        .extracting(r -> backOffice.json(r).path("outcome").asText())
        .containsExactlyInAnyOrder("APPLIED", "IGNORED");
    // sent again later, it is ignored
    assertThat(
            backOffice
                .json(backOffice.post("/api/refunds/events", dispute))
                .path("outcome")
                .asText())
        .isEqualTo("IGNORED");
    admin().runJobs(disputedCase);
    assertThat(agent.task(disputedCase, "userTask_confirmEvidence")).isNotBlank();

    ResponseEntity<String> unknownType =
        backOffice.post("/api/refunds/events", Map.of("orderId", disputed, "type", "MAYBE"));
    assertThat(unknownType.getStatusCode().value()).isEqualTo(400);
    assertThat(backOffice.json(unknownType).path("field").asText()).isEqualTo("type");
    ResponseEntity<String> unknownOrder =
        backOffice.post("/api/refunds/events", Map.of("orderId", "NOPE-9", "type", "PAID"));
    assertThat(unknownOrder.getStatusCode().value()).isEqualTo(422);

    // Tasklist's start form for a refund: the same checks, the clerk's words under the form
    String viaForm = orders.create("tb_refund", "40.00", 1);
    orders.status(viaForm, "SHIPPED");
    java.util.function.Function<Object, ResponseEntity<String>> submit =
        amount ->
            agent.post(
                "/engine-rest/process-definition/key/refund/submit-form",
                Map.of(
                    "variables",
                    Map.of(
                        "orderId", Map.of("value", viaForm),
                        "buyerId", Map.of("value", "tb_refund"),
                        "description", Map.of("value", "买家拒收"),
                        "refundAmount", Map.of("value", amount))));
    ResponseEntity<String> partial = submit.apply(5.0);
    assertThat(partial.getStatusCode().value()).isEqualTo(400);
    assertThat(agent.json(partial).path("message").asText()).contains("已发货未收货只能整单退款（40.00 元）");
    ResponseEntity<String> whole = submit.apply(40.0);
    assertThat(whole.getStatusCode().value()).as(whole.getBody()).isEqualTo(200);
    assertThat(agent.json(whole).path("businessKey").asText()).isEqualTo("REFUND-" + viaForm);
    admin().runJobs("REFUND-" + viaForm);
    assertThat(as("warehouse").task("REFUND-" + viaForm, "userTask_interceptParcel")).isNotBlank();
    assertThat(backOffice.json(unknownOrder).path("field").asText()).isEqualTo("orderId");
  }

  @Test
  void anAgentImportsTheDailyOrderReportAndRunsDunningOverHttp() throws Exception {
    LocalDate day = pinClock().minusDays(1);
    String unpaid = "9" + System.nanoTime() % 1_000_000_000_000L;
    byte[] report =
        com.aftersales.orders.ReportFixtures.csv(
            com.aftersales.orders.ReportFixtures.NEW_HEADINGS,
            List.of(
                com.aftersales.orders.ReportFixtures.Line.unpaid(
                    unpaid, "tb_http", day + " 21:30:00")),
            java.nio.charset.StandardCharsets.UTF_8,
            true);
    Rest agent = as("agent1");
    ResponseEntity<String> accepted = agent.upload("/api/orders/import", "订单报表.csv", report);
    assertThat(accepted.getStatusCode().value()).as(accepted.getBody()).isEqualTo(202);
    String location = accepted.getHeaders().getLocation().toString();
    JsonNode status = agent.json(accepted);
    // the import runs in the background: wait for it, on a loaded machine too, but not forever
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (status.path("status").asText().equals("RUNNING")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the import at " + location + " still runs after 60 s: " + status);
      }
      Thread.sleep(50);
      status = agent.json(agent.get(location));
    }
    assertThat(status.path("status").asText()).as("%s", status).isEqualTo("DONE");
    assertThat(status.path("created").asInt()).isEqualTo(1);
    ResponseEntity<String> again = agent.upload("/api/orders/import?wait=true", "订单报表.csv", report);
    assertThat(again.getStatusCode().value()).isEqualTo(200);
    assertThat(agent.json(again).path("unchanged").asInt()).isEqualTo(1);

    ResponseEntity<String> notAReport =
        agent.upload(
            "/api/orders/import",
            "库存.csv",
            "商品编码,库存\nA1,3\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(notAReport.getStatusCode().value()).isEqualTo(400);
    assertThat(agent.json(notAReport).path("field").asText()).isEqualTo("file");
    assertThat(agent.json(notAReport).path("detail").asText()).contains("这不是订单报表");
    byte[] tooBig = new byte[5 * 1024 * 1024];
    java.util.Arrays.fill(tooBig, (byte) 'x');
    ResponseEntity<String> oversized = agent.upload("/api/orders/import", "太大.csv", tooBig);
    assertThat(oversized.getStatusCode().value()).isEqualTo(413);
    assertThat(agent.json(oversized).path("field").asText()).isEqualTo("file");
    assertThat(agent.json(oversized).path("detail").asText()).contains("分批导出");
    ResponseEntity<String> noFile = agent.post("/api/orders/import", Map.of());
    assertThat(noFile.getStatusCode().value()).isEqualTo(400);
    assertThat(
            as("warehouse")
                .upload("/api/orders/import", "订单报表.csv", report)
                .getStatusCode()
                .value())
        .isEqualTo(403);

    JsonNode before = dunningLine(agent, day, "agent1");
    ResponseEntity<String> run = agent.post("/api/dunning/runs", Map.of());
    assertThat(run.getStatusCode().value()).as(run.getBody()).isEqualTo(200);
    assertThat(agent.json(run).path("date").asText()).isEqualTo(day.toString());
    String contact = agent.task("DUNNING-" + unpaid, "userTask_contactBuyer");
    ResponseEntity<String> badContact =
        agent.claimAndComplete(
            contact,
            "contactChannel",
            "PHONE",
            "answeredBy",
            "NOBODY",
            "dunningResult",
            "WILL_PAY");
    assertThat(badContact.getStatusCode().value()).isEqualTo(400);
    assertThat(
            agent
                .complete(
                    contact,
                    "contactChannel",
                    "PHONE",
                    "answeredBy",
                    "BUYER",
                    "dunningResult",
                    "WILL_PAY")
                .getStatusCode()
                .value())
        .isEqualTo(204);
    ResponseEntity<String> badDate = agent.post("/api/dunning/runs", Map.of("date", "22/11/2026"));
    assertThat(badDate.getStatusCode().value()).isEqualTo(400);
    assertThat(agent.json(badDate).path("field").asText()).isEqualTo("date");

    Rest backOffice = as("backoffice");
    ResponseEntity<String> paid =
        backOffice.post("/api/dunning/events", Map.of("orderId", unpaid, "type", "PAID"));
    assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(200);
    assertThat(backOffice.json(paid).path("outcome").asText()).isEqualTo("APPLIED");
    assertThat(
            backOffice
                .json(
                    backOffice.post(
                        "/api/dunning/events", Map.of("orderId", unpaid, "type", "PAID")))
                .path("outcome")
                .asText())
        .isEqualTo("IGNORED");
    admin().runJobs("DUNNING-" + unpaid);

    // agent1's line of the day counts this order once more: contacted, reached, paid, 88.00 back
    JsonNode line = dunningLine(agent, day, "agent1");
    assertThat(line.path("orders").asInt()).isEqualTo(before.path("orders").asInt() + 1);
    assertThat(line.path("reached").asInt()).isEqualTo(before.path("reached").asInt() + 1);
    assertThat(line.path("paidAfterDunning").asInt())
        .isEqualTo(before.path("paidAfterDunning").asInt() + 1);
    assertThat(line.path("amountRecovered").decimalValue())
        .isEqualByComparingTo(
            before.path("amountRecovered").decimalValue().add(new java.math.BigDecimal("88.00")));
    assertThat(line.path("conversionRate").decimalValue())
        .isEqualByComparingTo(
            java.math.BigDecimal.valueOf(line.path("paidAfterDunning").asInt())
                .divide(
                    java.math.BigDecimal.valueOf(line.path("orders").asInt()),
                    4,
                    java.math.RoundingMode.HALF_UP));
    ResponseEntity<byte[]> xlsx =
        agent.bytes("/api/dunning/summary/export.xlsx?from=" + day + "&to=" + day);
    assertThat(xlsx.getStatusCode().value()).isEqualTo(200);
    try (var wb =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(
            new java.io.ByteArrayInputStream(xlsx.getBody()))) {
      var rows = wb.getFirstSheet().read();
      assertThat(cells(rows.get(0), rows.get(0).getCellCount()))
          .containsExactly("日期", "客服", "催款订单数", "联系上", "催付后付款", "挽回金额（元）", "转化率");
      var mine = rows.stream().skip(1).filter(r -> "agent1".equals(r.getCellText(1))).toList();
      assertThat(mine).as("agent1's row of %s in the export", day).hasSize(1);
      var row = mine.get(0);
      assertThat(row.getCellAsDate(0).orElseThrow().toLocalDate()).isEqualTo(day);
      assertThat(row.getCell(2).asNumber())
          .isEqualByComparingTo(line.path("orders").decimalValue());
      assertThat(row.getCell(3).asNumber())
          .isEqualByComparingTo(line.path("reached").decimalValue());
      assertThat(row.getCell(4).asNumber())
          .isEqualByComparingTo(line.path("paidAfterDunning").decimalValue());
      assertThat(row.getCell(5).asNumber())
          .isEqualByComparingTo(line.path("amountRecovered").decimalValue());
      assertThat(row.getCell(6).asNumber())
          .isEqualByComparingTo(line.path("conversionRate").decimalValue());
    }
    JsonNode details = agent.json(agent.get("/api/registers/dunning-details?orderId=" + unpaid));
    assertThat(details.toString()).contains(unpaid);
  }

  /** The dunning summary's line of a day for an agent, zeros when there is none yet. */
  private JsonNode dunningLine(Rest user, LocalDate day, String agent) {
    ResponseEntity<String> r = user.get("/api/dunning/summary?from=" + day + "&to=" + day);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    for (JsonNode line : user.json(r)) {
      if (line.path("agent").asText().equals(agent)) {
        assertThat(line.path("day").asText()).isEqualTo(day.toString());
        return line;
      }
    }
    return user.json(
        new ResponseEntity<>(
            "{\"orders\":0,\"reached\":0,\"paidAfterDunning\":0,\"amountRecovered\":0,\"conversionRate\":0}",
            org.springframework.http.HttpStatus.OK));
  }

  /** The first {@code n} cells of a spreadsheet row as text. */
  private static List<String> cells(org.dhatim.fastexcel.reader.Row row, int n) {
    List<String> out = new java.util.ArrayList<>();
    for (int c = 0; c < n; c++) {
      out.add(row.getCellText(c));
    }
    return out;
  }

  @Test
  void twoClerksUploadingTheSameReportAtOnceImportEachOrderOnce() throws Exception {
    List<com.aftersales.orders.ReportFixtures.Line> lines = new java.util.ArrayList<>();
    long base = System.nanoTime() % 1_000_000_000L;
    for (int i = 0; i < 1_100; i++) {
      lines.add(
          com.aftersales.orders.ReportFixtures.Line.unpaid(
              "6" + base + String.format("%05d", i), "tb_same_file", "2026-11-20 08:00:00"));
    }
    byte[] report =
        com.aftersales.orders.ReportFixtures.csv(
            com.aftersales.orders.ReportFixtures.NEW_HEADINGS,
            lines,
            java.nio.charset.StandardCharsets.UTF_8,
            true);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      java.util.concurrent.Callable<JsonNode> upload =
          () -> {
            Rest clerk = as("agent1");
            ResponseEntity<String> r =
                clerk.upload("/api/orders/import?wait=true", "同一份.csv", report);
            assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
            return clerk.json(r);
          };
      var a = pool.submit(upload);
      var b = pool.submit(upload);
      JsonNode first = a.get();
      JsonNode second = b.get();
      assertThat(first.path("status").asText()).isEqualTo("DONE");
      assertThat(second.path("status").asText()).isEqualTo("DONE");
      assertThat(first.path("created").asInt() + second.path("created").asInt()).isEqualTo(1_100);
      assertThat(first.path("failed").asInt() + second.path("failed").asInt()).isZero();
    } finally {
      pool.shutdownNow();
    }
    assertThat(orders.count("select count(*) from shop_order where buyer_id = ?", "tb_same_file"))
        .isEqualTo(1_100);
  }

  @Test
  void followUpCallsAreSelectedRecordedAndExportedOverHttp() throws Exception {
    String orderId = orders.create("tb_fu_http", "60.00", 1);
    orders.signedAt(orderId, java.time.OffsetDateTime.now().minusDays(4));
    orders.status(orderId, "SUCCEEDED");
    Rest supervisor = as("supervisor");
    ResponseEntity<String> run = supervisor.post("/api/follow-ups/runs", Map.of());
    assertThat(run.getStatusCode().value()).as(run.getBody()).isEqualTo(200);
    String caseId = "FOLLOWUP-RECEIVED-" + orderId;
    Rest agent = as("agent1");
    String call = agent.task(caseId, "userTask_call");
    ResponseEntity<String> unhappy =
        agent.claimAndComplete(
            call,
            "reachedAnswer",
            "YES",
            "productSatisfaction",
            "NOT",
            "serviceAttitude",
            "VERY",
            "serviceSkill",
            "VERY",
            "routeTo",
            "NONE");
    assertThat(unhappy.getStatusCode().value()).isEqualTo(400);
    assertThat(agent.json(unhappy).path("message").asText()).contains("请选择转到哪里处理");
    assertThat(
            agent
                .complete(
                    call,
                    "reachedAnswer",
                    "YES",
                    "productSatisfaction",
                    "VERY",
                    "serviceAttitude",
                    "VERY",
                    "serviceSkill",
                    "BASIC")
                .getStatusCode()
                .value())
        .isEqualTo(204);
    JsonNode page = agent.json(agent.get("/api/registers/follow-ups?orderId=" + orderId));
    assertThat(page.toString()).contains(caseId).contains("VERY");
    for (var register :
        List.of(
            com.aftersales.registers.Register.FOLLOW_UPS,
            com.aftersales.registers.Register.SPOT_CHECKS,
            com.aftersales.registers.Register.COMPLAINTS)) {
      ResponseEntity<byte[]> xlsx =
          supervisor.bytes("/api/registers/" + register.path() + "/export.xlsx");
      assertThat(xlsx.getStatusCode().value()).as(register.path()).isEqualTo(200);
      try (var wb =
          new org.dhatim.fastexcel.reader.ReadableWorkbook(
              new java.io.ByteArrayInputStream(xlsx.getBody()))) {
        var heading = wb.getFirstSheet().read().get(0);
        assertThat(cells(heading, heading.getCellCount()))
            .as("the headings of %s", register.path())
            .containsExactlyElementsOf(register.columns().stream().map(c -> c.label()).toList());
      }
    }
    // the headings as the shop names them, first and last, and the call's row under them
    try (var wb =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(
            new java.io.ByteArrayInputStream(
                supervisor
                    .bytes("/api/registers/follow-ups/export.xlsx?orderId=" + orderId)
                    .getBody()))) {
      var rows = wb.getFirstSheet().read();
      assertThat(rows.get(0).getCellText(0)).isEqualTo("安排日期");
      assertThat(rows.get(0).getCellText(21)).isEqualTo("回访单号");
      assertThat(rows).hasSize(2);
      assertThat(rows.get(1).getCellText(2)).isEqualTo(orderId);
      assertThat(rows.get(1).getCellText(3)).isEqualTo("tb_fu_http");
      assertThat(rows.get(1).getCellText(18)).isEqualTo("agent1");
      assertThat(rows.get(1).getCellText(21)).isEqualTo(caseId);
    }
    try (var wb =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(
            new java.io.ByteArrayInputStream(
                supervisor.bytes("/api/registers/spot-checks/export.xlsx").getBody()))) {
      var heading = wb.getFirstSheet().read().get(0);
      assertThat(heading.getCellText(0)).isEqualTo("抽查日期");
      assertThat(heading.getCellText(9)).isEqualTo("抽查时间");
    }
    try (var wb =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(
            new java.io.ByteArrayInputStream(
                supervisor.bytes("/api/registers/complaints/export.xlsx").getBody()))) {
      var heading = wb.getFirstSheet().read().get(0);
      assertThat(heading.getCellText(0)).isEqualTo("登记时间");
      assertThat(heading.getCellText(10)).isEqualTo("投诉单号");
    }
    JsonNode byAgent = agent.json(agent.get("/api/follow-ups/satisfaction?by=agent"));
    assertThat(byAgent.toString()).contains("agent1");
    ResponseEntity<String> badBy = agent.get("/api/follow-ups/satisfaction?by=shop");
    assertThat(badBy.getStatusCode().value()).isEqualTo(400);
    assertThat(agent.json(badBy).path("field").asText()).isEqualTo("by");
  }

  /**
   * Sends the same request from two threads released at the same instant (neither sends before the
   * other is ready) and returns both answers.
   */
  private static List<ResponseEntity<String>> twiceAtOnce(
      java.util.concurrent.Callable<ResponseEntity<String>> request) throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    var together = new java.util.concurrent.CyclicBarrier(2);
    try {
      java.util.concurrent.Callable<ResponseEntity<String>> send =
          () -> {
            together.await();
            return request.call();
          };
      var a = pool.submit(send);
      var b = pool.submit(send);
      return List.of(
          a.get(1, java.util.concurrent.TimeUnit.MINUTES),
          b.get(1, java.util.concurrent.TimeUnit.MINUTES));
    } finally {
      pool.shutdown();
    }
  }
}
