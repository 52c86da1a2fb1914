package com.aftersales.shifts;

import com.aftersales.base.Access;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/shifts} and {@code /api/roster}: shifts, the weekly roster, one-step handover. */
@RestController
@RequestMapping("/api")
class ShiftController {

  /** A roster line to set. */
  record RosterLine(String week, String userId, String shift) {}

  private final Handover handover;
  private final Roster roster;
  private final ShiftsConfig shifts;
  private final IdentityService identity;
  private final Rotation rotation;

  ShiftController(
      Handover handover,
      Roster roster,
      ShiftsConfig shifts,
      IdentityService identity,
      Rotation rotation) {
    this.rotation = rotation;
    this.handover = handover;
    this.roster = roster;
    this.shifts = shifts;
    this.identity = identity;
  }

  @GetMapping("/shifts")
  Map<String, Object> shifts() {
    return Map.of("shifts", shifts.definitions(), "releaseAtEnd", shifts.releaseAtEnd());
  }

  @PostMapping("/shifts/handover")
  Handover.Result handOver(@RequestBody(required = false) Handover.Request request) {
    String by = supervisor();
    if (request == null) {
      throw new InvalidInputException("body", "请求内容为空：需要 fromAgents 或 fromShift、target、note");
    }
    return handover.handOver(request, by);
  }

  @GetMapping("/roster")
  List<Roster.Assignment> week(@RequestParam(required = false) String week) {
    return roster.week(week(week, "week"));
  }

  @PutMapping("/roster")
  List<Roster.Assignment> assign(@RequestBody RosterLine line) {
    String by = supervisor();
    LocalDate week = week(line.week(), "week");
    if (line.userId() == null || identity.createUserQuery().userId(line.userId()).count() == 0) {
      throw new InvalidInputException("userId", "找不到员工 " + line.userId());
    }
    String shift =
        shifts
            .find(line.shift() == null ? "" : line.shift().trim().toUpperCase())
            .map(ShiftsConfig.Shift::code)
            .orElseThrow(() -> new InvalidInputException("shift", "没有班次 “" + line.shift() + "”"));
    roster.assign(week, line.userId(), shift, by);
    return roster.week(week);
  }

  /**
   * Generates a week's roster (next week when none is given) from the week before by the weekly
   * rotation, as the Friday job does; once per week, a week filled in by hand is left alone.
   */
  @PostMapping("/roster/rotation")
  Map<String, Object> rotate(@RequestParam(required = false) String week) {
    String by = supervisor();
    LocalDate w =
        week == null || week.isBlank() ? roster.thisWeek().plusWeeks(1) : week(week, "week");
    Rotation.Generated g = rotation.generate(w, by);
    Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("week", g.week());
    answer.put("assigned", g.assigned());
    answer.put("skippedBecause", g.skippedBecause());
    answer.put("roster", roster.week(g.week()));
    return answer;
  }

  @DeleteMapping("/roster")
  List<Roster.Assignment> remove(@RequestParam String week, @RequestParam String userId) {
    supervisor();
    LocalDate w = week(week, "week");
    roster.remove(w, userId);
    return roster.week(w);
  }

  private LocalDate week(String value, String field) {
    if (value == null || value.isBlank()) {
      return roster.thisWeek();
    }
    try {
      return Roster.weekOf(LocalDate.parse(value.trim()));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "日期 “" + value + "” 格式不对，请写成 2026-11-23 这样的年-月-日");
    }
  }

  private String supervisor() {
    return Access.require(identity, "只有客服主管可以排班和交接班", Roles.SUPERVISORS);
  }
}
