package com.aftersales.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.ProcessTestBase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The weekly rotation of seed 004's two halves of the day, with the default configuration. */
class RotationTest extends ProcessTestBase {

  @Autowired Rotation rotation;
  @Autowired Roster roster;
  @Autowired TestRestTemplate http;

  private LocalDate week;
  private String u1;
  private String u2;
  private String u3;

  @BeforeEach
  void aWeekOfItsOwn() {
    // a Monday far from any other test's weeks
    week =
        Roster.weekOf(
            LocalDate.of(2100, 1, 4)
                .plusWeeks(java.util.concurrent.ThreadLocalRandom.current().nextInt(5_000) * 10L));
    String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
    u1 = "rot1" + suffix;
    u2 = "rot2" + suffix;
    u3 = "rot3" + suffix;
    roster.assign(week, u1, "EARLY", "supervisor");
    roster.assign(week, u2, "LATE", "supervisor");
    roster.assign(week, u3, "EARLY", "supervisor");
  }

  private Map<String, String> shiftsOf(LocalDate w) {
    return roster.week(w).stream()
        .collect(Collectors.toMap(Roster.Assignment::userId, Roster.Assignment::shift));
  }

  @Test
  void nextWeekEarlyAndLateSwapAndTheWeekAfterSwapsBack() {
    Rotation.Generated next = rotation.generate(week.plusWeeks(1), Rotation.BY);

    assertThat(next.assigned()).isEqualTo(3);
    assertThat(next.skippedBecause()).isNull();
    assertThat(shiftsOf(week.plusWeeks(1)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(u1, "LATE", u2, "EARLY", u3, "LATE"));
    assertThat(roster.week(week.plusWeeks(1)))
        .extracting(Roster.Assignment::weekStart)
        .containsOnly(week.plusWeeks(1));

    rotation.generate(week.plusWeeks(2), Rotation.BY);
    assertThat(shiftsOf(week.plusWeeks(2))).isEqualTo(shiftsOf(week));
  }

  @Test
  void aWeekIsGeneratedOnceAndASupervisorsEditStays() {
    rotation.generate(week.plusWeeks(1), Rotation.BY);
    roster.assign(week.plusWeeks(1), u1, "EARLY", "supervisor"); // the supervisor changes it

    Rotation.Generated again = rotation.generate(week.plusWeeks(1), Rotation.BY);

    assertThat(again.assigned()).isZero();
    assertThat(again.skippedBecause()).isEqualTo("本周排班已生成过");
    assertThat(shiftsOf(week.plusWeeks(1))).containsEntry(u1, "EARLY").containsEntry(u2, "EARLY");
  }

  @Test
  void aWeekFilledInByHandIsLeftAlone() {
    roster.assign(week.plusWeeks(1), u2, "LATE", "supervisor");

    Rotation.Generated g = rotation.generate(week.plusWeeks(1), Rotation.BY);

    assertThat(g.skippedBecause()).isEqualTo("本周已有排班，未覆盖");
    assertThat(shiftsOf(week.plusWeeks(1))).isEqualTo(Map.of(u2, "LATE"));
  }

  @Test
  void nothingToRotateWithoutARosterTheWeekBefore() {
    Rotation.Generated g = rotation.generate(week.minusWeeks(5), Rotation.BY);

    assertThat(g.skippedBecause()).isEqualTo("上周没有排班，无从轮换");
    assertThat(roster.week(week.minusWeeks(5))).isEmpty();
    // and it can still be generated once there is one
    roster.assign(week.minusWeeks(6), u1, "LATE", "supervisor");
    assertThat(rotation.generate(week.minusWeeks(5), Rotation.BY).assigned()).isEqualTo(1);
  }

  @Test
  void twoNodesRunningAtOnceGenerateTheWeekOnce() throws Exception {
    var pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Rotation.Generated> run = () -> rotation.generate(week.plusWeeks(1), Rotation.BY);
      List<Rotation.Generated> results =
          pool.invokeAll(List.of(run, run)).stream()
              .map(
                  f -> {
                    try {
                      return f.get();
                    } catch (Exception e) {
                      throw new IllegalStateException(e);
                    }
                  })
              .toList();
      assertThat(results).extracting(Rotation.Generated::assigned).containsExactlyInAnyOrder(3, 0);
    } finally {
      pool.shutdown();
    }
    assertThat(roster.week(week.plusWeeks(1))).hasSize(3);
  }

  @Test
  void onlyASupervisorGeneratesThroughTheApiAndThenEditsTheWeek() {
    String path = "/api/roster/rotation?week=" + week.plusWeeks(1);
    assertThat(http.withBasicAuth("agent1", "demo").postForEntity(path, null, String.class))
        .extracting(r -> r.getStatusCode().value())
        .isEqualTo(403);
    assertThat(roster.week(week.plusWeeks(1))).isEmpty();

    ResponseEntity<String> made =
        http.withBasicAuth("supervisor", "demo").postForEntity(path, null, String.class);
    assertThat(made.getStatusCode().value()).isEqualTo(200);
    assertThat(made.getBody()).contains("\"assigned\":3").contains(u1).contains("LATE");
    assertThat(shiftsOf(week.plusWeeks(1))).containsEntry(u2, "EARLY");
  }
}
