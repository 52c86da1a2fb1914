package com.aftersales.shifts.report;

import static com.aftersales.support.ClaimSteps.damage;
import static com.aftersales.support.ClaimSteps.evidence;
import static com.aftersales.support.ClaimSteps.told;
import static com.aftersales.support.ClaimSteps.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.api.Rest;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseService;
import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * A refund that a damage claim calls is one refund in the day report: the claim gets the refund's
 * outcome back as a variable of its own, which must not count as a second refund agreed.
 */
class DayReportClaimRefundTest extends ProcessTestBase {

  /** A day no other test uses. */
  private static final LocalDate DAY = LocalDate.of(2031, 5, 12);

  @Autowired TestRestTemplate http;
  @Autowired CaseService cases;
  @Autowired IdentityService identity;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aClaimsRefundCountsOnceForTheAgentWhoOpenedTheClaim() {
    ClockUtil.setCurrentTime(
        Date.from(DAY.atTime(LocalTime.of(10, 0)).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    String orderId = orders.create("tb_dayclaim", "50.00", 3);
    String caseId;
    identity.setAuthentication("agent2", List.of("agents"));
    try {
      caseId =
          cases.open(CaseKind.DAMAGE.name(), orderId, "tb_dayclaim", "收到时杯子碎了").record().caseId();
    } finally {
      identity.clearAuthentication();
    }
    ProcessInstance pi =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseId)
            .processDefinitionKey(CaseKind.DAMAGE.processKey())
            .singleResult();
    complete(pi, "userTask_collectEvidence", evidence());
    complete(pi, "userTask_checkEvidence", damage("UNUSABLE", 2, false));
    complete(
        pi, "userTask_offerResolution", told(vars("buyerChoice", "REFUND", "refundAmount", 100)));
    runDueJobs(pi);
    financeAgrees(pi);
    // both the refund and the claim hold refundOutcome = AGREED in their history
    assertThat(
            processEngine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .variableName("refundOutcome")
                .processInstanceIdIn(pi.getId())
                .singleResult()
                .getValue())
        .isEqualTo("AGREED");

    // the report of the day, asked for at the end of the shift
    ClockUtil.setCurrentTime(
        Date.from(DAY.atTime(LocalTime.of(18, 0)).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    Rest rest = new Rest(http, "supervisor", "demo");
    var r = rest.get("/api/reports/day?date=" + DAY);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    JsonNode figures = null;
    for (JsonNode a : rest.json(r).path("agents")) {
      if ("agent2".equals(a.path("agent").asText())) {
        figures = a.path("figures");
      }
    }
    assertThat(figures).as("agent2 in the day report").isNotNull();
    assertThat(figures.path("casesOpened").asInt()).isEqualTo(1);
    assertThat(figures.path("refundsAgreed").asInt()).isEqualTo(1);
    assertThat(new java.math.BigDecimal(figures.path("refundAmount").asText()))
        .isEqualByComparingTo("100.00");
  }
}
