package com.aftersales.dunning;

import com.aftersales.base.Access;
import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.deadlines.Deadlines;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Dunning of unpaid orders (SOP §6): a daily run opens one case per order placed that day and still
 * unpaid, the agent contacts the buyer, every contact is a dunning-detail row, and the case ends
 * when the order is paid or closed, when the buyer declines, or at the platform's 72 hours.
 */
@Service
public class DunningService {

  static final String PROCESS = "dunning";
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  private static final List<DateTimeFormatter> PROMISE_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("yyyy-M-d H:m"),
          DateTimeFormatter.ofPattern("yyyy/M/d H:m"),
          DateTimeFormatter.ofPattern("yyyy-M-d'T'H:m"),
          DateTimeFormatter.ofPattern("yyyy-M-d H:m:s"));

  enum Channel {
    PHONE,
    WANGWANG,
    SMS
  }

  enum AnsweredBy {
    BUYER,
    OTHER,
    NOBODY
  }

  enum Result {
    WILL_PAY,
    PRICE,
    PAYMENT_TROUBLE,
    CHANGED_MIND,
    UNREACHABLE
  }

  /** What a run did. */
  public record RunResult(LocalDate date, int unpaidOrders, int opened, int alreadyOpen) {}

  private final JdbcTemplate jdbc;
  private final RuntimeService runtime;
  private final org.camunda.bpm.engine.IdentityService identity;
  private final TransactionTemplate tx;
  private final Deadlines deadlines;
  private final CaseTimeline timeline;
  private final ZoneId zone;
  private final int maxAttempts;

  DunningService(
      JdbcTemplate jdbc,
      RuntimeService runtime,
      org.camunda.bpm.engine.IdentityService identity,
      PlatformTransactionManager transactions,
      Deadlines deadlines,
      CaseTimeline timeline,
      Clock clock,
      @Value("${aftersales.dunning.max-attempts:3}") int maxAttempts) {
    this.jdbc = jdbc;
    this.runtime = runtime;
    this.identity = identity;
    this.tx = new TransactionTemplate(transactions);
    this.deadlines = deadlines;
    this.timeline = timeline;
    this.zone = clock.getZone();
    this.maxAttempts = maxAttempts;
  }

  /** Yesterday in the shop's time zone, by the engine's clock. */
  public LocalDate yesterday() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone).toLocalDate().minusDays(1);
  }

  /**
   * Opens one dunning case per order placed on {@code date} (00:00:00–23:59:59 in the shop's zone)
   * that still waits for payment. An order that already has a case is skipped, also when two runs
   * race: the unique order number in {@code dunning_case} lets only one of them open it.
   */
  public RunResult run(LocalDate date) {
    // The caller's role was checked; the cases are opened by the system, as the daily timer does.
    return Access.asSystem(identity, () -> openCases(date));
  }

  private RunResult openCases(LocalDate date) {
    OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime();
    OffsetDateTime to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    List<Map<String, Object>> unpaid =
        jdbc.queryForList(
            "select o.order_id, o.buyer_id, coalesce(o.order_total, o.item_price * o.quantity + o.postage)"
                + " as amount, o.created_at from shop_order o where o.status = 'WAITING_PAYMENT'"
                + " and o.created_at >= ? and o.created_at < ? and not exists"
                + " (select 1 from dunning_case d where d.order_id = o.order_id) order by o.created_at",
            from,
            to);
    int opened = 0;
    for (Map<String, Object> order : unpaid) {
      if (open(date, order)) {
        opened++;
      }
    }
    return new RunResult(date, unpaid.size(), opened, unpaid.size() - opened);
  }

  private boolean open(LocalDate date, Map<String, Object> order) {
    String orderId = (String) order.get("order_id");
    String caseId = "DUNNING-" + orderId;
    try {
      return Boolean.TRUE.equals(
          tx.execute(
              s -> {
                jdbc.update(
                    "insert into dunning_case (case_id, order_id, buyer_id, amount, order_created_at,"
                        + " run_date, opened_at) values (?,?,?,?,?,?,?)",
                    caseId,
                    orderId,
                    order.get("buyer_id"),
                    order.get("amount"),
                    order.get("created_at"),
                    date,
                    OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone));
                Map<String, Object> vars = new HashMap<>();
                vars.put("orderId", orderId);
                runtime.startProcessInstanceByKey(PROCESS, caseId, vars);
                return true;
              }));
    } catch (DuplicateKeyException alreadyOpened) {
      return false;
    }
  }

  // ---------------------------------------------------------------- the flow's steps

  /** Start listener: the order's facts, the platform's 72 hours and the wording, as variables. */
  void opening(DelegateExecution execution) {
    String orderId = (String) execution.getVariable("orderId");
    Map<String, Object> o =
        jdbc.queryForMap(
            "select o.buyer_id, o.buyer_name, o.phone, o.item_title, o.created_at,"
                + " coalesce(o.order_total, o.item_price * o.quantity + o.postage) as amount"
                + " from shop_order o where o.order_id = ?",
            orderId);
    OffsetDateTime created = toOffset(o.get("created_at"));
    Date autoClose = deadlines.dueFrom("dunningAutoClose", Date.from(created.toInstant()));
    BigDecimal amount = (BigDecimal) o.get("amount");
    String item = (String) o.get("item_title");
    execution.setVariable("caseId", execution.getProcessBusinessKey());
    execution.setVariable("buyerId", o.get("buyer_id"));
    execution.setVariable("buyerName", o.get("buyer_name"));
    execution.setVariable("phone", o.get("phone"));
    execution.setVariable("itemTitle", item);
    execution.setVariable("amount", amount.doubleValue());
    execution.setVariable("orderCreatedAtText", TEXT.format(created.atZoneSameInstant(zone)));
    execution.setVariable("autoCloseAt", autoClose);
    execution.setVariable("autoCloseAtText", text(autoClose));
    execution.setVariable("contactDue", deadlines.due("dunningContact"));
    execution.setVariable("dunningAttempts", 0L);
    execution.setVariable("dunningMaxAttempts", (long) maxAttempts);
    execution.setVariable("promisedAt", null);
    execution.setVariable("wordingBuyer", DunningWording.buyer(item, amount, text(autoClose)));
    execution.setVariable("wordingOther", DunningWording.other(item));
  }

  /** Complete listener of the contact task: checks the outcome and writes the detail row. */
  void contacted(DelegateTask task) {
    Channel channel = Inputs.choice(task, "contactChannel", "联系方式", Channel.class);
    AnsweredBy answeredBy = Inputs.choice(task, "answeredBy", "接听/回复的人", AnsweredBy.class);
    Result result = Inputs.choice(task, "dunningResult", "催付结果", Result.class);
    String note = Inputs.text(task, "dunningNote", "沟通记录", 500, false);
    if (result == Result.UNREACHABLE && answeredBy != AnsweredBy.NOBODY) {
      throw new InvalidInputException("answeredBy", "结果是“联系不上”时，接听人请选“无人接听/未回复”");
    }
    if (result != Result.UNREACHABLE && answeredBy == AnsweredBy.NOBODY) {
      throw new InvalidInputException("dunningResult", "无人接听时结果只能是“联系不上”");
    }
    Date promised = promise(task, result);
    long attempt = ((Number) task.getVariable("dunningAttempts")).longValue() + 1;
    task.setVariable("dunningAttempts", attempt);
    task.setVariable("promisedAt", promised);
    task.setVariable("promisedAtText", null);
    String agent = CaseTimeline.actor(task);
    String caseId = task.getExecution().getProcessBusinessKey();
    jdbc.update(
        "insert into dunning_detail (case_id, order_id, buyer_id, amount, run_date, attempt,"
            + " contacted_at, channel, answered_by, result, promised_at, agent, note)"
            + " select case_id, order_id, buyer_id, amount, run_date, ?, ?, ?, ?, ?, ?, ?, ?"
            + " from dunning_case where case_id = ?",
        attempt,
        OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone),
        channel.name(),
        answeredBy.name(),
        result.name(),
        promised == null ? null : OffsetDateTime.ofInstant(promised.toInstant(), zone),
        agent,
        note,
        caseId);
    timeline.record(
        caseId,
        "dunningContact",
        "联系买家催付",
        agent,
        "第 "
            + attempt
            + " 次："
            + result.name()
            + (promised == null ? "" : "，约定 " + text(promised) + " 付款"));
  }

  private Date promise(DelegateTask task, Result result) {
    String text = Inputs.text(task, "promisedAtText", "约定付款时间", 32, false);
    if (text == null) {
      return null;
    }
    if (result == Result.UNREACHABLE || result == Result.CHANGED_MIND) {
      throw new InvalidInputException("promisedAtText", "联系不上或买家不要了时，不需要填约定付款时间");
    }
    LocalDateTime local = null;
    for (DateTimeFormatter f : PROMISE_FORMATS) {
      try {
        local = LocalDateTime.parse(text.trim(), f);
        break;
      } catch (DateTimeParseException ignored) {
        // next format
      }
    }
    if (local == null) {
      throw new InvalidInputException(
          "promisedAtText", "约定付款时间 “" + text + "” 格式不对，请写成 2026-11-24 20:00");
    }
    Date promised = Date.from(local.atZone(zone).toInstant());
    if (!promised.after(ClockUtil.getCurrentTime())) {
      throw new InvalidInputException("promisedAtText", "约定付款时间应晚于现在");
    }
    Date autoClose = (Date) task.getVariable("autoCloseAt");
    if (autoClose != null && !promised.before(autoClose)) {
      throw new InvalidInputException(
          "promisedAtText", "平台将在 " + text(autoClose) + " 自动关闭这笔订单，约定付款时间要早于它");
    }
    return promised;
  }

  void paid(DelegateExecution execution) {
    timeline.record(execution.getProcessBusinessKey(), "dunningPaid", "已付款", null, "催付后买家已付款");
  }

  void autoClosed(DelegateExecution execution) {
    timeline.record(
        execution.getProcessBusinessKey(),
        "dunningAutoClosed",
        "平台自动关闭",
        null,
        "下单满72小时未付款，平台已关闭订单");
  }

  /** End listener: the case's outcome in {@code dunning_case}. */
  void closing(DelegateExecution execution) {
    String end = execution.getCurrentActivityId();
    String outcome =
        switch (end == null ? "" : end) {
          case "endEvent_paid" -> "PAID";
          case "endEvent_orderClosed" -> "CLOSED";
          case "endEvent_autoClosed" -> "AUTO_CLOSED";
          case "endEvent_declined" -> "DECLINED";
          default -> "ENDED";
        };
    jdbc.update(
        "update dunning_case set outcome = ?, closed_at = ? where case_id = ?",
        outcome,
        OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone),
        execution.getProcessBusinessKey());
  }

  /** Ends the dunning case of an order the back office reports as paid or closed. */
  public int orderPaidOrClosed(String orderId, boolean paid) {
    return runtime
        .createMessageCorrelation(paid ? "dunningOrderPaid" : "dunningOrderClosed")
        .processInstanceBusinessKey("DUNNING-" + orderId)
        .correlateAllWithResult()
        .size();
  }

  private String text(Date date) {
    return TEXT.format(date.toInstant().atZone(zone));
  }

  private static OffsetDateTime toOffset(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof java.time.Instant i) {
      return i.atOffset(java.time.ZoneOffset.UTC);
    }
    throw new IllegalStateException("no time in " + value);
  }
}
