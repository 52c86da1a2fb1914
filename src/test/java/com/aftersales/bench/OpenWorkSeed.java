package com.aftersales.bench;

import static com.aftersales.support.ClaimSteps.alipay;
import static com.aftersales.support.ClaimSteps.damage;
import static com.aftersales.support.ClaimSteps.evidence;
import static com.aftersales.support.ClaimSteps.told;
import static com.aftersales.support.ClaimSteps.transferred;
import static com.aftersales.support.ClaimSteps.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.base.Roles;
import com.aftersales.cases.CaseService;
import com.aftersales.support.TestOrders;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The open work of benchmarks 2 and 7: real cases at five different steps (three queues), started
 * through the engine, then copied row by row in the engine's tables (executions, tasks, candidate
 * links, variables, timers, event subscriptions, task authorizations) with new ids, a spread of due
 * dates and a third of the tasks assigned to one of 20 agents; the history is copies of the task
 * rows of finished claims.
 *
 * <p>{@code workable} copies can also be worked on, not only read: each copy is a case of its own
 * (its own {@code after_sales_case} row, {@code caseId} and order), with the history rows the
 * engine updates when a task ends (process, activity, task and variable instances).
 */
final class OpenWorkSeed {

  private final ProcessEngine engine;
  private final CaseService cases;
  private final TestOrders orders;
  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final boolean postgres;

  OpenWorkSeed(
      ProcessEngine engine,
      CaseService cases,
      TestOrders orders,
      JdbcTemplate jdbc,
      DataSource dataSource,
      boolean postgres) {
    this.engine = engine;
    this.cases = cases;
    this.orders = orders;
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  // ------------------------------------------------------------------ real cases as templates

  private String root(String caseId) {
    return CaseDriver.rootInstance(engine, caseId);
  }

  private void complete(String caseId, String key, Map<String, Object> values) {
    Task t =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(caseId)
            .taskDefinitionKey(key)
            .singleResult();
    engine.getTaskService().complete(t.getId(), values);
    CaseDriver.jobs(engine, root(caseId), new CaseDriver.Shape());
  }

  /** A damage claim walked to the task at {@code step}; answers its case id. */
  String claimAt(String step) {
    String orderId = orders.create("bench_q", "100.00", 1);
    String caseId =
        CaseDriver.as(
            engine,
            "agent1",
            Roles.AGENTS,
            () -> cases.open("DAMAGE", orderId, "bench_q", "收到时杯子碎了").record().caseId());
    CaseDriver.jobs(engine, root(caseId), new CaseDriver.Shape());
    if (step.equals("userTask_collectEvidence")) {
      return caseId;
    }
    complete(caseId, "userTask_collectEvidence", evidence());
    complete(caseId, "userTask_checkEvidence", damage("USABLE", 1, false));
    if (step.equals("userTask_offerResolution")) {
      return caseId;
    }
    if (step.equals("userTask_approveResolution")) {
      complete(
          caseId,
          "userTask_offerResolution",
          told(vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 12.0)));
      return caseId;
    }
    complete(
        caseId,
        "userTask_offerResolution",
        told(vars("buyerChoice", "REFUND", "refundAmount", 50.0)));
    // nothing filed on the platform: finance transfers to the account the agent checked
    complete(caseId, "userTask_collectAccount", alipay());
    if (step.equals("userTask_transferRefund")) {
      return caseId;
    }
    complete(caseId, "userTask_transferRefund", transferred());
    return caseId;
  }

  /** A refund of a paid, unshipped order, waiting for the shop's answer. */
  String refundWaiting() {
    String orderId = orders.create("bench_q", "40.00", 1);
    orders.status(orderId, "PAID");
    orders.paidAt(
        orderId, java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusHours(30));
    String caseId =
        CaseDriver.as(
            engine,
            "agent1",
            Roles.AGENTS,
            () -> cases.open("REFUND", orderId, "bench_q", "买家申请退款").record().caseId());
    CaseDriver.jobs(engine, root(caseId), new CaseDriver.Shape());
    return caseId;
  }

  // ------------------------------------------------------------------ copying rows

  private String series(int n) {
    return postgres
        ? "(select generate_series(1, " + n + ") as n) s"
        : "(select x as n from system_range(1, " + n + ")) s";
  }

  private String minutesFromNow(String minutes) {
    return postgres
        ? "localtimestamp + (" + minutes + ") * interval '1 minute'"
        : "dateadd('MINUTE', " + minutes + ", localtimestamp)";
  }

  static String in(List<String> ids) {
    return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",", "(", ")"));
  }

  private static final Set<String> ID_COLUMNS =
      Set.of(
          "ID_",
          "EXECUTION_ID_",
          "PROC_INST_ID_",
          "PROCESS_INSTANCE_ID_",
          "PARENT_ID_",
          "SUPER_EXEC_",
          "SUPER_PROCESS_INSTANCE_ID_",
          "ROOT_PROC_INST_ID_",
          "TASK_ID_",
          "VAR_SCOPE_",
          "BYTEARRAY_ID_",
          "BUSINESS_KEY_",
          "ACT_INST_ID_",
          "PARENT_ACT_INST_ID_",
          "CALL_PROC_INST_ID_",
          // our case register and the shop's orders
          "CASE_ID",
          "ORDER_ID",
          "OPEN_KEY",
          "PROCESS_INSTANCE_ID");

  /** The case and order id variables of each copy name the copy's own case and order. */
  private static final Map<String, String> CASE_ID_VARIABLE =
      Map.of(
          "TEXT_",
          "case when t.NAME_ in ('caseId', 'orderId') and t.TEXT_ is not null"
              + " then left(t.TEXT_, 50) || '-' || s.n else t.TEXT_ end");

  /**
   * Inserts {@code copies} copies of the rows of {@code table} matching {@code where}, every id
   * column given the copy's number as suffix (after its first 50 characters), so copied rows point
   * at each other.
   */
  private long copy(
      Statement sql,
      String table,
      String where,
      int copies,
      Map<String, String> override,
      Set<String> alsoSuffixed)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var rs = sql.executeQuery("select * from " + table + " where 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnName(i).toUpperCase(Locale.ROOT));
      }
    }
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    for (String c : columns) {
      names.add(c);
      if (override.containsKey(c)) {
        values.add(override.get(c));
      } else if (ID_COLUMNS.contains(c) || alsoSuffixed.contains(c)) {
        // activity instance ids ("activity:uuid") fill their columns: keep them short enough
        values.add(
            "case when t." + c + " is null then null else left(t." + c + ", 50) || '-' || s.n end");
      } else {
        values.add("t." + c);
      }
    }
    return sql.executeLargeUpdate(
        "insert into "
            + table
            + " ("
            + names
            + ") select "
            + values
            + " from "
            + table
            + " t cross join "
            + series(copies)
            + " where "
            + where);
  }

  /** Copies a case's whole runtime tree {@code copies} times. */
  private void copyCase(Statement sql, String root, int copies, boolean workable)
      throws SQLException {
    List<String> instances =
        jdbc.queryForList(
            "select ID_ from ACT_RU_EXECUTION where ROOT_PROC_INST_ID_ = ? and ID_ = PROC_INST_ID_",
            String.class,
            root);
    List<String> tasks =
        jdbc.queryForList(
            "select ID_ from ACT_RU_TASK where PROC_INST_ID_ in " + in(instances), String.class);
    assertThat(tasks).as("open tasks of %s", root).hasSize(1);
    String byInstance = "t.PROC_INST_ID_ in " + in(instances);
    Map<String, String> variables = workable ? CASE_ID_VARIABLE : Map.of();
    // by process instance: the engine leaves ROOT_PROC_INST_ID_ empty on some scope executions
    copy(sql, "ACT_RU_EXECUTION", byInstance, copies, Map.of(), Set.of());
    copy(
        sql,
        "ACT_RU_TASK",
        byInstance,
        copies,
        Map.of(
            "ASSIGNEE_",
            "case when mod(s.n, 3) = 0 then 'agent' || (mod(s.n, 20) + 1) else null end",
            "DUE_DATE_",
            minutesFromNow("mod(s.n * 7, 5760) - 2880")),
        Set.of());
    copy(sql, "ACT_RU_IDENTITYLINK", "t.TASK_ID_ in " + in(tasks), copies, Map.of(), Set.of());
    copy(
        sql,
        "ACT_GE_BYTEARRAY",
        "t.ID_ in (select BYTEARRAY_ID_ from ACT_RU_VARIABLE where PROC_INST_ID_ in "
            + in(instances)
            + ")",
        copies,
        Map.of(),
        Set.of());
    copy(sql, "ACT_RU_VARIABLE", byInstance, copies, variables, Set.of());
    copy(
        sql,
        "ACT_RU_JOB",
        "t.PROCESS_INSTANCE_ID_ in " + in(instances),
        copies,
        Map.of(),
        Set.of());
    copy(sql, "ACT_RU_EVENT_SUBSCR", byInstance, copies, Map.of(), Set.of());
    copy(
        sql,
        "ACT_RU_AUTHORIZATION",
        "t.RESOURCE_ID_ in " + in(tasks),
        copies,
        Map.of(),
        Set.of("RESOURCE_ID_"));
    if (workable) {
      copy(sql, "ACT_HI_PROCINST", byInstance, copies, Map.of(), Set.of());
      copy(sql, "ACT_HI_ACTINST", byInstance, copies, Map.of(), Set.of());
      copy(sql, "ACT_HI_TASKINST", "t.ID_ in " + in(tasks), copies, Map.of(), Set.of());
      copy(
          sql,
          "ACT_GE_BYTEARRAY",
          "t.ID_ in (select BYTEARRAY_ID_ from ACT_HI_VARINST where PROC_INST_ID_ in "
              + in(instances)
              + ")",
          copies,
          Map.of(),
          Set.of());
      copy(sql, "ACT_HI_VARINST", byInstance, copies, variables, Set.of());
      copy(
          sql,
          "shop_order",
          "t.order_id in (select order_id from after_sales_case where process_instance_id = '"
              + root
              + "')",
          copies,
          Map.of(),
          Set.of());
      copy(
          sql,
          "after_sales_case",
          "t.process_instance_id = '" + root + "'",
          copies,
          Map.of(),
          Set.of());
    }
  }

  /**
   * Seeds about {@code open} open tasks and {@code closed} finished ones; answers the template
   * cases' root process instances.
   */
  List<String> seed(int open, int closed, boolean workable) throws Exception {
    Map<String, Integer> share = new LinkedHashMap<>();
    share.put("userTask_collectEvidence", 30);
    share.put("userTask_offerResolution", 30);
    share.put("userTask_transferRefund", 15);
    share.put("userTask_approveResolution", 10);
    share.put("refund", 15);
    Map<String, Integer> templates = new LinkedHashMap<>();
    for (var e : share.entrySet()) {
      String caseId = e.getKey().equals("refund") ? refundWaiting() : claimAt(e.getKey());
      templates.put(root(caseId), open * e.getValue() / 100 - 1);
    }
    List<String> finished = List.of(claimAt("end"), claimAt("end"));
    try (Connection c = dataSource.getConnection();
        Statement sql = c.createStatement()) {
      c.setAutoCommit(false);
      sql.execute(
          postgres ? "set session_replication_role = replica" : "set referential_integrity false");
      for (var t : templates.entrySet()) {
        copyCase(sql, t.getKey(), t.getValue(), workable);
        c.commit();
      }
      String finishedTasks =
          "t.PROC_INST_ID_ in (select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ in "
              + in(finished)
              + ")";
      int perCopy =
          jdbc.queryForObject(
              "select count(*) from ACT_HI_TASKINST t where " + finishedTasks, Integer.class);
      copy(
          sql, "ACT_HI_TASKINST", finishedTasks, Math.max(1, closed / perCopy), Map.of(), Set.of());
      sql.execute(
          postgres ? "set session_replication_role = default" : "set referential_integrity true");
      c.commit();
    }
    if (postgres) {
      jdbc.execute("analyze");
    }
    return List.copyOf(templates.keySet());
  }
}
