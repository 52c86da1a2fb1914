package com.aftersales.shifts.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.api.Rest;
import com.aftersales.shifts.Roster;
import com.aftersales.support.ProcessTestBase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A day report not submitted by the end of the agent's shift (never before 17:00) is flagged to the
 * supervisors' console once; a submitted one is not; the notice goes when the report comes.
 */
class DayReportFlagTest extends ProcessTestBase {

  private static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

  /** A Monday no other test uses. */
  private static final LocalDate DAY = LocalDate.of(2031, 3, 17);

  @Autowired DayReportWatch watch;
  @Autowired Roster roster;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  private static void clock(int hour, int minute) {
    OffsetDateTime t =
        LocalDateTime.of(DAY, LocalTime.of(hour, minute)).atZone(SHOP).toOffsetDateTime();
    ClockUtil.setCurrentTime(Date.from(t.toInstant()));
  }

  private int flags(String agent) {
    return jdbc.queryForObject(
        "select count(*) from day_report_flag where report_day = ? and user_id = ?",
        Integer.class,
        DAY,
        agent);
  }

  private String consoleNotices() {
    Rest supervisor = new Rest(http, "supervisor", "demo");
    return supervisor.json(supervisor.get("/api/console/summary")).path("notices").toString();
  }

  @Test
  void aReportMissingAtTheEndOfTheShiftIsFlaggedOnceAndClearedBySubmitting() {
    roster.assign(DAY, "agent1", "LATE", "supervisor");
    roster.assign(DAY, "agent2", "EARLY", "supervisor");

    clock(16, 59); // the early shift ended at 15:00, but the report is due at 17:00
    watch.flagOverdue();
    assertThat(flags("agent2")).isZero();

    clock(17, 1);
    watch.flagOverdue();
    assertThat(flags("agent2")).isEqualTo(1);
    assertThat(flags("agent1")).as("the late shift ends at 21:00").isZero();
    assertThat(consoleNotices()).contains("李晓峰（agent2）未提交 3月17日 的日报（应在 17:00 前提交）");

    clock(17, 30);
    assertThat(watch.flagOverdue()).as("flagged once").isZero();
    assertThat(flags("agent2")).isEqualTo(1);

    clock(20, 0);
    Rest agent1 = new Rest(http, "agent1", "demo");
    var submitted = agent1.post("/api/reports/day", Map.of("note", "今天处理了 3 个破损单"));
    assertThat(submitted.getStatusCode().value()).as(submitted.getBody()).isEqualTo(200);
    Rest agent2 = new Rest(http, "agent2", "demo");
    assertThat(agent2.post("/api/reports/day", Map.of("note", "补交")).getStatusCode().value())
        .isEqualTo(200);

    clock(21, 5);
    watch.flagOverdue();
    assertThat(flags("agent1")).as("submitted before the shift ended").isZero();
    assertThat(consoleNotices()).doesNotContain("agent2）未提交 3月17日");

    Rest supervisor = new Rest(http, "supervisor", "demo");
    var day = supervisor.json(supervisor.get("/api/reports/day?date=" + DAY)).path("agents");
    for (var a : day) {
      if (a.path("agent").asText().equals("agent2")) {
        assertThat(a.path("flagged").asBoolean()).isTrue();
        assertThat(a.path("report").path("note").asText()).isEqualTo("补交");
      }
      if (a.path("agent").asText().equals("agent1")) {
        assertThat(a.path("report").path("note").asText()).isEqualTo("今天处理了 3 个破损单");
        assertThat(a.path("report").path("figures").has("tasksDoneTotal")).isTrue();
      }
    }
  }

  @Test
  void aReportWithoutANoteIsRefusedNamingTheNote() {
    Rest agent1 = new Rest(http, "agent1", "demo");
    var r = agent1.post("/api/reports/day", Map.of("note", "  "));
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(agent1.json(r).path("field").asText()).isEqualTo("note");
  }
}
