package com.aftersales.refund;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.refund.RefundVariables.*;

import com.aftersales.base.Access;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.refund.RefundLinks.Link;
import com.aftersales.refund.RefundLinks.State;
import com.aftersales.shop.ShopEvent;
import com.aftersales.shop.ShopEvent.BuyerReturnedGoods;
import com.aftersales.shop.ShopEvent.OfRefund;
import com.aftersales.shop.ShopEvent.PlatformIntervened;
import com.aftersales.shop.ShopEvent.RefundClosed;
import com.aftersales.shop.ShopEvent.RefundCreated;
import com.aftersales.shop.ShopEvent.RefundRefiled;
import com.aftersales.shop.ShopEvent.RefundSucceeded;
import com.aftersales.shop.ShopEvent.RefundWithdrawn;
import com.aftersales.shop.ShopEvent.Source;
import com.aftersales.shop.ShopEventHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The refund's part in what happens in the shop: a refund filed opens a case ({@link
 * RefundOpening}); closed, paid, withdrawn, filed again and the platform stepping in are the
 * refund's messages, correlated with the case wherever it waits (the platform's "退款成功" first with a
 * refund agreed on the platform that waits for it); the buyer's return shipment completes
 * "登记买家退货物流" with the carrier and tracking number, so the case moves on to the warehouse (a case
 * that has not reached that task yet gets them filled into its form). The engine works as the
 * system (the reporter's right was checked at the door).
 *
 * <p>Never twice, never back: a change older than the latest one applied to the same platform
 * refund, and anything after the refund ended on the platform, is ignored; the model itself only
 * takes a message where a step waits for it.
 */
@Component
class RefundShopEvents implements ShopEventHandler {

  private final RefundOpening opening;
  private final RefundLinks links;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final CaseTimeline timeline;

  RefundShopEvents(
      RefundOpening opening,
      RefundLinks links,
      RuntimeService runtime,
      TaskService tasks,
      HistoryService history,
      IdentityService identity,
      CaseTimeline timeline) {
    this.opening = opening;
    this.links = links;
    this.runtime = runtime;
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.timeline = timeline;
  }

  @Override
  public Handled handle(ShopEvent event) {
    if (event instanceof RefundCreated created) {
      return created.refundId() == null ? Handled.NOTHING : opening.open(created);
    }
    if (!(event instanceof OfRefund refund)) {
      return Handled.NOTHING;
    }
    return Access.asSystem(identity, () -> apply(refund));
  }

  private Handled apply(OfRefund event) {
    RefundEventType type = typeOf(event);
    Optional<Link> link =
        event.refundId() == null ? Optional.empty() : links.find(event.refundId());
    List<ProcessInstance> targets = targets(event, link);
    List<String> applied = new ArrayList<>();
    boolean stale =
        link.isPresent()
            && (link.get().state() == State.FINISHED
                || link.get().appliedLaterThan(event.modified()));
    if (!stale) {
      for (ProcessInstance pi : targets) {
        boolean moved =
            event instanceof BuyerReturnedGoods returned
                ? returned(pi, returned)
                : (type == RefundEventType.PAID
                        && correlate(pi, PLATFORM_PAID_MESSAGE, type, event.note()))
                    || correlate(pi, type.message, type, event.note());
        if (moved) {
          applied.add(pi.getBusinessKey());
        }
      }
    }
    if (event.refundId() != null) {
      links.advance(event.refundId(), event.orderId(), event.modified(), ends(type));
    }
    if (!applied.isEmpty()) {
      return Handled.applied(applied);
    }
    Set<String> waiting = new LinkedHashSet<>();
    targets.forEach(pi -> waiting.add(pi.getBusinessKey()));
    String from = Source.PLATFORM.equals(event.source().by()) ? "平台通知" : "后台通知";
    for (String caseId : waiting) {
      timeline.record(
          caseId,
          IGNORED_EVENT_STEP,
          from,
          event.source().by(),
          from
              + "“"
              + type.label
              + "”已忽略："
              + (stale ? "平台上这笔退款已有更新的变化（迟到或重复的通知）" : "当前步骤不等待这个通知（重复或过时）"));
    }
    return Handled.ignored(List.copyOf(waiting));
  }

  static RefundEventType typeOf(OfRefund event) {
    if (event instanceof RefundClosed) {
      return RefundEventType.CLOSED;
    } else if (event instanceof RefundSucceeded) {
      return RefundEventType.PAID;
    } else if (event instanceof RefundWithdrawn) {
      return RefundEventType.WITHDRAWN;
    } else if (event instanceof RefundRefiled) {
      return RefundEventType.REFILED;
    } else if (event instanceof PlatformIntervened) {
      return RefundEventType.DISPUTED;
    } else if (event instanceof BuyerReturnedGoods) {
      return RefundEventType.RETURNED;
    }
    return RefundEventType.CREATED;
  }

  private static boolean ends(RefundEventType type) {
    return type == RefundEventType.CLOSED
        || type == RefundEventType.PAID
        || type == RefundEventType.WITHDRAWN;
  }

  /**
   * The refunds the event is for: the one carrying its platform refund id; else, for a refund no
   * case is linked to (or an event naming none), the order's running refunds that handle no other
   * platform refund.
   */
  private List<ProcessInstance> targets(OfRefund event, Optional<Link> link) {
    if (event.refundId() != null) {
      List<ProcessInstance> linked =
          runtime
              .createProcessInstanceQuery()
              .processDefinitionKey(PROCESS_KEY)
              .variableValueEquals(PLATFORM_REFUND_ID.name(), event.refundId())
              .active()
              .list();
      if (!linked.isEmpty() || link.map(l -> l.caseId() != null).orElse(false)) {
        return linked;
      }
    }
    return refundsOf(event.orderId()).stream()
        .filter(
            pi -> event.refundId() == null || PLATFORM_REFUND_ID.of(runtime, pi.getId()) == null)
        .toList();
  }

  private List<ProcessInstance> refundsOf(String orderId) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(ORDER_ID.name(), orderId)
        .active()
        .list();
  }

  /**
   * Sends the event's message to the case where a step waits for it. The platform's "退款成功" goes
   * first to a refund agreed on the platform that waits for it ({@link RefundPlatformPaid}), and
   * otherwise ends the case wherever it is, paid by the back office.
   */
  private boolean correlate(ProcessInstance pi, String message, RefundEventType type, String note) {
    for (int attempt = 0; ; attempt++) {
      try {
        Map<String, Object> vars = new HashMap<>();
        REFUND_EVENT.put(vars, type);
        REFUND_EVENT_NOTE.put(vars, note);
        return !runtime
            .createMessageCorrelation(message)
            .processInstanceId(pi.getId())
            .setVariables(vars)
            .correlateAllWithResult()
            .isEmpty();
      } catch (OptimisticLockingException raced) {
        // the same event arrived twice at once: the other delivery handled it
        if (attempt >= 2) {
          return false;
        }
      } catch (RuntimeException moved) {
        // the other delivery moved the case while this correlation read it (the engine then fails
        // on the execution it had found): look again, and find nothing left waiting for the event
        if (attempt >= 2) {
          throw moved;
        }
      }
    }
  }

  /**
   * The case needs the return but has not reached "登记买家退货物流" yet (its first steps still run, e.g.
   * the case was opened a moment ago for a refund whose goods are already on their way): the
   * shipment is kept in the case's variables, and the task's form shows it filled in.
   */
  private boolean prefill(ProcessInstance pi, BuyerReturnedGoods event, String shipment) {
    if (event.trackingNumber() == null
        || !Boolean.TRUE.equals(RETURN_REQUIRED.of(runtime, pi.getId()))
        || RETURN_TRACKING_NUMBER.of(runtime, pi.getId()) != null
        || history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId())
                .activityId(RECORD_RETURN_TASK)
                .count()
            > 0) {
      return false;
    }
    Map<String, Object> vars = new HashMap<>();
    RETURN_CARRIER.put(vars, event.carrier());
    RETURN_TRACKING_NUMBER.put(vars, event.trackingNumber());
    runtime.setVariables(pi.getId(), vars);
    timeline.record(
        pi.getBusinessKey(),
        RECORD_RETURN_TASK,
        "登记买家退货物流",
        event.source().by(),
        "平台通知买家已寄回退货（" + shipment + "），已填入“登记买家退货物流”，请核对后提交");
    return true;
  }

  /** Completes "登记买家退货物流" with what the platform reports, as the system. */
  private boolean returned(ProcessInstance pi, BuyerReturnedGoods event) {
    Task task =
        tasks
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(RECORD_RETURN_TASK)
            .active()
            .singleResult();
    String shipment =
        (event.carrier() == null ? "" : event.carrier() + " ")
            + (event.trackingNumber() == null ? "（平台未给出物流单号）" : event.trackingNumber());
    if (task == null) {
      return prefill(pi, event, shipment);
    }
    Map<String, Object> vars = new HashMap<>();
    RETURN_CARRIER.put(vars, event.carrier());
    RETURN_TRACKING_NUMBER.put(vars, event.trackingNumber());
    try {
      tasks.complete(task.getId(), vars);
    } catch (InvalidInputException refused) {
      timeline.record(
          pi.getBusinessKey(),
          RECORD_RETURN_TASK,
          task.getName(),
          event.source().by(),
          "平台通知买家已寄回退货（" + shipment + "），但" + refused.getMessage() + "：请客服核对后登记");
      return false;
    } catch (ProcessEngineException failed) {
      if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
        // an agent registered the shipment at the same moment
        return false;
      }
      throw failed;
    }
    timeline.record(
        pi.getBusinessKey(),
        RECORD_RETURN_TASK,
        task.getName(),
        event.source().by(),
        "平台通知：买家已寄回退货，" + shipment + "，转仓库收货验货");
    return true;
  }
}
