package com.aftersales.cases;

import com.aftersales.base.Access;
import com.aftersales.base.InvalidInputException;
import com.aftersales.base.NotFoundException;
import com.aftersales.base.Roles;
import com.aftersales.shop.Order;
import com.aftersales.shop.OrderMarks;
import com.aftersales.shop.SentMessage;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.shop.TraceStep;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the case page (售后单, {@code /cases/{caseId}}) shows, in one answer: the case, its order from
 * the shop (without the buyer's contact data), flag and remarks, logistics, timeline, open tasks,
 * messages to the buyer, and the other cases of the order and of the buyer. And the search that
 * finds a case by its id, order number or buyer. Staff who work cases may read them.
 */
@RestController
class CasePageController {

  static final int RELATED_LIMIT = 20;
  static final int SEARCH_MAX = 50;

  /** A case in a list: enough to recognise and open it. */
  record CaseLine(
      String caseId,
      String kindLabel,
      String orderId,
      String buyerId,
      String statusLabel,
      String outcomeLabel,
      OffsetDateTime openedAt,
      OffsetDateTime closedAt) {
    static CaseLine of(CaseRecord c) {
      return new CaseLine(
          c.caseId(),
          c.kind().label(),
          c.orderId(),
          c.buyerId(),
          c.status() == CaseStatus.OPEN ? "处理中" : "已结束",
          c.outcomeLabel(),
          c.openedAt(),
          c.closedAt());
    }
  }

  /** The order as agents need it; the buyer's name, phone and address are left out. */
  record OrderView(
      String orderId,
      String buyerId,
      String shopName,
      String itemTitle,
      int quantity,
      BigDecimal itemPrice,
      BigDecimal postage,
      BigDecimal totalPaid,
      BigDecimal refundedAmount,
      String tradeState,
      OffsetDateTime createdAt,
      OffsetDateTime paidAt,
      OffsetDateTime signedAt,
      String carrier,
      String trackingNumber) {
    static OrderView of(Order o) {
      return new OrderView(
          o.orderId(),
          o.buyerId(),
          o.shopName(),
          o.itemTitle(),
          o.quantity(),
          o.itemPrice(),
          o.postage(),
          o.totalPaid(),
          o.refundedAmount(),
          o.status() == null ? null : o.status().label(),
          o.createdAt(),
          o.paidAt(),
          o.signedAt(),
          o.carrier(),
          o.trackingNumber());
    }
  }

  record Marks(String flag, String flagNote, String internal, String finance, String shipping) {}

  record TaskLine(
      String taskId,
      String name,
      String assignee,
      List<String> candidateGroups,
      Date created,
      Date due,
      boolean overdue) {}

  record CasePage(
      CaseLine summary,
      String description,
      String openedBy,
      OrderView order,
      String orderProblem,
      Marks marks,
      List<TraceStep> trace,
      List<CaseEvent> timeline,
      List<TaskLine> openTasks,
      List<SentMessage> messages,
      List<CaseLine> sameOrder,
      List<CaseLine> sameBuyer) {}

  private final CaseRepository cases;
  private final OpenTasks openTasks;
  private final ShopBackOffice shop;
  private final IdentityService identity;
  private final java.time.Clock clock;
  private final org.camunda.bpm.engine.TaskService tasks;
  private final org.camunda.bpm.engine.RuntimeService runtime;

  CasePageController(
      CaseRepository cases,
      OpenTasks openTasks,
      ShopBackOffice shop,
      IdentityService identity,
      java.time.Clock clock,
      org.camunda.bpm.engine.TaskService tasks,
      org.camunda.bpm.engine.RuntimeService runtime) {
    this.tasks = tasks;
    this.runtime = runtime;
    this.cases = cases;
    this.openTasks = openTasks;
    this.shop = shop;
    this.identity = identity;
    this.clock = clock;
  }

  @GetMapping("/api/cases/{caseId}/page")
  CasePage page(@PathVariable String caseId) {
    Access.requireCaseReader(identity);
    CaseRecord c = cases.find(caseId).orElseThrow(() -> new NotFoundException("找不到售后单 " + caseId));
    OrderView order = null;
    Marks marks = null;
    List<TraceStep> trace = List.of();
    String problem = null;
    try {
      order = shop.findOrder(c.orderId()).map(OrderView::of).orElse(null);
      if (order == null) {
        problem = "店铺后台找不到订单 " + c.orderId();
      } else {
        marks = shop.orderMarks(c.orderId()).map(CasePageController::marks).orElse(null);
        trace = shop.logisticsTrace(c.orderId());
      }
    } catch (ShopUnavailableException e) {
      problem = "店铺后台暂时无法访问，订单信息稍后再看：" + e.getMessage();
    }
    Date now = Date.from(clock.instant());
    return new CasePage(
        CaseLine.of(c),
        c.description(),
        c.openedBy(),
        order,
        problem,
        marks,
        trace,
        cases.timeline(caseId),
        openTasks.details(caseId).stream()
            .map(
                t ->
                    new TaskLine(
                        t.taskId(),
                        t.name(),
                        t.assignee(),
                        t.candidateGroups().stream().map(CasePageController::roleName).toList(),
                        t.created(),
                        t.due(),
                        t.due() != null && t.due().before(now)))
            .toList(),
        shop.buyerMessages(caseId),
        others(cases.related("order_id", c.orderId(), RELATED_LIMIT + 1), caseId),
        others(cases.related("buyer_id", c.buyerId(), RELATED_LIMIT + 1), caseId));
  }

  /** The case of a task the signed-in user can see (Tasklist's 售后单 tab asks this). */
  @GetMapping("/api/cases/of-task/{taskId}")
  CaseLine ofTask(@PathVariable String taskId) {
    Access.requireCaseReader(identity);
    var task = tasks.createTaskQuery().taskId(taskId).singleResult();
    String caseId =
        task == null || task.getProcessInstanceId() == null
            ? null
            : businessKey(task.getProcessInstanceId());
    return cases
        .find(caseId == null ? "" : caseId)
        .map(CaseLine::of)
        .orElseThrow(() -> new NotFoundException("这个任务不属于任何售后单"));
  }

  private String businessKey(String processInstanceId) {
    var instance =
        runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
    return instance == null ? null : instance.getBusinessKey();
  }

  /** Cases whose id, order number or buyer is (or starts with) {@code q}; newest first. */
  @GetMapping("/api/cases/search")
  List<CaseLine> search(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "size", defaultValue = "20") int size) {
    Access.requireCaseReader(identity);
    String text = q == null ? "" : q.trim();
    if (text.isEmpty()) {
      throw new InvalidInputException("q", "请输入售后单号、订单编号或买家会员名");
    }
    if (text.length() > 100) {
      throw new InvalidInputException("q", "查询内容最多 100 个字符");
    }
    if (size < 1 || size > SEARCH_MAX) {
      throw new InvalidInputException("size", "每页条数应在 1 到 " + SEARCH_MAX + " 之间");
    }
    return cases.search(text, size).stream().map(CaseLine::of).toList();
  }

  private static List<CaseLine> others(List<CaseRecord> related, String caseId) {
    return related.stream()
        .filter(r -> !r.caseId().equals(caseId))
        .limit(RELATED_LIMIT)
        .map(CaseLine::of)
        .toList();
  }

  private static Marks marks(OrderMarks m) {
    return new Marks(
        m.flag() == null ? null : flagName(m.flag()),
        m.flagNote(),
        m.internal(),
        m.finance(),
        m.shipping());
  }

  private static String flagName(com.aftersales.shop.Flag flag) {
    return flag.label() + "（" + flag.meaning() + "）";
  }

  private static String roleName(String group) {
    return Roles.ALL.stream()
        .filter(r -> r.id().equals(group))
        .map(Roles.Role::name)
        .findFirst()
        .orElse(group);
  }
}
