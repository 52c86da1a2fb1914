package com.aftersales.shifts.report;

import com.aftersales.base.Access;
import com.aftersales.cases.CaseKind;
import com.aftersales.refund.RefundCallVariables;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An agent's day summed up from the history: every figure is one grouped query over one day of an
 * indexed time column (the engine's task end and start times, variable-change times, our registers'
 * dates), for all the agents asked about at once. Nothing reads the history without a date range.
 */
@Component
class DayFigures {

  /** How often a task was done that day, by the task's name. */
  record TaskCount(String task, long count) {}

  /** One agent's figures for [from, to). */
  record Figures(
      List<TaskCount> tasksDone,
      long tasksDoneTotal,
      long casesOpened,
      long casesClosed,
      long stillOpen,
      long overdue,
      long refundsAgreed,
      BigDecimal refundAmount,
      long dunningCalls,
      long paymentsRecovered,
      BigDecimal amountRecovered,
      long followUpCalls,
      long followUpsReached,
      long followUpsRouted,
      long handoversReceived) {}

  private final JdbcTemplate jdbc;
  private final HistoryService history;
  private final IdentityService identity;

  /** How far back a task still open at the end of the day may have been created. */
  private final Duration openLookback;

  DayFigures(
      JdbcTemplate jdbc,
      HistoryService history,
      IdentityService identity,
      @Value("${aftersales.day-report.open-lookback:P90D}") Duration openLookback) {
    this.jdbc = jdbc;
    this.history = history;
    this.identity = identity;
    this.openLookback = openLookback;
  }

  /** The figures of each agent for [from, to), in the order asked. */
  Map<String, Figures> of(Collection<String> agents, OffsetDateTime from, OffsetDateTime to) {
    Map<String, Acc> acc = new LinkedHashMap<>();
    agents.forEach(a -> acc.put(a, new Acc()));
    if (agents.isEmpty()) {
      return Map.of();
    }
    Timestamp f = Timestamp.from(from.toInstant());
    Timestamp t = Timestamp.from(to.toInstant());
    String in = in(agents);
    List<Object> args = new ArrayList<>(List.of(f, t));
    args.addAll(agents);
    jdbc.query(
        "select ASSIGNEE_, NAME_, count(*) n from ACT_HI_TASKINST where END_TIME_ >= ? and END_TIME_ < ?"
            + " and DELETE_REASON_ = 'completed' and ASSIGNEE_ in "
            + in
            + " group by ASSIGNEE_, NAME_",
        rs -> {
          String name = rs.getString(2) == null ? "（未命名任务）" : rs.getString(2);
          acc.get(rs.getString(1)).tasks.merge(name, rs.getLong(3), Long::sum);
        },
        args.toArray());
    List<Object> open =
        new ArrayList<>(List.of(t, Timestamp.from(from.minus(openLookback).toInstant()), t, t));
    open.addAll(agents);
    jdbc.query(
        "select ASSIGNEE_, count(*), sum(case when DUE_DATE_ < ? then 1 else 0 end)"
            + " from ACT_HI_TASKINST where START_TIME_ >= ? and START_TIME_ < ?"
            + " and (END_TIME_ is null or END_TIME_ >= ?) and ASSIGNEE_ in "
            + in
            + " group by ASSIGNEE_",
        rs -> {
          Acc a = acc.get(rs.getString(1));
          a.stillOpen = rs.getLong(2);
          a.overdue = rs.getLong(3);
        },
        open.toArray());
    count(
        acc,
        "select opened_by, count(*) from after_sales_case where opened_at >= ? and opened_at < ?"
            + " group by opened_by",
        (a, n) -> a.casesOpened = n,
        from,
        to);
    count(
        acc,
        "select opened_by, count(*) from after_sales_case where closed_at >= ? and closed_at < ?"
            + " group by opened_by",
        (a, n) -> a.casesClosed = n,
        from,
        to);
    count(
        acc,
        "select agent, count(*) from dunning_detail where contacted_at >= ? and contacted_at < ?"
            + " group by agent",
        (a, n) -> a.dunningCalls = n,
        from,
        to);
    count(
        acc,
        "select to_user, count(*) from handover_log where moved_at >= ? and moved_at < ?"
            + " and result = 'MOVED' group by to_user",
        (a, n) -> a.handoversReceived = n,
        from,
        to);
    jdbc.query(
        "select caller, count(*), sum(case when reached then 1 else 0 end),"
            + " sum(case when routed_case_id is not null then 1 else 0 end)"
            + " from follow_up_call where called_at >= ? and called_at < ? group by caller",
        rs -> {
          Acc a = acc.get(rs.getString(1));
          if (a != null) {
            a.followUpCalls = rs.getLong(2);
            a.followUpsReached = rs.getLong(3);
            a.followUpsRouted = rs.getLong(4);
          }
        },
        from,
        to);
    jdbc.query(
        "select (select d.agent from dunning_detail d where d.case_id = c.case_id order by d.id"
            + " fetch first 1 rows only) first_agent, c.amount from dunning_case c"
            + " where c.closed_at >= ? and c.closed_at < ? and c.outcome = 'PAID'",
        rs -> {
          Acc a = rs.getString(1) == null ? null : acc.get(rs.getString(1));
          if (a != null) {
            a.paymentsRecovered++;
            a.amountRecovered = a.amountRecovered.add(rs.getBigDecimal(2));
          }
        },
        from,
        to);
    refunds(acc, f, t);
    Map<String, Figures> result = new LinkedHashMap<>();
    acc.forEach((agent, a) -> result.put(agent, a.figures()));
    return result;
  }

  /**
   * Refunds agreed that day (the refund's outcome became AGREED: the money went back), counted for
   * the agent who opened the case, with the refund's amount.
   */
  private void refunds(Map<String, Acc> acc, Timestamp from, Timestamp to) {
    Map<String, String> caseOf = new HashMap<>();
    jdbc.query(
        "select distinct d.PROC_INST_ID_, p.BUSINESS_KEY_ from ACT_HI_DETAIL d"
            + " join ACT_HI_PROCINST p on p.ID_ = d.PROC_INST_ID_"
            + " where d.NAME_ = ? and d.TIME_ >= ? and d.TIME_ < ? and d.TEXT_ = 'AGREED'"
            // the refund's own instance: a claim that called it holds a copy of the outcome
            + " and p.PROC_DEF_KEY_ = ?",
        rs -> {
          caseOf.put(rs.getString(1), rs.getString(2));
        },
        RefundCallVariables.REFUND_OUTCOME.name(),
        from,
        to,
        CaseKind.REFUND.processKey());
    if (caseOf.isEmpty()) {
      return;
    }
    Map<String, String> opener = new HashMap<>();
    List<String> caseIds = List.copyOf(new java.util.HashSet<>(caseOf.values()));
    jdbc.query(
        "select case_id, opened_by from after_sales_case where case_id in " + in(caseIds),
        rs -> {
          opener.put(rs.getString(1), rs.getString(2));
        },
        caseIds.toArray());
    List<HistoricVariableInstance> amounts =
        Access.asSystem(
            identity,
            () ->
                history
                    .createHistoricVariableInstanceQuery()
                    .processInstanceIdIn(caseOf.keySet().toArray(String[]::new))
                    .variableName(RefundCallVariables.REFUND_AMOUNT.name())
                    .list());
    Map<String, BigDecimal> amountOf = new HashMap<>();
    for (HistoricVariableInstance v : amounts) {
      if (v.getValue() instanceof Number n) {
        amountOf.put(v.getProcessInstanceId(), new BigDecimal(n.toString()));
      }
    }
    caseOf.forEach(
        (pi, caseId) -> {
          Acc a = acc.get(opener.get(caseId));
          if (a != null) {
            a.refundsAgreed++;
            a.refundAmount = a.refundAmount.add(amountOf.getOrDefault(pi, BigDecimal.ZERO));
          }
        });
  }

  private void count(
      Map<String, Acc> acc,
      String sql,
      java.util.function.ObjLongConsumer<Acc> set,
      OffsetDateTime from,
      OffsetDateTime to) {
    jdbc.query(
        sql,
        rs -> {
          Acc a = rs.getString(1) == null ? null : acc.get(rs.getString(1));
          if (a != null) {
            set.accept(a, rs.getLong(2));
          }
        },
        from,
        to);
  }

  private static String in(Collection<?> values) {
    return "(" + String.join(",", java.util.Collections.nCopies(values.size(), "?")) + ")";
  }

  /** The figures of one agent while they are summed up. */
  private static final class Acc {
    final Map<String, Long> tasks = new TreeMap<>();
    long casesOpened;
    long casesClosed;
    long stillOpen;
    long overdue;
    long refundsAgreed;
    BigDecimal refundAmount = BigDecimal.ZERO;
    long dunningCalls;
    long paymentsRecovered;
    BigDecimal amountRecovered = BigDecimal.ZERO;
    long followUpCalls;
    long followUpsReached;
    long followUpsRouted;
    long handoversReceived;

    Figures figures() {
      List<TaskCount> done = new ArrayList<>();
      tasks.forEach((name, n) -> done.add(new TaskCount(name, n)));
      return new Figures(
          done,
          done.stream().mapToLong(TaskCount::count).sum(),
          casesOpened,
          casesClosed,
          stillOpen,
          overdue,
          refundsAgreed,
          refundAmount.setScale(2, RoundingMode.HALF_UP),
          dunningCalls,
          paymentsRecovered,
          amountRecovered.setScale(2, RoundingMode.HALF_UP),
          followUpCalls,
          followUpsReached,
          followUpsRouted,
          handoversReceived);
    }
  }
}
