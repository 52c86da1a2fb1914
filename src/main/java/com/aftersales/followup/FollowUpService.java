package com.aftersales.followup;

import com.aftersales.base.Access;
import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseService;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.deadlines.Deadlines;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Follow-up calls (SOP §7): who gets called, in which slot, what the call records, where its
 * findings go, and which calls a supervisor scores.
 */
@Service
public class FollowUpService {

  static final String CALL_PROCESS = "follow-up-call";
  static final String SPOT_CHECK_PROCESS = "follow-up-spot-check";
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** Why an order is called. */
  public enum Scenario {
    RECEIVED("已签收回访"),
    NOT_RECEIVED("未收到货回访"),
    OUT_OF_STOCK("缺货通知");

    final String label;

    Scenario(String label) {
      this.label = label;
    }
  }

  /** How satisfied a buyer is, per metric. */
  enum Level {
    VERY,
    BASIC,
    NOT
  }

  enum Problem {
    NONE,
    PRODUCT,
    LOGISTICS,
    SERVICE
  }

  enum RouteTo {
    NONE,
    DAMAGE,
    WRONG_ITEM,
    RETURN,
    COMPLAINT
  }

  enum Answer {
    YES,
    NO
  }

  /** What a selection run did, per scenario. */
  public record Selection(LocalDate date, Map<Scenario, Integer> selected) {}

  /** What a sampling run did. */
  public record Sampling(
      LocalDate day, int completedCalls, int sampled, List<String> callCaseIds) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final TransactionTemplate tx;
  private final FollowUpConfig config;
  private final Deadlines deadlines;
  private final CaseService cases;
  private final CaseTimeline timeline;
  private final ZoneId zone;

  FollowUpService(
      JdbcTemplate jdbc,
      RuntimeService runtime,
      IdentityService identity,
      PlatformTransactionManager transactions,
      FollowUpConfig config,
      Deadlines deadlines,
      CaseService cases,
      CaseTimeline timeline,
      Clock clock) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.identity = identity;
    this.tx = new TransactionTemplate(transactions);
    this.config = config;
    this.deadlines = deadlines;
    this.cases = cases;
    this.timeline = timeline;
    this.zone = clock.getZone();
  }

  public LocalDate today() {
    return now().toLocalDate();
  }

  private ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone);
  }

  // ---------------------------------------------------------------- selection

  /**
   * Selects the calls for {@code date}: delivered orders some days after sign-off, shipped orders
   * still not delivered, paid orders of products out of stock. Each order is called at most once
   * per scenario, also when runs repeat or race.
   */
  public Selection select(LocalDate date) {
    // the role was checked; the system opens the calls
    return Access.asSystem(identity, () -> openCalls(date));
  }

  private Selection openCalls(LocalDate date) {
    OffsetDateTime end = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    Map<Scenario, Integer> selected = new EnumMap<>(Scenario.class);
    int window = config.getWindowDays();
    selected.put(
        Scenario.RECEIVED,
        open(
            date,
            Scenario.RECEIVED,
            "o.status in ('SHIPPED','SUCCEEDED') and o.signed_at is not null"
                + " and o.signed_at <= ? and o.signed_at > ?",
            end.minusDays(config.getReceivedAfterDays()),
            end.minusDays(config.getReceivedAfterDays() + window)));
    selected.put(
        Scenario.NOT_RECEIVED,
        open(
            date,
            Scenario.NOT_RECEIVED,
            "o.status = 'SHIPPED' and o.signed_at is null"
                + " and coalesce(o.paid_at, o.created_at) <= ? and coalesce(o.paid_at, o.created_at) > ?",
            end.minusDays(config.getNotReceivedAfterDays()),
            end.minusDays(config.getNotReceivedAfterDays() + window)));
    selected.put(
        Scenario.OUT_OF_STOCK,
        open(
            date,
            Scenario.OUT_OF_STOCK,
            "o.status = 'PAID' and o.item_title in (select s.item_title from stock_out s)"));
    return new Selection(date, selected);
  }

  private int open(LocalDate date, Scenario scenario, String where, Object... args) {
    List<Map<String, Object>> orders =
        jdbc.queryForList(
            "select o.order_id, o.buyer_id, o.item_title, o.address from shop_order o where "
                + where
                + " and not exists (select 1 from follow_up_call f where f.order_id = o.order_id"
                + " and f.scenario = '"
                + scenario.name()
                + "') order by o.order_id",
            args);
    int opened = 0;
    for (Map<String, Object> o : orders) {
      if (openCall(date, scenario, o)) {
        opened++;
      }
    }
    return opened;
  }

  private boolean openCall(LocalDate date, Scenario scenario, Map<String, Object> o) {
    String orderId = (String) o.get("order_id");
    String caseId = "FOLLOWUP-" + scenario.name() + "-" + orderId;
    String province = Provinces.of((String) o.get("address"));
    FollowUpConfig.Region region = config.region(province);
    ZonedDateTime[] slot = slot(date, region);
    try {
      return Boolean.TRUE.equals(
          tx.execute(
              s -> {
                jdbc.update(
                    "insert into follow_up_call (case_id, order_id, scenario, buyer_id, item_title,"
                        + " province, region, selected_on, follow_up_at) values (?,?,?,?,?,?,?,?,?)",
                    caseId,
                    orderId,
                    scenario.name(),
                    o.get("buyer_id"),
                    o.get("item_title"),
                    province,
                    region.getCode(),
                    date,
                    slot[0].toOffsetDateTime());
                Map<String, Object> vars = new HashMap<>();
                vars.put("orderId", orderId);
                vars.put("scenario", scenario.name());
                vars.put("followUpAt", Date.from(slot[0].toInstant()));
                vars.put("followUpDue", Date.from(slot[1].toInstant()));
                runtime.startProcessInstanceByKey(CALL_PROCESS, caseId, vars);
                return true;
              }));
    } catch (DuplicateKeyException alreadySelected) {
      return false;
    }
  }

  /** The region's slot on {@code date}, or the next day's when that one has already passed. */
  ZonedDateTime[] slot(LocalDate date, FollowUpConfig.Region region) {
    LocalDate day = today().isAfter(date) ? today() : date;
    ZonedDateTime end = day.atTime(region.getSlotEnd()).atZone(zone);
    if (!end.isAfter(now())) {
      day = day.plusDays(1);
      end = day.atTime(region.getSlotEnd()).atZone(zone);
    }
    return new ZonedDateTime[] {day.atTime(region.getSlotStart()).atZone(zone), end};
  }

  // ---------------------------------------------------------------- the call

  void opening(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    Map<String, Object> c =
        jdbc.queryForMap(
            "select f.scenario, f.province, f.region, o.buyer_id, o.buyer_name, o.phone, o.item_title"
                + " from follow_up_call f join shop_order o on o.order_id = f.order_id where f.case_id = ?",
            caseId);
    Scenario scenario = Scenario.valueOf((String) c.get("scenario"));
    FollowUpConfig.Region region = config.region((String) c.get("province"));
    String item = (String) c.get("item_title");
    execution.setVariable("caseId", caseId);
    execution.setVariable("buyerId", c.get("buyer_id"));
    execution.setVariable("buyerName", c.get("buyer_name"));
    execution.setVariable("phone", c.get("phone"));
    execution.setVariable("itemTitle", item);
    execution.setVariable("scenarioLabel", scenario.label);
    execution.setVariable("province", c.get("province") == null ? "不详" : c.get("province"));
    execution.setVariable("regionLabel", region.getName());
    Date at = (Date) execution.getVariable("followUpAt");
    Date due = (Date) execution.getVariable("followUpDue");
    execution.setVariable(
        "followUpAtText",
        TEXT.format(at.toInstant().atZone(zone))
            + " – "
            + TEXT.format(due.toInstant().atZone(zone)).substring(11));
    execution.setVariable("wording", FollowUpWording.of(scenario, item));
    execution.setVariable("callAttempts", 0L);
    execution.setVariable("callMaxAttempts", (long) config.getMaxAttempts());
    execution.setVariable("reached", false);
    execution.setVariable("routeTo", RouteTo.NONE.name());
  }

  /** Complete listener of the call: checks the record and writes it to the follow-up register. */
  void called(DelegateTask task) {
    boolean reached = Inputs.choice(task, "reachedAnswer", "是否联系上", Answer.class) == Answer.YES;
    Level product = null;
    Level attitude = null;
    Level skill = null;
    Problem problem = Problem.NONE;
    RouteTo route = RouteTo.NONE;
    if (reached) {
      product = Inputs.choice(task, "productSatisfaction", "商品满意度", Level.class);
      attitude = Inputs.choice(task, "serviceAttitude", "服务态度满意度", Level.class);
      skill = Inputs.choice(task, "serviceSkill", "服务技能满意度", Level.class);
      problem =
          task.getVariable("problem") == null
              ? Problem.NONE
              : Inputs.choice(task, "problem", "发现的问题", Problem.class);
      route =
          task.getVariable("routeTo") == null
              ? RouteTo.NONE
              : Inputs.choice(task, "routeTo", "转到", RouteTo.class);
      boolean unhappy = product == Level.NOT || attitude == Level.NOT || skill == Level.NOT;
      if ((unhappy || problem != Problem.NONE) && route == RouteTo.NONE) {
        throw new InvalidInputException("routeTo", "买家不满意或反映了问题，请选择转到哪里处理（售后单或投诉）");
      }
    } else if (task.getVariable("routeTo") != null
        && !RouteTo.NONE.name().equals(task.getVariable("routeTo"))) {
      throw new InvalidInputException("routeTo", "没联系上买家时不能转处理");
    }
    String suggestions = Inputs.text(task, "suggestions", "买家建议", 500, false);
    String note = Inputs.text(task, "callNote", "回访备注", 500, false);
    long attempts = ((Number) task.getVariable("callAttempts")).longValue() + 1;
    task.setVariable("callAttempts", attempts);
    task.setVariable("reached", reached);
    task.setVariable("routeTo", route.name());
    task.setVariable("problem", problem.name());
    String caller = CaseTimeline.actor(task);
    String caseId = task.getExecution().getProcessBusinessKey();
    jdbc.update(
        "update follow_up_call set attempts = ?, reached = ?, product_satisfaction = ?,"
            + " service_attitude = ?, service_skill = ?, problem = ?, route_to = ?, suggestions = ?,"
            + " note = ?, caller = ?, called_at = ?, completed_on = ? where case_id = ?",
        attempts,
        reached,
        name(product),
        name(attitude),
        name(skill),
        problem.name(),
        route.name(),
        suggestions,
        note,
        caller,
        now().toOffsetDateTime(),
        reached ? today() : null,
        caseId);
    timeline.record(
        caseId,
        "followUpCall",
        "回访买家",
        caller,
        reached
            ? "联系上：商品 " + product + "、态度 " + attitude + "、技能 " + skill + "，问题 " + problem
            : "第 " + attempts + " 次未联系上");
  }

  /** Opens the case the call uncovered, with the order filled in. */
  void route(DelegateExecution execution) {
    RouteTo route = RouteTo.valueOf((String) execution.getVariable("routeTo"));
    String orderId = (String) execution.getVariable("orderId");
    String buyerId = (String) execution.getVariable("buyerId");
    String caseId = execution.getProcessBusinessKey();
    Map<String, Object> call =
        jdbc.queryForMap(
            "select problem, suggestions, note, caller from follow_up_call where case_id = ?",
            caseId);
    String description =
        "回访发现（"
            + execution.getVariable("scenarioLabel")
            + "，"
            + call.get("caller")
            + "）：问题 "
            + call.get("problem")
            + (call.get("note") == null ? "" : "；" + call.get("note"))
            + (call.get("suggestions") == null ? "" : "；买家建议：" + call.get("suggestions"));
    CaseService.Opened opened = cases.open(route.name(), orderId, buyerId, description);
    jdbc.update(
        "update follow_up_call set routed_case_id = ? where case_id = ?",
        opened.record().caseId(),
        caseId);
    execution.setVariable("routedCaseId", opened.record().caseId());
    timeline.record(caseId, "followUpRouted", "转处理", null, "已转 " + opened.record().caseId());
  }

  void closing(DelegateExecution execution) {
    String end = execution.getCurrentActivityId();
    String outcome =
        "endEvent_routed".equals(end)
            ? "ROUTED"
            : "endEvent_notReached".equals(end) ? "NOT_REACHED" : "DONE";
    jdbc.update(
        "update follow_up_call set outcome = ?, completed_on = coalesce(completed_on, ?)"
            + " where case_id = ?",
        outcome,
        today(),
        execution.getProcessBusinessKey());
  }

  // ---------------------------------------------------------------- spot checks

  /**
   * Samples the share of {@code day}'s completed (reached) calls for a supervisor to score. The
   * sample is random but reproducible: the calls are ordered by a hash of the day and the call, and
   * the first share of them are taken; a call already sampled is not sampled again.
   */
  public Sampling sample(LocalDate day) {
    // the role was checked; the system opens the spot checks
    return Access.asSystem(identity, () -> openSpotChecks(day));
  }

  private Sampling openSpotChecks(LocalDate day) {
    List<Map<String, Object>> calls =
        jdbc.queryForList(
            "select f.case_id, f.caller from follow_up_call f where f.completed_on = ?"
                + " and f.reached = true",
            day);
    int take = (int) Math.ceil(calls.size() * config.getSpotCheckShare());
    List<Map<String, Object>> ordered = new ArrayList<>(calls);
    ordered.sort(Comparator.comparing(c -> rank(day, (String) c.get("case_id"))));
    List<String> sampled = new ArrayList<>();
    for (Map<String, Object> c : ordered.subList(0, take)) {
      String callCaseId = (String) c.get("case_id");
      if (openSpotCheck(day, callCaseId, (String) c.get("caller"))) {
        sampled.add(callCaseId);
      }
    }
    return new Sampling(day, calls.size(), sampled.size(), sampled);
  }

  static String rank(LocalDate day, String caseId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((day + "|" + caseId).getBytes(StandardCharsets.UTF_8));
      return String.format("%064x", new BigInteger(1, digest));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean openSpotCheck(LocalDate day, String callCaseId, String caller) {
    String caseId = "SPOT-" + callCaseId;
    try {
      return Boolean.TRUE.equals(
          tx.execute(
              s -> {
                jdbc.update(
                    "insert into spot_check (case_id, call_case_id, sampled_on, caller) values (?,?,?,?)",
                    caseId,
                    callCaseId,
                    day,
                    caller);
                runtime.startProcessInstanceByKey(
                    SPOT_CHECK_PROCESS, caseId, Map.of("callCaseId", callCaseId));
                return true;
              }));
    } catch (DuplicateKeyException already) {
      return false;
    }
  }

  void spotCheckOpening(DelegateExecution execution) {
    String callCaseId = (String) execution.getVariable("callCaseId");
    Map<String, Object> c =
        jdbc.queryForMap("select * from follow_up_call where case_id = ?", callCaseId);
    execution.setVariable("caseId", execution.getProcessBusinessKey());
    execution.setVariable("orderId", c.get("order_id"));
    execution.setVariable("caller", c.get("caller"));
    execution.setVariable("scenarioLabel", Scenario.valueOf((String) c.get("scenario")).label);
    execution.setVariable(
        "callResultText",
        "商品满意度 "
            + c.get("product_satisfaction")
            + "，服务态度 "
            + c.get("service_attitude")
            + "，服务技能 "
            + c.get("service_skill")
            + "；问题 "
            + c.get("problem")
            + "；转处理 "
            + c.get("route_to")
            + (c.get("suggestions") == null ? "" : "；买家建议：" + c.get("suggestions"))
            + (c.get("note") == null ? "" : "；备注：" + c.get("note")));
  }

  /** Complete listener of the spot check: nobody scores their own call. */
  void spotChecked(DelegateTask task) {
    String checker = CaseTimeline.actor(task);
    Object caller = task.getVariable("caller");
    if (checker != null && checker.equals(caller)) {
      throw new InvalidInputException("scoreWording", "不能抽查自己打的回访，请交给其他主管");
    }
    long wording = Inputs.number(task, "scoreWording", "话术规范得分", 1, 5);
    long attitude = Inputs.number(task, "scoreAttitude", "服务态度得分", 1, 5);
    long record = Inputs.number(task, "scoreRecord", "记录完整得分", 1, 5);
    String note = Inputs.text(task, "checkNote", "点评", 500, false);
    jdbc.update(
        "update spot_check set checker = ?, score_wording = ?, score_attitude = ?, score_record = ?,"
            + " total_score = ?, note = ?, checked_at = ? where case_id = ?",
        checker,
        wording,
        attitude,
        record,
        wording + attitude + record,
        note,
        now().toOffsetDateTime(),
        task.getExecution().getProcessBusinessKey());
  }

  void spotCheckClosing(DelegateExecution execution) {
    // the record was written when the supervisor scored the call
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }
}
