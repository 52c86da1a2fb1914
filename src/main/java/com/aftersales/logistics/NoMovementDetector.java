package com.aftersales.logistics;

import com.aftersales.base.Access;
import com.aftersales.deadlines.Deadlines;
import com.aftersales.logistics.LogisticsChoices.Source;
import com.aftersales.shop.Order;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.TraceStep;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a logistics case for every shipped order whose trace has not moved for {@code
 * aftersales.deadlines.logistics-no-movement}, once per order ever: the order's row in {@code
 * logistics_stalled} is written in the transaction that opens the case, so of several nodes (or
 * runs) only one opens it.
 */
@Service
class NoMovementDetector {

  /** What a run did. */
  record Run(int shippedOrders, int opened) {}

  private final ShopBackOffice shop;
  private final LogisticsCases cases;
  private final Deadlines deadlines;
  private final LogisticsConfig config;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;
  private final IdentityService identity;
  private final ZoneId zone;

  NoMovementDetector(
      ShopBackOffice shop,
      LogisticsCases cases,
      Deadlines deadlines,
      LogisticsConfig config,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      IdentityService identity,
      Clock clock) {
    this.shop = shop;
    this.cases = cases;
    this.deadlines = deadlines;
    this.config = config;
    this.jdbc = jdbc;
    this.tx = new TransactionTemplate(transactions);
    this.identity = identity;
    this.zone = clock.getZone();
  }

  /** Looks at the shipped, undelivered orders paid within the look-back, as of the engine's now. */
  Run run() {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    OffsetDateTime upTo = now.atZone(zone).toOffsetDateTime();
    List<Order> shipped = shop.undeliveredOrders(upTo.minusDays(config.lookBackDays()), upTo);
    int opened = 0;
    for (Order order : shipped) {
      if (Boolean.TRUE.equals(Access.asSystem(identity, () -> check(order, now)))) {
        opened++;
      }
    }
    return new Run(shipped.size(), opened);
  }

  private boolean check(Order order, Instant now) {
    Integer seen =
        jdbc.queryForObject(
            "select count(*) from logistics_stalled where order_id = ?",
            Integer.class,
            order.orderId());
    if (seen > 0) {
      return false;
    }
    List<TraceStep> trace = shop.logisticsTrace(order.orderId());
    StalledParcels.Verdict verdict =
        StalledParcels.judge(
            trace,
            config.deliveredWords(),
            now,
            t -> deadlines.dueFrom("logisticsNoMovement", Date.from(t)).toInstant());
    if (verdict != StalledParcels.Verdict.STALLED) {
      return false;
    }
    Instant last = StalledParcels.latest(trace.stream().filter(s -> s.time() != null).toList());
    try {
      return Boolean.TRUE.equals(
          tx.execute(
              s -> {
                jdbc.update(
                    "insert into logistics_stalled (order_id, detected_at, last_movement_at)"
                        + " values (?,?,?)",
                    order.orderId(),
                    now.atZone(zone).toOffsetDateTime(),
                    last.atZone(zone).toOffsetDateTime());
                String caseId =
                    cases
                        .open(
                            Source.DETECTOR,
                            order.orderId(),
                            null,
                            "物流停滞：最后一条物流信息在 "
                                + last.atZone(zone).toLocalDateTime().withNano(0)
                                + "，之后没有更新")
                        .record()
                        .caseId();
                jdbc.update(
                    "update logistics_stalled set case_id = ? where order_id = ?",
                    caseId,
                    order.orderId());
                return true;
              }));
    } catch (DuplicateKeyException anotherNodeWasFirst) {
      return false;
    }
  }
}
