package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** Who may use the desk's endpoints (registers list, day reports, the menu), role by role. */
class DeskAuthorizationTest extends ProcessTestBase {

  @Autowired TestRestTemplate http;

  private Rest as(String user) {
    return user.equals("anonymous") ? new Rest(http, null, null) : new Rest(http, user, "demo");
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    // user,      action,                    expected
    "agent1,      list the registers,        200",
    "warehouse,   list the registers,        200",
    "anonymous,   list the registers,        401",
    "agent1,      read the day report,       200",
    "supervisor,  read the day report,       200",
    "warehouse,   read the day report,       403",
    "finance,     read the day report,       403",
    "owner,       read the day report,       403",
    "backoffice,  read the day report,       403",
    "anonymous,   read the day report,       401",
    "agent1,      submit a day report,       200",
    "supervisor,  submit a day report,       403",
    "finance,     submit a day report,       403",
    "anonymous,   submit a day report,       401",
    "supervisor,  export the day reports,    200",
    "agent1,      export the day reports,    403",
    "finance,     export the day reports,    403",
    "anonymous,   export the day reports,    401",
    "agent1,      read the menu,             200",
    "backoffice,  read the menu,             200",
    "anonymous,   read the menu,             401",
  })
  void roleAction(String user, String action, int expected) {
    Rest rest = as(user);
    ResponseEntity<String> r =
        switch (action) {
          case "list the registers" -> rest.get("/api/registers");
          case "read the day report" -> rest.get("/api/reports/day?date=2026-11-30");
          case "submit a day report" -> rest.post("/api/reports/day", Map.of("note", "权限测试"));
          case "export the day reports" -> rest.get("/api/reports/day/export.xlsx?date=2026-11-30");
          case "read the menu" -> rest.get("/api/me/navigation");
          default -> throw new IllegalArgumentException(action);
        };
    assertThat(r.getStatusCode().value())
        .as("%s may %s: %s", user, action, r.getBody())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} sees {1}")
  @CsvSource({
    "agent1,     tasklist cases orders registers day-report",
    "supervisor, tasklist cases console orders registers day-reports",
    "finance,    tasklist cases refunds registers",
    "warehouse,  tasklist cases registers",
    "owner,      tasklist registers",
    "backoffice, ''",
  })
  void theMenuHoldsWhatTheRoleMayUse(String user, String keys) {
    Rest rest = as(user);
    JsonNode menu = rest.json(rest.get("/api/me/navigation"));
    List<String> seen = new ArrayList<>();
    menu.path("items").forEach(i -> seen.add(i.path("key").asText()));
    assertThat(String.join(" ", seen)).isEqualTo(keys);
    assertThat(menu.path("userId").asText()).isEqualTo(user);
  }

  @ParameterizedTest(name = "{0} reads {1} days")
  @CsvSource({"agent1, own", "supervisor, everyone's"})
  void anAgentReadsOnlyTheirOwnDay(String user, String whose) {
    Rest rest = as(user);
    JsonNode agents = rest.json(rest.get("/api/reports/day?date=2026-11-30")).path("agents");
    List<String> ids = new ArrayList<>();
    agents.forEach(a -> ids.add(a.path("agent").asText()));
    if (whose.equals("own")) {
      assertThat(ids).containsExactly(user);
    } else {
      assertThat(ids).contains("agent1", "agent2");
    }
  }
}
