package com.aftersales.cases;

import static com.aftersales.cases.CaseVariables.*;

import com.aftersales.base.InvalidInputException;
import com.aftersales.shop.Order;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.UnknownOrderException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Opens and closes after-sales cases. Whether a case is opened through {@code POST /api/cases} or
 * from Tasklist's start form, the same checks run and the same register row is written, in the
 * transaction that starts the process.
 */
@Service("afterSalesCaseService")
public class CaseService {

  static final int DESCRIPTION_LIMIT = 2000;

  private final CaseRepository cases;
  private final ShopBackOffice shop;
  private final RuntimeService runtime;
  private final CaseTimeline timeline;
  private final Clock clock;
  private final CaseMeters meters;

  CaseService(
      CaseRepository cases,
      ShopBackOffice shop,
      RuntimeService runtime,
      CaseTimeline timeline,
      Clock clock,
      CaseMeters meters) {
    this.meters = meters;
    this.cases = cases;
    this.shop = shop;
    this.runtime = runtime;
    this.timeline = timeline;
    this.clock = clock;
  }

  /** The answer to an open request: the case, and whether this request created it. */
  public record Opened(CaseRecord record, boolean created) {}

  /**
   * Opens a case, or answers with the open case of the same kind for the same order. The buyer,
   * item and amounts come from the order; a buyer given anyway must be the order's.
   *
   * @throws InvalidInputException when a field is missing or wrong; nothing is started then
   */
  public Opened open(String kindValue, String orderId, String buyerId, String description) {
    return open(kindValue, orderId, buyerId, description, Map.of());
  }

  /**
   * Opens a case with the kind's own start fields (a refund's amount and whether the buyer sends
   * the goods back); the process's start listener checks them.
   */
  public Opened open(
      String kindValue,
      String orderId,
      String buyerId,
      String description,
      Map<String, Object> startFields) {
    CaseKind kind = parseKind(kindValue);
    Order order = checkRequest(kind, orderId, buyerId, description);
    buyerId = buyerOf(order, buyerId);
    description = descriptionOf(kind, description);
    String openKey = kind.openKey(order.orderId());
    Optional<CaseRecord> existing = cases.findOpen(openKey);
    if (existing.isPresent()) {
      return new Opened(existing.get(), false);
    }
    Map<String, Object> vars = new HashMap<>();
    CASE_KIND.put(vars, kind.name());
    ORDER_ID.put(vars, order.orderId());
    BUYER_ID.put(vars, buyerId.trim());
    DESCRIPTION.put(vars, description.trim());
    startFields.forEach(
        (name, value) -> {
          if (value != null) {
            vars.put(name, value);
          }
        });
    try {
      var instance =
          runtime.startProcessInstanceByKey(
              kind.processKey(), nextCaseId(kind, order.orderId()), vars);
      return new Opened(cases.find(instance.getBusinessKey()).orElseThrow(), true);
    } catch (OpenCaseExistsException race) {
      // Another request opened the same case between our look-up and the start.
      return new Opened(cases.find(race.caseId()).orElseThrow(() -> race), false);
    } catch (DuplicateKeyException race) {
      // Another request opened the same case a moment ago: answer with that one.
      return new Opened(cases.findOpen(openKey).orElseThrow(() -> race), false);
    }
  }

  /**
   * Names who asked for a case the system opened (the platform's messages, the back office's
   * integration account): the register's "opened by" and the timeline's opening entry.
   */
  public void openedOnBehalfOf(String caseId, String openedBy) {
    cases.nameOpener(caseId, openedBy);
  }

  public Optional<CaseRecord> find(String caseId) {
    return cases.find(caseId);
  }

  /**
   * Start listener of every case process: checks the request, loads the order into the case's
   * variables, and writes the register row. A twin of an open case is refused here too, so a
   * Tasklist start cannot create one.
   */
  public void register(DelegateExecution execution) {
    String kindValue = CASE_KIND.get(execution);
    CaseKind kind =
        kindValue != null
            ? parseKind(kindValue)
            : CaseKind.ofProcessKey(processKeyOf(execution))
                .orElseThrow(() -> new IllegalStateException("no case kind for " + execution));
    String orderId = ORDER_ID.get(execution);
    String buyerId = BUYER_ID.get(execution);
    String description = DESCRIPTION.get(execution);
    Order order;
    try {
      order = checkRequest(kind, orderId, buyerId, description);
    } catch (UnknownOrderException e) {
      // from Tasklist's start form: a correctable input, shown under the form
      throw new InvalidInputException(ORDER_ID, e.getMessage());
    }
    buyerId = buyerOf(order, buyerId);
    description = descriptionOf(kind, description);
    String openKey = kind.openKey(order.orderId());
    cases
        .findOpen(openKey)
        .ifPresent(
            open -> {
              throw new OpenCaseExistsException(
                  open.caseId(),
                  "订单 "
                      + order.orderId()
                      + " 已有进行中的"
                      + kind.label()
                      + "售后单 "
                      + open.caseId()
                      + "，请直接处理该售后单");
            });
    String caseId = execution.getProcessBusinessKey();
    if (caseId == null || caseId.isBlank()) {
      caseId = nextCaseId(kind, order.orderId());
      execution.setProcessBusinessKey(caseId);
    }
    CASE_ID.set(execution, caseId);
    CASE_KIND.set(execution, kind.name());
    CASE_KIND_LABEL.set(execution, kind.label());
    APOLOGY_TEXT.set(execution, CannedReplies.apology(kind));
    ORDER_ID.set(execution, order.orderId());
    BUYER_ID.set(execution, buyerId.trim());
    DESCRIPTION.set(execution, description.trim());
    BUYER_NAME.set(execution, order.buyerName());
    ITEM_TITLE.set(execution, order.itemTitle());
    ITEM_PRICE.set(execution, order.itemPrice());
    QUANTITY.set(execution, (long) order.quantity());
    TOTAL_PAID.set(execution, order.totalPaid());
    REFUNDABLE.set(execution, order.refundable());
    CARRIER.set(execution, order.carrier());
    TRACKING_NUMBER.set(execution, order.trackingNumber());
    String openedBy = CaseTimeline.currentUser(execution);
    OffsetDateTime now = OffsetDateTime.now(clock);
    cases.insertOpen(
        new CaseRecord(
            caseId,
            kind,
            order.orderId(),
            buyerId.trim(),
            description.trim(),
            execution.getProcessInstanceId(),
            CaseStatus.OPEN,
            null,
            null,
            null,
            openedBy,
            now,
            null),
        openKey);
    cases.registerOrder(caseId, order.itemTitle(), order.maskedContact());
    timeline.record(caseId, "opened", "开单", openedBy, kind.label() + "：" + description.trim());
    meters.opened(kind);
  }

  /** End listener of every case process: closes the register row with the end reached. */
  public void close(DelegateExecution execution, String category) {
    String caseId = execution.getProcessBusinessKey();
    String endId = execution.getCurrentActivityId();
    String outcome = endId != null && endId.startsWith("endEvent_") ? endId.substring(9) : endId;
    String label = execution.getCurrentActivityName();
    cases.close(caseId, category, outcome, label, OffsetDateTime.now(clock));
    cases.resolvedBy(caseId, RESOLVED_BY.get(execution));
    timeline.record(caseId, "closed", "结案", null, label);
    meters.closed(
        CASE_KIND.get(execution) != null
            ? CASE_KIND.get(execution)
            : CaseKind.ofProcessKey(processKeyOf(execution)).map(Enum::name).orElse(null));
  }

  private String nextCaseId(CaseKind kind, String orderId) {
    int before = cases.countFor(kind, orderId);
    String base = kind.openKey(orderId);
    return before == 0 ? base : base + "-" + (before + 1);
  }

  private static String processKeyOf(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    return definitionId.substring(0, definitionId.indexOf(':'));
  }

  private static CaseKind parseKind(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("kind", "请选择售后类型，可选：" + CaseKind.choices());
    }
    return CaseKind.parse(value)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "kind", "不支持的售后类型 “" + value + "”，可选：" + CaseKind.choices()));
  }

  /** The buyer named in the request (checked against the order's), or the order's. */
  private static String buyerOf(Order order, String buyerId) {
    return buyerId == null || buyerId.isBlank() ? order.buyerId() : buyerId.trim();
  }

  /** The description given, or the kind's name when the kind allows leaving it out. */
  private static String descriptionOf(CaseKind kind, String description) {
    return description == null || description.isBlank() ? kind.label() : description.trim();
  }

  private Order checkRequest(CaseKind kind, String orderId, String buyerId, String description) {
    if (orderId == null || orderId.isBlank()) {
      throw new InvalidInputException(ORDER_ID, "请填写订单编号");
    }
    if (!kind.describedByKind() && (description == null || description.isBlank())) {
      throw new InvalidInputException(DESCRIPTION, "请简要描述买家反映的问题");
    }
    if (description != null && description.length() > DESCRIPTION_LIMIT) {
      throw new InvalidInputException(DESCRIPTION, "问题描述最多 " + DESCRIPTION_LIMIT + " 个字，请精简后再提交");
    }
    Order order =
        shop.findOrder(orderId.trim()).orElseThrow(() -> new UnknownOrderException(orderId.trim()));
    if (buyerId != null && !buyerId.isBlank() && !order.buyerId().equals(buyerId.trim())) {
      throw new InvalidInputException(
          BUYER_ID,
          "订单 " + order.orderId() + " 的买家不是 " + buyerId.trim() + "，请核对买家会员名（可不填：系统从订单带出）");
    }
    return order;
  }
}
