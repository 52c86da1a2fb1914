package com.aftersales.refund;

import static com.aftersales.refund.RefundVariables.PLATFORM_REFUND_ID;
import static com.aftersales.refund.RefundVariables.REFUND_AMOUNT;

import com.aftersales.cases.CaseTimeline;
import com.aftersales.refund.RefundLinks.Link;
import com.aftersales.refund.RefundLinks.State;
import com.aftersales.shop.PlatformRefund;
import com.aftersales.shop.ShopBackOffice;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Service;

/**
 * Money a claim, return or exchange offers goes to the buyer through the platform only when the
 * buyer has a refund open there (the shop port knows); the called refund then answers that refund:
 * its id in {@code platformRefundId}, so agreeing, refusing and the platform's messages reach it,
 * and its row in {@code refund_platform_link} names the case, so its "created" opens no twin.
 */
@Service
class CalledRefundLink {

  private final ShopBackOffice shop;
  private final RefundLinks links;
  private final CaseTimeline timeline;

  CalledRefundLink(ShopBackOffice shop, RefundLinks links, CaseTimeline timeline) {
    this.shop = shop;
    this.links = links;
    this.timeline = timeline;
  }

  /**
   * Whether the order has a platform refund open, linked now to the called refund (the one of the
   * amount asked, else the oldest). Without one, no platform refund id stays on the refund.
   */
  boolean link(DelegateExecution execution, String orderId) {
    List<PlatformRefund> open = shop.openRefunds(orderId);
    Optional<PlatformRefund> chosen =
        choose(open, PLATFORM_REFUND_ID.get(execution), REFUND_AMOUNT.get(execution));
    PLATFORM_REFUND_ID.set(execution, chosen.map(PlatformRefund::refundId).orElse(null));
    if (chosen.isEmpty()) {
      return false;
    }
    PlatformRefund refund = chosen.get();
    String caseId = execution.getProcessBusinessKey();
    Optional<Link> link = links.find(refund.refundId());
    String handledElsewhere = null;
    if (link.isEmpty()) {
      links.claim(refund.refundId(), orderId, refund.modified());
      links.attach(refund.refundId(), caseId, refund.modified());
    } else if (link.get().state() == State.NOT_OPENED) {
      links.reclaim(refund.refundId(), refund.modified());
      links.attach(refund.refundId(), caseId, refund.modified());
    } else if (link.get().caseId() != null && !link.get().caseId().equals(caseId)) {
      handledElsewhere = link.get().caseId();
    }
    timeline.record(
        execution,
        "买家在平台有进行中的退款（平台退款编号 "
            + refund.refundId()
            + (refund.amount() == null ? "" : "，" + refund.amount().toPlainString() + " 元")
            + "）：这笔钱按平台退款处理，同意或驳回都在这笔平台退款上，平台计时"
            + (open.size() > 1 ? "；订单还有其他进行中的平台退款，请在千牛核对" : "")
            + (handledElsewhere == null ? "" : "；这笔平台退款也由售后单 " + handledElsewhere + " 处理，请勿重复退款"));
    return true;
  }

  /** The refund already named if still open, else one of the amount asked, else the oldest. */
  static Optional<PlatformRefund> choose(
      List<PlatformRefund> open, String named, BigDecimal amount) {
    Optional<PlatformRefund> same =
        open.stream().filter(r -> r.refundId().equals(named)).findFirst();
    if (same.isPresent()) {
      return same;
    }
    return open.stream()
        .min(
            Comparator.comparing(
                    (PlatformRefund r) ->
                        amount == null || r.amount() == null || r.amount().compareTo(amount) != 0)
                .thenComparing(
                    PlatformRefund::created, Comparator.nullsLast(Comparator.naturalOrder())));
  }
}
