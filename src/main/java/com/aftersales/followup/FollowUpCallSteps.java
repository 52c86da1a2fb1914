package com.aftersales.followup;

import static com.aftersales.cases.CaseVariables.BUYER_ID;
import static com.aftersales.cases.CaseVariables.BUYER_NAME;
import static com.aftersales.cases.CaseVariables.CASE_ID;
import static com.aftersales.cases.CaseVariables.ITEM_TITLE;
import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.followup.FollowUpCallVariables.*;

import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.BuyerMessages;
import com.aftersales.cases.CaseService;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.shop.Order;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The steps of one follow-up call ({@code bpmn/follow-up-call.bpmn}): what the agent sees, what the
 * call records in the follow-up register, the case it opens when the buyer is unhappy, and how it
 * ended.
 */
@Component
class FollowUpCallSteps {

  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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

  /** The case a call opens: none, or the kind of case (as {@link CaseService#open} takes it). */
  enum RouteTo {
    NONE,
    DAMAGE,
    WRONG_ITEM,
    RETURN,
    COMPLAINT,
    LOGISTICS
  }

  enum Answer {
    YES,
    NO
  }

  private final JdbcTemplate jdbc;
  private final ShopBackOffice shop;
  private final FollowUpConfig config;
  private final CaseService cases;
  private final CaseTimeline timeline;
  private final BuyerMessages messages;
  private final ZoneId zone;

  FollowUpCallSteps(
      JdbcTemplate jdbc,
      ShopBackOffice shop,
      FollowUpConfig config,
      CaseService cases,
      CaseTimeline timeline,
      BuyerMessages messages,
      Clock clock) {
    this.jdbc = jdbc;
    this.shop = shop;
    this.config = config;
    this.cases = cases;
    this.timeline = timeline;
    this.messages = messages;
    this.zone = clock.getZone();
  }

  private ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone);
  }

  /** Start listener: the order, the region's slot and the wording, as variables for the agent. */
  void opening(DelegateExecution execution) {
    String caseId = execution.getProcessBusinessKey();
    Map<String, Object> c =
        jdbc.queryForMap(
            "select scenario, province, order_id from follow_up_call where case_id = ?", caseId);
    String orderId = (String) c.get("order_id");
    Order order = shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    Scenario scenario = Scenario.valueOf((String) c.get(CallRecord.SCENARIO));
    String province = (String) c.get(CallRecord.PROVINCE);
    FollowUpConfig.Region region = config.region(province);
    CASE_ID.set(execution, caseId);
    BUYER_ID.set(execution, order.buyerId());
    BUYER_NAME.set(execution, order.buyerName());
    PHONE.set(execution, order.phone());
    ITEM_TITLE.set(execution, order.itemTitle());
    SCENARIO_LABEL.set(execution, scenario.label);
    PROVINCE.set(execution, province == null ? "不详" : province);
    REGION_LABEL.set(execution, region.name());
    Date at = FOLLOW_UP_AT.get(execution);
    Date due = FOLLOW_UP_DUE.get(execution);
    FOLLOW_UP_AT_TEXT.set(
        execution,
        TEXT.format(at.toInstant().atZone(zone))
            + " – "
            + TEXT.format(due.toInstant().atZone(zone)).substring(11));
    WORDING.set(execution, FollowUpWording.of(scenario, order.itemTitle()));
    CALL_ATTEMPTS.set(execution, 0L);
    CALL_MAX_ATTEMPTS.set(execution, (long) config.maxAttempts());
    REACHED.set(execution, false);
    ROUTE_TO.set(execution, RouteTo.NONE);
  }

  /** Complete listener of the call: checks the record and writes it to the follow-up register. */
  void called(DelegateTask task) {
    boolean reached = Inputs.choice(task, REACHED_ANSWER) == Answer.YES;
    Level product = null;
    Level attitude = null;
    Level skill = null;
    Problem problem = Problem.NONE;
    RouteTo route = RouteTo.NONE;
    // as submitted: an answer left out is no problem and no case; a blank one is refused
    Object submittedProblem = task.getVariable(PROBLEM.name());
    Object submittedRoute = task.getVariable(ROUTE_TO.name());
    if (reached) {
      product = Inputs.choice(task, PRODUCT_SATISFACTION);
      attitude = Inputs.choice(task, SERVICE_ATTITUDE);
      skill = Inputs.choice(task, SERVICE_SKILL);
      problem = submittedProblem == null ? Problem.NONE : Inputs.choice(task, PROBLEM);
      route = submittedRoute == null ? RouteTo.NONE : Inputs.choice(task, ROUTE_TO);
      boolean unhappy = product == Level.NOT || attitude == Level.NOT || skill == Level.NOT;
      if ((unhappy || problem != Problem.NONE) && route == RouteTo.NONE) {
        throw new InvalidInputException(ROUTE_TO, "买家不满意或反映了问题，请选择转到哪里处理（售后单或投诉）");
      }
    } else if (submittedRoute != null && !RouteTo.NONE.name().equals(submittedRoute)) {
      throw new InvalidInputException(ROUTE_TO, "没联系上买家时不能转处理");
    }
    String suggestions = Inputs.text(task, SUGGESTIONS, 500, false);
    String note = Inputs.text(task, CALL_NOTE, 500, false);
    long attempts = CALL_ATTEMPTS.get(task) + 1;
    CALL_ATTEMPTS.set(task, attempts);
    REACHED.set(task, reached);
    ROUTE_TO.set(task, route);
    PROBLEM.set(task, problem);
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
        reached ? now().toLocalDate() : null,
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

  /**
   * Opens the case the call uncovered, with the order filled in, and puts the message telling the
   * buyer about it on the agent's next task.
   */
  void route(DelegateExecution execution) {
    RouteTo route = ROUTE_TO.get(execution);
    String caseId = execution.getProcessBusinessKey();
    Map<String, Object> call =
        jdbc.queryForMap(
            "select problem, suggestions, note, caller from follow_up_call where case_id = ?",
            caseId);
    String description =
        "回访发现（"
            + SCENARIO_LABEL.get(execution)
            + "，"
            + call.get(CallRecord.CALLER)
            + "）：问题 "
            + call.get(CallRecord.PROBLEM)
            + (call.get("note") == null ? "" : "；" + call.get("note"))
            + (call.get(CallRecord.SUGGESTIONS) == null
                ? ""
                : "；买家建议：" + call.get(CallRecord.SUGGESTIONS));
    Map<String, Object> startFields = new java.util.HashMap<>();
    if (route == RouteTo.LOGISTICS) {
      ROUTED_SOURCE.put(startFields, "FOLLOW_UP");
    }
    CaseService.Opened opened =
        cases.open(
            route.name(),
            ORDER_ID.get(execution),
            BUYER_ID.get(execution),
            description,
            startFields);
    String routed = opened.record().caseId();
    jdbc.update("update follow_up_call set routed_case_id = ? where case_id = ?", routed, caseId);
    ROUTED_CASE_ID.set(execution, routed);
    timeline.record(caseId, "followUpRouted", "转处理", null, "已转 " + routed);
    // the buyer learns where the problem went from the agent's Qianniu message, recorded when sent
    messages.prepare(
        execution,
        FollowUpWording.routed(ITEM_TITLE.get(execution), opened.record().kind().label(), routed));
  }

  /** End listener: how the call ended, in the follow-up register. */
  void closing(DelegateExecution execution) {
    String end = execution.getCurrentActivityId();
    String outcome =
        END_ROUTED.equals(end) ? "ROUTED" : END_NOT_REACHED.equals(end) ? "NOT_REACHED" : "DONE";
    jdbc.update(
        "update follow_up_call set outcome = ?, completed_on = coalesce(completed_on, ?)"
            + " where case_id = ?",
        outcome,
        now().toLocalDate(),
        execution.getProcessBusinessKey());
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }
}
