package com.aftersales.shop.taobao;

import com.aftersales.shop.PlatformRefund;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.ShopContact;
import com.aftersales.shop.ShopContact.Channel;
import com.aftersales.shop.ShopEvent;
import com.aftersales.shop.ShopEvent.BuyerReturnedGoods;
import com.aftersales.shop.ShopEvent.RefundClosed;
import com.aftersales.shop.ShopEvent.RefundCreated;
import com.aftersales.shop.ShopEvent.RefundSucceeded;
import com.aftersales.shop.ShopEvent.Source;
import com.aftersales.shop.ShopEvents;
import com.aftersales.shop.ShopSessionExpiredException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Catches what the messages missed: every {@code reconcile-interval} the seller's refunds changed
 * since the last run ({@link ShopBackOffice#refundsModified}) become the events they stand for — a
 * refund still running is "created" (at its creation time), one whose goods the buyer shipped back
 * also "returned", a closed one "closed", a paid one "succeeded" — and go through the same handling
 * as the messages, so a refund already handled changes nothing.
 *
 * <p>The run's end is remembered ({@code shop_contact.mark_at}), so a restart continues where the
 * last run stopped; a window that could not be handled completely is fetched again next time. On
 * the first run it looks back {@link #FIRST_LOOK_BACK}; each call covers at most {@link
 * #MAX_WINDOW} (the platform's limit for the span is not documented), and each run starts {@link
 * #OVERLAP} before the mark (the platform's clock and ours differ a little).
 */
@Component
@ConditionalOnProperty(name = "aftersales.shop.adapter", havingValue = "taobao")
public class RefundReconciler {

  static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);
  static final Duration MAX_WINDOW = Duration.ofDays(1);
  static final Duration OVERLAP = Duration.ofMinutes(2);

  private static final Logger LOG = LoggerFactory.getLogger(RefundReconciler.class);

  /** What one run did: the refunds read, the events dispatched, the refunds that failed. */
  public record Run(int refunds, int dispatched, List<String> failed, boolean expired) {}

  private final ShopBackOffice shop;
  private final ShopEvents events;
  private final ShopContact contact;
  private final Clock clock;

  public RefundReconciler(
      ShopBackOffice shop, ShopEvents events, ShopContact contact, Clock clock) {
    this.shop = shop;
    this.events = events;
    this.contact = contact;
    this.clock = clock;
  }

  public Run reconcile() {
    OffsetDateTime now = OffsetDateTime.now(clock);
    OffsetDateTime from =
        contact
            .mark(Channel.RECONCILE)
            .map(m -> m.minus(OVERLAP))
            .orElse(now.minus(FIRST_LOOK_BACK));
    int refunds = 0;
    int dispatched = 0;
    List<String> failed = new ArrayList<>();
    try {
      while (from.isBefore(now)) {
        OffsetDateTime to = from.plus(MAX_WINDOW).isBefore(now) ? from.plus(MAX_WINDOW) : now;
        for (PlatformRefund refund : shop.refundsModified(from, to)) {
          refunds++;
          try {
            for (ShopEvent event : eventsOf(refund)) {
              events.dispatch(event);
              dispatched++;
            }
          } catch (ShopSessionExpiredException expired) {
            throw expired;
          } catch (RuntimeException e) {
            failed.add(refund.refundId());
            LOG.warn(
                "Reconciling platform refund {} failed ({}); it is read again next run",
                refund.refundId(),
                e.getClass().getSimpleName());
          }
        }
        if (!failed.isEmpty()) {
          break;
        }
        contact.mark(Channel.RECONCILE, to);
        from = to;
      }
      contact.heard(Channel.RECONCILE);
      events.forgetSeenBefore(now.minus(ShopEvents.SEEN_RETENTION));
      return new Run(refunds, dispatched, failed, false);
    } catch (ShopSessionExpiredException e) {
      contact.failed(Channel.RECONCILE, "店铺授权（session key）无效或已过期，无法同步平台退款", true);
      LOG.error(
          "The shop's session key is invalid or expired: refunds cannot be reconciled until the"
              + " application is authorised again and aftersales.shop.taobao.session-key"
              + " (TAOBAO_SESSION_KEY) is renewed; the next run tries again");
      return new Run(refunds, dispatched, failed, true);
    } catch (RuntimeException e) {
      contact.failed(Channel.RECONCILE, e.getMessage(), false);
      LOG.warn("Reconciling the platform's refunds failed: {}", e.getMessage());
      return new Run(refunds, dispatched, failed, false);
    }
  }

  /** The events a refund's current state stands for, in the order they happened. */
  static List<ShopEvent> eventsOf(PlatformRefund r) {
    long version =
        r.version() != 0 ? r.version() : r.modified() == null ? 0 : r.modified().toEpochSecond();
    String status = r.status() == null ? "" : r.status();
    if (status.equals("SUCCESS")) {
      return List.of(
          new RefundSucceeded(
              Source.reconciliation(r.refundId(), version, "succeeded"),
              r.modified(),
              r.refundId(),
              r.orderId(),
              null));
    }
    if (status.equals("CLOSED")) {
      return List.of(
          new RefundClosed(
              Source.reconciliation(r.refundId(), version, "closed"),
              r.modified(),
              r.refundId(),
              r.orderId(),
              null));
    }
    List<ShopEvent> found = new ArrayList<>();
    found.add(
        new RefundCreated(
            Source.reconciliation(r.refundId(), version, "created"),
            r.created() != null ? r.created() : r.modified(),
            r.refundId(),
            r.orderId(),
            r.subOrderId(),
            r.amount(),
            r.goodsReturn(),
            r.reason()));
    if ("BUYER_RETURNED_GOODS".equals(r.goodStatus())
        || ("WAIT_SELLER_CONFIRM_GOODS".equals(status) && r.returnTrackingNumber() != null)) {
      found.add(
          new BuyerReturnedGoods(
              Source.reconciliation(r.refundId(), version, "returned"),
              r.modified(),
              r.refundId(),
              r.orderId(),
              r.returnCarrier(),
              r.returnTrackingNumber(),
              null));
    }
    return found;
  }
}
