package com.aftersales.dunning;

import static com.aftersales.cases.CaseVariables.BUYER_ID;
import static com.aftersales.cases.CaseVariables.BUYER_NAME;
import static com.aftersales.cases.CaseVariables.CASE_ID;
import static com.aftersales.cases.CaseVariables.ITEM_TITLE;
import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.dunning.DunningVariables.*;

import com.aftersales.base.Access;
import com.aftersales.base.Inputs;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.BuyerMessages;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.deadlines.Deadlines;
import com.aftersales.shop.Order;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

  /** Order numbers per statement when looking up which orders have a case already. */
  private static final int CHUNK = 1000;

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final TransactionTemplate tx;
  private final ShopBackOffice shop;
  private final Deadlines deadlines;
  private final CaseTimeline timeline;
  private final BuyerMessages messages;
  private final DunningConfig config;
  private final ZoneId zone;

  DunningService(
      JdbcTemplate jdbc,
      RuntimeService runtime,
      IdentityService identity,
      PlatformTransactionManager transactions,
      ShopBackOffice shop,
      Deadlines deadlines,
      CaseTimeline timeline,
      BuyerMessages messages,
      DunningConfig config,
      Clock clock) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.runtime = runtime;
    this.identity = identity;
    this.tx = new TransactionTemplate(transactions);
    this.shop = shop;
    this.deadlines = deadlines;
    this.timeline = timeline;
    this.messages = messages;
    this.config = config;
    this.zone = clock.getZone();
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
    List<Order> placed =
        shop.unpaidOrdersPlaced(
            date.atStartOfDay(zone).toOffsetDateTime(),
            date.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
    Set<String> dunned = alreadyDunned(placed);
    List<Order> unpaid = placed.stream().filter(o -> !dunned.contains(o.orderId())).toList();
    int opened = 0;
    for (Order order : unpaid) {
      if (open(date, order)) {
        opened++;
      }
    }
    return new RunResult(date, unpaid.size(), opened, unpaid.size() - opened);
  }

  /** The orders among {@code orders} that have a dunning case already. */
  private Set<String> alreadyDunned(List<Order> orders) {
    Set<String> found = new HashSet<>();
    List<String> ids = orders.stream().map(Order::orderId).toList();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      found.addAll(
          named.queryForList(
              "select order_id from dunning_case where order_id in (:ids)",
              Map.of("ids", ids.subList(i, Math.min(ids.size(), i + CHUNK))),
              String.class));
    }
    return found;
  }

  /** The dunning case of an order (one per order, ever). */
  static String caseId(String orderId) {
    return "DUNNING-" + orderId;
  }

  private boolean open(LocalDate date, Order order) {
    String caseId = caseId(order.orderId());
    try {
      return Boolean.TRUE.equals(
          tx.execute(
              s -> {
                jdbc.update(
                    "insert into dunning_case (case_id, order_id, buyer_id, amount, order_created_at,"
                        + " run_date, opened_at) values (?,?,?,?,?,?,?)",
                    caseId,
                    order.orderId(),
                    order.buyerId(),
                    order.amountDue(),
                    order.createdAt(),
                    date,
                    OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), zone));
                runtime.startProcessInstanceByKey(
                    PROCESS_KEY, caseId, ORDER_ID.put(new HashMap<>(), order.orderId()));
                return true;
              }));
    } catch (DuplicateKeyException alreadyOpened) {
      return false;
    }
  }

  // ---------------------------------------------------------------- the flow's steps

  /** Start listener: the order's facts, the platform's 72 hours and the wording, as variables. */
  void opening(DelegateExecution execution) {
    String orderId = ORDER_ID.get(execution);
    Order order = shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    Date autoClose =
        deadlines.dueFrom("dunningAutoClose", Date.from(order.createdAt().toInstant()));
    BigDecimal amount = order.amountDue();
    String item = order.itemTitle();
    CASE_ID.set(execution, execution.getProcessBusinessKey());
    BUYER_ID.set(execution, order.buyerId());
    BUYER_NAME.set(execution, order.buyerName());
    PHONE.set(execution, order.phone());
    ITEM_TITLE.set(execution, item);
    AMOUNT.set(execution, amount);
    ORDER_CREATED_AT_TEXT.set(execution, TEXT.format(order.createdAt().atZoneSameInstant(zone)));
    AUTO_CLOSE_AT.set(execution, autoClose);
    AUTO_CLOSE_AT_TEXT.set(execution, text(autoClose));
    CONTACT_DUE.set(execution, deadlines.due("dunningContact"));
    DUNNING_ATTEMPTS.set(execution, 0L);
    DUNNING_MAX_ATTEMPTS.set(execution, (long) config.maxAttempts());
    PROMISED_AT.set(execution, null);
    WORDING_BUYER.set(execution, DunningWording.buyer(item, amount, text(autoClose)));
    WORDING_OTHER.set(execution, DunningWording.other(item));
    messages.prepare(
        execution,
        DunningWording.chatReminder(orderId, item, order.quantity(), amount, text(autoClose)));
  }

  /** Complete listener of the contact task: checks the outcome and writes the detail row. */
  void contacted(DelegateTask task) {
    Channel channel = Inputs.choice(task, CONTACT_CHANNEL);
    AnsweredBy answeredBy = Inputs.choice(task, ANSWERED_BY);
    Result result = Inputs.choice(task, DUNNING_RESULT);
    String note = Inputs.text(task, DUNNING_NOTE, 500, false);
    if (result == Result.UNREACHABLE && answeredBy != AnsweredBy.NOBODY) {
      throw new InvalidInputException(ANSWERED_BY, "结果是“联系不上”时，接听人请选“无人接听/未回复”");
    }
    if (result != Result.UNREACHABLE && answeredBy == AnsweredBy.NOBODY) {
      throw new InvalidInputException(DUNNING_RESULT, "无人接听时结果只能是“联系不上”");
    }
    Date promised = promise(task, result);
    long attempt = DUNNING_ATTEMPTS.get(task) + 1;
    DUNNING_ATTEMPTS.set(task, attempt);
    PROMISED_AT.set(task, promised);
    PROMISED_AT_TEXT.set(task, null);
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
    String text = Inputs.text(task, PROMISED_AT_TEXT, 32, false);
    if (text == null) {
      return null;
    }
    if (result == Result.UNREACHABLE || result == Result.CHANGED_MIND) {
      throw new InvalidInputException(PROMISED_AT_TEXT, "联系不上或买家不要了时，不需要填约定付款时间");
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
          PROMISED_AT_TEXT, "约定付款时间 “" + text + "” 格式不对，请写成 2026-11-24 20:00");
    }
    Date promised = Date.from(local.atZone(zone).toInstant());
    if (!promised.after(ClockUtil.getCurrentTime())) {
      throw new InvalidInputException(PROMISED_AT_TEXT, "约定付款时间应晚于现在");
    }
    Date autoClose = AUTO_CLOSE_AT.get(task);
    if (autoClose != null && !promised.before(autoClose)) {
      throw new InvalidInputException(
          PROMISED_AT_TEXT, "平台将在 " + text(autoClose) + " 自动关闭这笔订单，约定付款时间要早于它");
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
          case END_PAID -> "PAID";
          case END_ORDER_CLOSED -> "CLOSED";
          case END_AUTO_CLOSED -> "AUTO_CLOSED";
          case END_DECLINED -> "DECLINED";
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
        .createMessageCorrelation(paid ? MESSAGE_ORDER_PAID : MESSAGE_ORDER_CLOSED)
        .processInstanceBusinessKey(caseId(orderId))
        .correlateAllWithResult()
        .size();
  }

  private String text(Date date) {
    return TEXT.format(date.toInstant().atZone(zone));
  }
}
