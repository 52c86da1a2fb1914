package com.aftersales.shifts.report;

import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import com.aftersales.shifts.Roster;
import com.aftersales.shifts.ShiftsConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The day reports: the agents' day as figures, the report each agent submits with a note, and who
 * owes one by when (the end of their shift in this week's roster, never before the report time).
 */
@Service
class DayReports {

  static final int NOTE_LIMIT = 2000;

  /** A submitted report: the note and the figures as they stood then. */
  record Submitted(String note, OffsetDateTime submittedAt, JsonNode figures) {}

  /** One agent's day: live figures, the report if submitted, and whether it was flagged. */
  record AgentDay(
      String agent, String name, DayFigures.Figures figures, Submitted report, boolean flagged) {}

  /** A day for the page and the API: the hours summed up and each agent's day. */
  record Day(
      LocalDate date,
      OffsetDateTime from,
      OffsetDateTime to,
      LocalTime dueAt,
      List<AgentDay> agents) {}

  private final DayFigures figures;
  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final Roster roster;
  private final ShiftsConfig shifts;
  private final ObjectMapper json;
  private final Clock clock;

  /** The time of day the report is due (seed 004: 17:00), in the shop's time zone. */
  private final LocalTime dueAt;

  DayReports(
      DayFigures figures,
      JdbcTemplate jdbc,
      IdentityService identity,
      Roster roster,
      ShiftsConfig shifts,
      ObjectMapper json,
      Clock clock,
      @Value("${aftersales.day-report.due-at:17:00}") LocalTime dueAt) {
    this.figures = figures;
    this.jdbc = jdbc;
    this.identity = identity;
    this.roster = roster;
    this.shifts = shifts;
    this.json = json;
    this.clock = clock;
    this.dueAt = dueAt;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  LocalTime dueAt() {
    return dueAt;
  }

  /** The day of {@code agents} (every agent when null), summed up to now or to the day's end. */
  Day day(LocalDate date, List<String> agents) {
    OffsetDateTime from = date.atStartOfDay(clock.getZone()).toOffsetDateTime();
    OffsetDateTime end = date.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime to = now.isBefore(end) ? (now.isAfter(from) ? now : from) : end;
    List<String> who = agents == null ? agents() : agents;
    Map<String, DayFigures.Figures> byAgent = figures.of(who, from, to);
    Map<String, Submitted> submitted = submitted(date);
    Set<String> flagged =
        new TreeSet<>(
            jdbc.queryForList(
                "select user_id from day_report_flag where report_day = ?", String.class, date));
    Map<String, String> names = names();
    List<AgentDay> days =
        who.stream()
            .map(
                a ->
                    new AgentDay(
                        a,
                        names.getOrDefault(a, a),
                        byAgent.get(a),
                        submitted.get(a),
                        flagged.contains(a)))
            .toList();
    return new Day(date, from, to, dueAt, days);
  }

  /** Stores the agent's report of today with the figures as they stand now; again replaces it. */
  Submitted submit(String agent, String note) {
    String text = note == null ? "" : note.trim();
    if (text.isEmpty()) {
      throw new InvalidInputException("note", "请写几句今天的工作小结，再提交日报");
    }
    if (text.length() > NOTE_LIMIT) {
      throw new InvalidInputException("note", "工作小结最多 " + NOTE_LIMIT + " 个字");
    }
    LocalDate date = today();
    AgentDay day = day(date, List.of(agent)).agents().get(0);
    String snapshot;
    try {
      snapshot = json.writeValueAsString(day.figures());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    OffsetDateTime now = OffsetDateTime.now(clock);
    int updated =
        jdbc.update(
            "update day_report set note = ?, figures = ?, submitted_at = ? where report_day = ? and user_id = ?",
            text,
            snapshot,
            now,
            date,
            agent);
    if (updated == 0) {
      jdbc.update(
          "insert into day_report (report_day, user_id, note, figures, submitted_at) values (?,?,?,?,?)",
          date,
          agent,
          text,
          snapshot,
          now);
    }
    return submitted(date).get(agent);
  }

  Map<String, Submitted> submitted(LocalDate date) {
    Map<String, Submitted> reports = new TreeMap<>();
    jdbc.query(
        "select user_id, note, submitted_at, figures from day_report where report_day = ?",
        rs -> {
          reports.put(
              rs.getString(1),
              new Submitted(
                  rs.getString(2), rs.getObject(3, OffsetDateTime.class), parse(rs.getString(4))));
        },
        date);
    return reports;
  }

  /**
   * Who owes a report for {@code date} and by when: this week's rostered agents at the end of their
   * shift, and agents who worked tasks that day without a shift at the end of the day's last shift;
   * never before the report time.
   */
  Map<String, OffsetDateTime> owed(LocalDate date) {
    Set<String> agents = new TreeSet<>(agents());
    LocalTime lastEnd =
        shifts.definitions().stream()
            .map(ShiftsConfig.Shift::ends)
            .max(Comparator.naturalOrder())
            .orElse(dueAt);
    Map<String, OffsetDateTime> owed = new LinkedHashMap<>();
    OffsetDateTime from = date.atStartOfDay(clock.getZone()).toOffsetDateTime();
    for (String a :
        jdbc.queryForList(
            "select distinct ASSIGNEE_ from ACT_HI_TASKINST where END_TIME_ >= ? and END_TIME_ < ?"
                + " and ASSIGNEE_ is not null",
            String.class,
            Timestamp.from(from.toInstant()),
            Timestamp.from(from.plusDays(1).toInstant()))) {
      if (agents.contains(a)) {
        owed.put(a, at(date, lastEnd));
      }
    }
    for (Roster.Assignment r : roster.week(Roster.weekOf(date))) {
      if (agents.contains(r.userId())) {
        shifts.find(r.shift()).ifPresent(s -> owed.put(r.userId(), at(date, s.ends())));
      }
    }
    return owed;
  }

  private OffsetDateTime at(LocalDate date, LocalTime shiftEnd) {
    LocalTime due = shiftEnd.isAfter(dueAt) ? shiftEnd : dueAt;
    return date.atTime(due).atZone(clock.getZone()).toOffsetDateTime();
  }

  /** The agents' group, in id order (a team, not a crowd). */
  List<String> agents() {
    return identity
        .createUserQuery()
        .memberOfGroup(Roles.AGENTS)
        .orderByUserId()
        .asc()
        .list()
        .stream()
        .map(User::getId)
        .toList();
  }

  Map<String, String> names() {
    Map<String, String> names = new TreeMap<>();
    for (User u : identity.createUserQuery().memberOfGroup(Roles.AGENTS).list()) {
      String first = u.getFirstName() == null ? "" : u.getFirstName().trim();
      names.put(u.getId(), first.isEmpty() ? u.getId() : first);
    }
    return names;
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
