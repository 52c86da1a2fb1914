package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.*;
import static com.aftersales.refund.RefundVariables.*;

import com.aftersales.base.Access;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Roles;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.ShopEvent;
import com.aftersales.shop.ShopEvents;
import com.aftersales.shop.ShopEvents.Dispatched;
import com.aftersales.shop.UnknownOrderException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance's refund desk and the back office's door: pending refunds page by page, agreeing many at
 * once (each checked and recorded on its own), and refund events from the shop back office.
 */
@Service
public class RefundDesk {

  static final int MAX_BATCH = 200;
  static final int MAX_PAGE_SIZE = 200;
  private static final List<String> DECISION_TASKS = List.of(APPROVE_TASK, TRANSFER_TASK);
  private static final List<String> SHOWN =
      List.of(
          CASE_ID.name(),
          ORDER_ID.name(),
          BUYER_ID.name(),
          ITEM_TITLE.name(),
          REFUND_AMOUNT.name(),
          REFUND_REASON.name(),
          TRADE_STATE_LABEL.name(),
          PAYEE_CHANNEL.name());

  /**
   * An event from the shop back office: {@code type} is one of {@link RefundEventType}; CREATED
   * opens a refund case for the platform refund {@code refundId} (of {@code amount} yuan, the buyer
   * sending the goods back when {@code returnGoods}), RETURNED reports the buyer's return shipment
   * ({@code carrier}, {@code trackingNumber}). {@code refundId} names the platform refund the
   * others are about (optional); {@code eventId}, when given, makes a repeat of the same event
   * change nothing.
   */
  public record Event(
      String orderId,
      String type,
      String note,
      String refundId,
      BigDecimal amount,
      Boolean returnGoods,
      String carrier,
      String trackingNumber,
      String eventId) {

    public Event(String orderId, String type, String note) {
      this(orderId, type, note, null, null, null, null, null, null);
    }
  }

  /** What an event did: APPLIED to the named cases, or IGNORED (duplicate, late, nothing open). */
  public record EventResult(
      String orderId,
      String type,
      String typeLabel,
      String outcome,
      List<String> caseIds,
      String message) {}

  /** A refund waiting for finance. */
  public record Pending(
      String taskId,
      String taskName,
      String caseId,
      String orderId,
      String buyerId,
      String itemTitle,
      Object amount,
      String reason,
      String tradeStateLabel,
      boolean transfer,
      Date due,
      String assignee,
      int priority) {}

  public record PendingPage(List<Pending> items, long total, int page, int size) {}

  /** One line of a bulk approval: the task and finance's note. */
  public record Item(String taskId, String note) {}

  public record ItemResult(String taskId, String caseId, String result, String reason) {}

  public record BulkResult(int done, int refused, List<ItemResult> results) {}

  private final TaskService tasks;
  private final IdentityService identity;
  private final ShopBackOffice shop;
  private final ShopEvents events;
  private final RefundLinks links;
  private final Clock clock;
  private final TransactionTemplate tx;

  RefundDesk(
      TaskService tasks,
      IdentityService identity,
      ShopBackOffice shop,
      ShopEvents events,
      RefundLinks links,
      Clock clock,
      PlatformTransactionManager transactions) {
    this.tasks = tasks;
    this.identity = identity;
    this.shop = shop;
    this.events = events;
    this.links = links;
    this.clock = clock;
    this.tx = new TransactionTemplate(transactions);
  }

  // ---------------------------------------------------------------- events

  /**
   * The back office's way in: the event goes through the same handling as the platform's messages
   * ({@link ShopEvents}), reported by the calling integration account.
   */
  public EventResult receive(Event event) {
    String user = Access.require(identity, "只有店铺后台对接账号可以上报退款事件", Roles.BACK_OFFICE);
    if (event == null) {
      throw new InvalidInputException("body", "请求内容为空：需要 orderId、type");
    }
    if (event.orderId() == null || event.orderId().isBlank()) {
      throw new InvalidInputException(ORDER_ID, "请填写订单编号");
    }
    RefundEventType type =
        RefundEventType.parse(event.type())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "type",
                        (event.type() == null || event.type().isBlank()
                                ? "请填写事件类型"
                                : "不认识的事件类型 “" + event.type() + "”")
                            + "，可选："
                            + RefundEventType.choices()));
    String orderId = event.orderId().trim();
    ShopEvent shopEvent =
        BackOfficeEvents.of(event, type, orderId, user, OffsetDateTime.now(clock));
    shop.findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    Dispatched done = events.dispatch(shopEvent);
    if (done.repeat()) {
      return new EventResult(
          orderId, type.name(), type.label, "IGNORED", List.of(), "这条通知已处理过（eventId 相同），未再处理");
    }
    if (!done.applied().isEmpty()) {
      return new EventResult(
          orderId, type.name(), type.label, "APPLIED", done.applied(), "已处理：" + type.label);
    }
    return new EventResult(
        orderId,
        type.name(),
        type.label,
        "IGNORED",
        List.of(),
        ignored(type, event, orderId, done));
  }

  private String ignored(RefundEventType type, Event event, String orderId, Dispatched done) {
    if (type == RefundEventType.CREATED) {
      String refundId = event.refundId().trim();
      return links
          .find(refundId)
          .map(
              l ->
                  l.state() == RefundLinks.State.NOT_OPENED
                      ? "平台退款 " + refundId + " 未能自动开单：" + l.note()
                      : "平台退款 " + refundId + " 已有售后单或已结束，未重复开单")
          .orElse("平台退款 " + refundId + " 未开单");
    }
    return done.ignored().isEmpty()
        ? "订单 " + orderId + " 没有进行中的退款，通知已忽略"
        : "订单 " + orderId + " 的退款当前不等待“" + type.label + "”，通知已忽略（重复或过时的通知不会改变任何东西）";
  }

  // ---------------------------------------------------------------- finance's desk

  public PendingPage pending(int page, int size) {
    Access.require(identity, "只有财务或主管可以查看待审核退款", Roles.FINANCE, Roles.SUPERVISORS);
    if (page < 0) {
      throw new InvalidInputException("page", "页码从 0 开始");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException("size", "每页条数应在 1 到 " + MAX_PAGE_SIZE + " 之间");
    }
    var query =
        tasks.createTaskQuery().taskDefinitionKeyIn(DECISION_TASKS.toArray(String[]::new)).active();
    long total = query.count();
    List<Pending> items = new ArrayList<>();
    for (Task t :
        query.orderByDueDate().asc().orderByTaskCreateTime().asc().listPage(page * size, size)) {
      Map<String, Object> v = tasks.getVariables(t.getId(), SHOWN);
      items.add(
          new Pending(
              t.getId(),
              t.getName(),
              CASE_ID.from(v),
              ORDER_ID.from(v),
              BUYER_ID.from(v),
              ITEM_TITLE.from(v),
              // as stored: the page shows the amount the way the form does
              v.get(REFUND_AMOUNT.name()),
              REFUND_REASON.from(v),
              TRADE_STATE_LABEL.from(v),
              TRANSFER_TASK.equals(t.getTaskDefinitionKey()),
              t.getDueDate(),
              t.getAssignee(),
              t.getPriority()));
    }
    return new PendingPage(items, total, page, size);
  }

  /**
   * Agrees each refund on its own: claimed and completed in one transaction per item, through the
   * same checks as Tasklist. One refused item neither stops nor undoes the others.
   */
  public BulkResult approve(List<Item> items) {
    String user = Access.require(identity, "只有财务（退款人员）可以同意退款", Roles.FINANCE);
    if (items == null || items.isEmpty()) {
      throw new InvalidInputException("items", "请至少选择一笔退款");
    }
    if (items.size() > MAX_BATCH) {
      throw new InvalidInputException("items", "一次最多同意 " + MAX_BATCH + " 笔，请分批处理");
    }
    List<ItemResult> results = new ArrayList<>();
    int done = 0;
    for (Item item : items) {
      ItemResult r = approveOne(item, user);
      if ("DONE".equals(r.result())) {
        done++;
      }
      results.add(r);
    }
    return new BulkResult(done, results.size() - done, results);
  }

  private ItemResult approveOne(Item item, String user) {
    String taskId = item == null || item.taskId() == null ? "" : item.taskId().trim();
    String note =
        item == null || item.note() == null || item.note().isBlank() ? null : item.note().trim();
    if (taskId.isEmpty()) {
      return new ItemResult(taskId, null, "REFUSED", "缺少任务编号 taskId");
    }
    Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      return new ItemResult(taskId, null, "REFUSED", "找不到这笔待审核退款（可能已被处理）");
    }
    String caseId = CASE_ID.of(tasks, taskId);
    if (!DECISION_TASKS.contains(task.getTaskDefinitionKey())) {
      return new ItemResult(taskId, caseId, "REFUSED", "这不是退款审核任务（" + task.getName() + "）");
    }
    if (task.getAssignee() != null && !task.getAssignee().equals(user)) {
      return new ItemResult(
          taskId, caseId, "REFUSED", "已由 " + task.getAssignee() + " 认领，请对方处理或请主管改派");
    }
    if (note != null && note.length() > 1000) {
      return new ItemResult(taskId, caseId, "REFUSED", "财务备注最多 1000 个字");
    }
    try {
      tx.executeWithoutResult(
          status -> {
            if (task.getAssignee() == null) {
              tasks.claim(taskId, user);
            }
            Map<String, Object> vars = new HashMap<>();
            REFUND_DECISION.put(vars, RefundApproval.Decision.AGREE);
            FINANCE_NOTE.put(vars, note == null ? "批量同意" : note);
            tasks.complete(taskId, vars);
          });
      return new ItemResult(taskId, caseId, "DONE", null);
    } catch (InvalidInputException e) {
      return new ItemResult(taskId, caseId, "REFUSED", e.getMessage());
    } catch (OptimisticLockingException e) {
      return new ItemResult(taskId, caseId, "REFUSED", "同时有人在处理这笔退款，请刷新后再试");
    } catch (ProcessEngineException e) {
      return new ItemResult(taskId, caseId, "REFUSED", "处理失败：" + e.getMessage());
    }
  }
}
