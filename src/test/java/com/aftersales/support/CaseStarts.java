package com.aftersales.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseService;
import com.aftersales.dunning.DunningService;
import com.aftersales.followup.FollowUpSelection;
import com.aftersales.followup.SpotCheckSampling;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Cases of every process, begun the way the application begins them (opening a case, the daily
 * dunning run, the follow-up selection, a sampled spot check), for tests that need cases of every
 * kind in a running application: the upgrade test and the backup drill.
 */
public final class CaseStarts {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  /** How a case of one kind begins, and what its buyer answers whatever the form offers. */
  public record Plan(
      String name, java.util.function.Supplier<String> start, Map<String, Object> answers) {}

  private final ProcessEngine engine;
  private final CaseService cases;
  private final TestOrders orders;
  private final JdbcTemplate jdbc;
  private final DunningService dunning;
  private final FollowUpSelection followUps;
  private final SpotCheckSampling spotChecks;
  private int spotDays;

  public CaseStarts(ConfigurableApplicationContext ctx) {
    engine = ctx.getBean(ProcessEngine.class);
    cases = ctx.getBean(CaseService.class);
    jdbc = ctx.getBean(JdbcTemplate.class);
    orders = new TestOrders(jdbc);
    dunning = ctx.getBean(DunningService.class);
    followUps = ctx.getBean(FollowUpSelection.class);
    spotChecks = ctx.getBean(SpotCheckSampling.class);
  }

  public List<Plan> plans() {
    return List.of(
        new Plan("damage", () -> open("DAMAGE", "SUCCEEDED", Map.of()), Map.of()),
        new Plan(
            "damage-reship",
            () -> open("DAMAGE", "SUCCEEDED", Map.of()),
            FormWalker.answers("buyerChoice", "RESHIP", "damageType", "UNUSABLE")),
        new Plan(
            "damage-return",
            () -> open("DAMAGE", "SUCCEEDED", Map.of()),
            FormWalker.answers(
                "buyerChoice", "RETURN", "damageType", "USABLE", "returnPostage", 10)),
        new Plan("wrong-item", () -> open("WRONG_ITEM", "SUCCEEDED", Map.of()), Map.of()),
        new Plan("return", () -> open("RETURN", "SUCCEEDED", Map.of()), Map.of()),
        new Plan("exchange", () -> open("EXCHANGE", "SUCCEEDED", Map.of()), Map.of()),
        new Plan(
            "refund-paid", () -> open("REFUND", "PAID", Map.of("refundAmount", 80.0)), Map.of()),
        new Plan(
            "refund-shipped",
            () -> open("REFUND", "SHIPPED", Map.of("refundAmount", 80.0)),
            Map.of()),
        new Plan(
            "refund-succeeded",
            () -> open("REFUND", "SUCCEEDED", Map.of("refundAmount", 20.0)),
            Map.of()),
        new Plan("complaint", () -> open("COMPLAINT", "SUCCEEDED", Map.of()), Map.of()),
        new Plan("dunning", this::dunningCase, Map.of()),
        new Plan("follow-up", this::followUpCall, Map.of()),
        new Plan("spot-check", this::spotCheck, Map.of()));
  }

  private String open(String kind, String status, Map<String, Object> fields) {
    String orderId = orders.create("tb_upgrade", "40.00", 2);
    orders.status(orderId, status);
    String caseId = cases.open(kind, orderId, "tb_upgrade", "升级前开的售后单", fields).record().caseId();
    return rootOf(caseId);
  }

  private String rootOf(String businessKey) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .rootProcessInstances()
        .singleResult()
        .getId();
  }

  private String dunningCase() {
    LocalDate yesterday = dunning.yesterday();
    String orderId =
        orders.unpaid(
            "tb_upgrade_dun", yesterday.atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime());
    dunning.run(yesterday);
    return rootOf("DUNNING-" + orderId);
  }

  private String followUpCall() {
    LocalDate day = followUps.today();
    String orderId =
        orders.signed(
            "tb_upgrade_fu",
            "浙江省 杭州市",
            day.minusDays(3).atTime(15, 0).atZone(SHANGHAI).toOffsetDateTime());
    followUps.select(day);
    return rootOf("FOLLOWUP-RECEIVED-" + orderId);
  }

  /**
   * A call made and finished on the old release, then sampled for a supervisor's check. Each spot
   * check gets a day of its own ahead of the others, so the day's sample is this call.
   */
  private String spotCheck() {
    ClockUtil.setCurrentTime(
        Date.from(
            LocalDate.now(SHANGHAI)
                .plusDays(100L + 3L * spotDays++)
                .atTime(10, 0)
                .atZone(SHANGHAI)
                .toInstant()));
    String call = followUpCall();
    new FormWalker(engine, 7, FormWalker.answers("reachedAnswer", "YES", "routeTo", "NONE"))
        .walkToEnd(call, 20);
    String callCase =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(call)
            .singleResult()
            .getBusinessKey();
    LocalDate day =
        jdbc.queryForObject(
            "select completed_on from follow_up_call where case_id = ?", LocalDate.class, callCase);
    List<String> sampled = spotChecks.sample(day).callCaseIds();
    assertThat(sampled).as("the day's sample").containsExactly(callCase);
    return rootOf("SPOT-" + callCase);
  }
}
