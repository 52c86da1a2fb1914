package com.aftersales.api.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.api.Rest;
import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every bad-input suite shares: the demo users over HTTP, the check of a refusal (status,
 * Chinese reason, field) and the check that nothing was stored, by counting the rows of every table
 * a request could write to before and after.
 */
abstract class BadInputSuite extends ProcessTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The tables a refused request must leave as they were (ours and the engine's). */
  private static final List<String> TABLES =
      List.of(
          "shop_order",
          "after_sales_case",
          "case_event",
          "reship_form",
          "courier_loss",
          "return_register",
          "roster_assignment",
          "handover_log",
          "stock_out",
          "follow_up_call",
          "spot_check",
          "complaint",
          "order_import",
          "order_import_error",
          "dunning_case",
          "dunning_detail",
          "ACT_HI_PROCINST",
          "ACT_RU_TASK",
          "ACT_RU_VARIABLE",
          "ACT_RE_DEPLOYMENT",
          "ACT_RE_PROCDEF");

  @Autowired protected TestRestTemplate http;
  @Autowired protected JdbcTemplate jdbc;

  private static int rows;

  protected Rest as(String user) {
    return new Rest(http, user, user == null ? null : "demo");
  }

  /** The row counts of the tables a request could write to. */
  protected Map<String, Long> stored() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  /**
   * The request was refused with {@code status}, a reason containing {@code fragment} and, when
   * given, naming {@code field}; and nothing was stored.
   */
  protected void assertRefused(
      String what,
      Map<String, Long> before,
      ResponseEntity<String> r,
      int status,
      String fragment,
      String field) {
    String body = r.getBody() == null ? "" : r.getBody();
    assertThat(r.getStatusCode().value()).as(what + " → " + body).isEqualTo(status);
    if (fragment != null && !fragment.isBlank()) {
      // what the clerk reads: our problem's detail, or the engine's message
      JsonNode answer = json(body);
      String message =
          answer.has("detail") ? answer.path("detail").asText() : answer.path("message").asText();
      assertThat(message).as(what + " → " + body).contains(fragment);
      assertThat(message).as(what + ": worded in Chinese").containsPattern("[\\u4e00-\\u9fff]");
      assertThat(message).as(what + ": no Java wording").doesNotContain("Exception");
    }
    if (field != null && !field.isBlank()) {
      assertThat(json(body).path("field").asText()).as(what + " names the field").isEqualTo(field);
    }
    assertThat(stored()).as(what + ": nothing stored").isEqualTo(before);
    rows++;
  }

  static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }

  @AfterAll
  static void count(org.junit.jupiter.api.TestInfo info) {
    System.out.printf(
        "%s: %d bad inputs refused%n",
        info.getTestClass().map(Class::getSimpleName).orElse("?"), rows);
    rows = 0;
  }
}
