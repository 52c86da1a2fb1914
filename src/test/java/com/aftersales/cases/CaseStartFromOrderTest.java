package com.aftersales.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.base.InvalidInputException;
import com.aftersales.support.ProcessTestBase;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every kind of case starts from Tasklist's start form with the order number and the description
 * alone: the buyer, the item and the amounts come from the order. A buyer typed anyway must be the
 * order's.
 */
class CaseStartFromOrderTest extends ProcessTestBase {

  private static final String BUYER = "tb_from_order";

  @Autowired FormService forms;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;

  /** What the kind's start form sends besides the order number: the description, a price cut. */
  private static Map<String, Object> startForm(CaseKind kind, String orderId) {
    Map<String, Object> values = new HashMap<>();
    values.put("orderId", orderId);
    values.put("description", "买家在千牛反映的问题");
    if (kind == CaseKind.PRICE_DROP) {
      values.put("newPrice", 30.0);
      values.put("priceCutDate", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString());
    }
    return values;
  }

  private String definition(CaseKind kind) {
    return repository
        .createProcessDefinitionQuery()
        .processDefinitionKey(kind.processKey())
        .latestVersion()
        .singleResult()
        .getId();
  }

  private ProcessInstance submit(CaseKind kind, Map<String, Object> values) {
    identity.setAuthentication("agent1", List.of("agents"));
    try {
      return forms.submitStartForm(definition(kind), values);
    } finally {
      identity.clearAuthentication();
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(CaseKind.class)
  void shouldStartWithTheOrderNumberAndDescriptionAloneAndTakeTheBuyerFromTheOrder(CaseKind kind) {
    String orderId = orders.create(BUYER, "40.00", 2);
    orders.status(orderId, "SUCCEEDED");

    ProcessInstance pi = submit(kind, startForm(kind, orderId));

    assertThat(pi.getBusinessKey()).isEqualTo(kind.openKey(orderId));
    Map<String, Object> vars = runtime.getVariables(pi.getId());
    assertThat(vars)
        .containsEntry("buyerId", BUYER)
        .containsEntry("totalPaid", 80.0)
        .containsEntry("itemPrice", 40.0)
        .containsEntry("quantity", 2L);
    assertThat(vars.get("itemTitle")).isNotNull();
    assertThat(
            jdbc.queryForObject(
                "select buyer_id from after_sales_case where case_id = ?",
                String.class,
                pi.getBusinessKey()))
        .isEqualTo(BUYER);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(CaseKind.class)
  void shouldRefuseABuyerWhoIsNotTheOrdersNamingTheField(CaseKind kind) {
    String orderId = orders.create(BUYER, "40.00", 2);
    orders.status(orderId, "SUCCEEDED");
    Map<String, Object> values = startForm(kind, orderId);
    values.put("buyerId", "tb_someone_else");

    assertThatThrownBy(() -> submit(kind, values))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("buyerId"))
        .hasMessageContaining("订单 " + orderId + " 的买家不是 tb_someone_else");
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(kind.openKey(orderId))
                .count())
        .isZero();
  }
}
