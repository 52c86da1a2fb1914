package com.aftersales.refund;

import static com.aftersales.refund.RefundVariables.*;

import com.aftersales.base.Access;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseService;
import com.aftersales.cases.CaseService.Opened;
import com.aftersales.cases.CaseTimeline;
import com.aftersales.refund.RefundLinks.Link;
import com.aftersales.refund.RefundLinks.State;
import com.aftersales.shop.Order;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.ShopEvent.RefundCreated;
import com.aftersales.shop.ShopEventHandler.Handled;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A refund the buyer filed on the platform opens a refund case with nobody typing: the same case an
 * agent would open (the same checks, the same register row), carrying the platform's refund id,
 * opened by the system on behalf of whoever reported it. Claiming the refund's row in {@code
 * refund_platform_link} in the opening's transaction makes a second message, the reconciliation or
 * a second node find it claimed instead of opening a twin. When the order already has an open
 * refund case (an agent opened it before the message arrived), the platform's refund is linked to
 * that case.
 */
@Service
class RefundOpening {

  static final String STEP = "platformRefund";
  private static final Logger LOG = LoggerFactory.getLogger(RefundOpening.class);

  private final CaseService cases;
  private final ShopBackOffice shop;
  private final RefundLinks links;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final CaseTimeline timeline;
  private final TransactionTemplate tx;

  RefundOpening(
      CaseService cases,
      ShopBackOffice shop,
      RefundLinks links,
      RuntimeService runtime,
      IdentityService identity,
      CaseTimeline timeline,
      PlatformTransactionManager transactions) {
    this.cases = cases;
    this.shop = shop;
    this.links = links;
    this.runtime = runtime;
    this.identity = identity;
    this.timeline = timeline;
    this.tx = new TransactionTemplate(transactions);
  }

  Handled open(RefundCreated created) {
    Optional<Link> link = links.find(created.refundId());
    if (link.isPresent() && !retries(link.get(), created)) {
      // a repeat, a twin on another node, or a refund that already ended: nothing opens again
      String caseId = link.get().caseId();
      return caseId == null ? Handled.NOTHING : Handled.ignored(List.of(caseId));
    }
    Optional<Order> order = shop.findOrder(created.orderId());
    if (order.isEmpty()) {
      return notOpened(created, "订单 " + created.orderId() + " 在店铺后台找不到");
    }
    try {
      return openOrLink(created, order.get(), link.isPresent(), created.goodsReturn());
    } catch (InvalidInputException refused) {
      if (created.goodsReturn()) {
        // the order's state needs no return (the buyer has no goods by our records): the case
        // follows the order's state, and says what the buyer asked for
        try {
          return openOrLink(created, order.get(), link.isPresent(), false);
        } catch (InvalidInputException stillRefused) {
          return notOpened(created, stillRefused.getMessage());
        }
      }
      return notOpened(created, refused.getMessage());
    } catch (DuplicateKeyException raced) {
      // another delivery of the same refund claimed it a moment ago and opens the case
      return Handled.NOTHING;
    }
  }

  /** A refund no case could be opened for is tried again by a newer change of it. */
  private static boolean retries(Link link, RefundCreated created) {
    return link.state() == State.NOT_OPENED
        && (link.lastModified() == null
            || (created.modified() != null && created.modified().isAfter(link.lastModified())));
  }

  private Handled openOrLink(
      RefundCreated created, Order order, boolean claimedBefore, boolean returnRequired) {
    return tx.execute(
        status -> {
          if (claimedBefore) {
            links.reclaim(created.refundId(), created.modified());
          } else {
            links.claim(created.refundId(), created.orderId(), created.modified());
          }
          Opened opened =
              Access.asSystem(
                  identity,
                  () ->
                      cases.open(
                          CaseKind.REFUND.name(),
                          order.orderId(),
                          order.buyerId(),
                          description(created),
                          startFields(created, returnRequired)));
          String caseId = opened.record().caseId();
          if (opened.created()) {
            cases.openedOnBehalfOf(caseId, created.source().by());
            timeline.record(
                caseId,
                STEP,
                "平台退款",
                created.source().by(),
                "买家在平台申请退款（平台退款编号 "
                    + created.refundId()
                    + "），已自动开单"
                    + (created.goodsReturn() && !returnRequired
                        ? "；买家申请退货退款，但按订单状态买家尚未收货，按订单状态处理"
                        : ""));
          } else if (!linkToOpenCase(created, opened)) {
            return Handled.ignored(List.of(caseId));
          }
          links.attach(created.refundId(), caseId, created.modified());
          return Handled.applied(List.of(caseId));
        });
  }

  /**
   * The order already has an open refund case: the platform's refund is linked to it, unless it
   * handles another platform refund (then the new one is left to an agent, and the case says so).
   */
  private boolean linkToOpenCase(RefundCreated created, Opened opened) {
    String caseId = opened.record().caseId();
    String instance = opened.record().processInstanceId();
    String other = Access.asSystem(identity, () -> PLATFORM_REFUND_ID.of(runtime, instance));
    String by = created.source().by();
    if (other != null && !other.equals(created.refundId())) {
      String note = "订单已有进行中的退款售后单 " + caseId + "（处理平台退款 " + other + "），请客服在平台上处理这笔退款";
      links.notOpened(created.refundId(), created.orderId(), created.modified(), note);
      timeline.record(
          caseId,
          STEP,
          "平台退款",
          by,
          "买家在平台又申请了一笔退款（平台退款编号 "
              + created.refundId()
              + amountText(created)
              + "）：本售后单处理平台退款 "
              + other
              + "，这一笔未自动开单，请客服在平台上处理");
      LOG.warn(
          "Platform refund {} of order {} not opened: case {} handles platform refund {}",
          created.refundId(),
          created.orderId(),
          caseId,
          other);
      return false;
    }
    Access.asSystem(
        identity,
        () -> {
          PLATFORM_REFUND_ID.set(runtime, instance, created.refundId());
          return null;
        });
    timeline.record(
        caseId,
        STEP,
        "平台退款",
        by,
        "买家在平台申请的退款（平台退款编号 " + created.refundId() + amountText(created) + "）已关联到本售后单");
    return true;
  }

  private Handled notOpened(RefundCreated created, String reason) {
    links.notOpened(created.refundId(), created.orderId(), created.modified(), reason);
    // ids only: the reason is our own wording of the order's state and amounts
    LOG.warn(
        "Platform refund {} of order {} did not open a case: {}",
        created.refundId(),
        created.orderId(),
        reason);
    return Handled.NOTHING;
  }

  private static String description(RefundCreated created) {
    String text =
        "买家在平台申请退款（平台退款编号 "
            + created.refundId()
            + amountText(created)
            + (created.goodsReturn() ? "，退货退款" : "，仅退款")
            + "）"
            + (created.note() == null ? "" : "：" + created.note());
    return text.length() > 2000 ? text.substring(0, 2000) : text;
  }

  private static String amountText(RefundCreated created) {
    return created.amount() == null ? "" : "，" + created.amount().toPlainString() + " 元";
  }

  private static Map<String, Object> startFields(RefundCreated created, boolean returnRequired) {
    Map<String, Object> fields = new HashMap<>();
    PLATFORM_REFUND_ID.put(fields, created.refundId());
    if (created.amount() != null) {
      REFUND_AMOUNT.put(fields, created.amount());
    }
    if (returnRequired) {
      RETURN_REQUIRED.put(fields, true);
    }
    return fields;
  }
}
