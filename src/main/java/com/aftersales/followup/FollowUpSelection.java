package com.aftersales.followup;

import static com.aftersales.cases.CaseVariables.ORDER_ID;
import static com.aftersales.followup.FollowUpCallVariables.FOLLOW_UP_AT;
import static com.aftersales.followup.FollowUpCallVariables.FOLLOW_UP_DUE;
import static com.aftersales.followup.FollowUpCallVariables.PROCESS_KEY;
import static com.aftersales.followup.FollowUpCallVariables.SCENARIO;

import com.aftersales.base.Access;
import com.aftersales.shop.Order;
import com.aftersales.shop.ShopBackOffice;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily selection of follow-up calls (SOP §7): which orders are called for which scenario, in
 * which region's slot, and the calls it opens ({@code bpmn/follow-up-call.bpmn}).
 */
@Service
public class FollowUpSelection {

  /** What a selection run did, per scenario. */
  public record Selection(LocalDate date, Map<Scenario, Integer> selected) {}

  /** Order numbers per statement when looking up which orders were called already. */
  private static final int CHUNK = 1000;

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final RuntimeService runtime;
  private final IdentityService identity;
  private final TransactionTemplate tx;
  private final ShopBackOffice shop;
  private final FollowUpConfig config;
  private final ZoneId zone;

  FollowUpSelection(
      JdbcTemplate jdbc,
      RuntimeService runtime,
      IdentityService identity,
      PlatformTransactionManager transactions,
      ShopBackOffice shop,
      FollowUpConfig config,
      Clock clock) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.runtime = runtime;
    this.identity = identity;
    this.tx = new TransactionTemplate(transactions);
    this.shop = shop;
    this.config = config;
    this.zone = clock.getZone();
  }

  /** Today in the shop's time zone, by the engine's clock. */
  public LocalDate today() {
    return now().toLocalDate();
  }

  private ZonedDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(zone);
  }

  /**
   * Selects the calls for {@code date}: delivered orders some days after sign-off, shipped orders
   * still not delivered, paid orders of products out of stock. Each order is called at most once
   * per scenario, also when runs repeat or race: the unique order and scenario in {@code
   * follow_up_call} lets only one of them open the call.
   */
  public Selection select(LocalDate date) {
    // the role was checked; the system opens the calls
    return Access.asSystem(identity, () -> openCalls(date));
  }

  private Selection openCalls(LocalDate date) {
    OffsetDateTime end = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    Duration window = config.windowDays();
    Duration received = config.receivedAfterDays();
    Duration notReceived = config.notReceivedAfterDays();
    Map<Scenario, Integer> selected = new EnumMap<>(Scenario.class);
    selected.put(
        Scenario.RECEIVED,
        open(
            date,
            Scenario.RECEIVED,
            shop.deliveredOrders(end.minus(received.plus(window)), end.minus(received))));
    selected.put(
        Scenario.NOT_RECEIVED,
        open(
            date,
            Scenario.NOT_RECEIVED,
            shop.undeliveredOrders(end.minus(notReceived.plus(window)), end.minus(notReceived))));
    selected.put(
        Scenario.OUT_OF_STOCK,
        open(
            date,
            Scenario.OUT_OF_STOCK,
            shop.paidOrdersOf(
                jdbc.queryForList("select item_title from stock_out", String.class))));
    return new Selection(date, selected);
  }

  private int open(LocalDate date, Scenario scenario, List<Order> candidates) {
    Set<String> called = alreadyCalled(scenario, candidates);
    int opened = 0;
    for (Order order : candidates) {
      if (!called.contains(order.orderId()) && openCall(date, scenario, order)) {
        opened++;
      }
    }
    return opened;
  }

  /** The orders among {@code orders} that have a call for {@code scenario} already. */
  private Set<String> alreadyCalled(Scenario scenario, List<Order> orders) {
    Set<String> found = new HashSet<>();
    List<String> ids = orders.stream().map(Order::orderId).toList();
    for (int i = 0; i < ids.size(); i += CHUNK) {
      found.addAll(
          named.queryForList(
              "select order_id from follow_up_call where scenario = :scenario"
                  + " and order_id in (:ids)",
              Map.of(
                  CallRecord.SCENARIO,
                  scenario.name(),
                  "ids",
                  ids.subList(i, Math.min(ids.size(), i + CHUNK))),
              String.class));
    }
    return found;
  }

  private boolean openCall(LocalDate date, Scenario scenario, Order order) {
    String caseId = "FOLLOWUP-" + scenario.name() + "-" + order.orderId();
    String province = Provinces.of(order.address());
    FollowUpConfig.Region region = config.region(province);
    ZonedDateTime[] slot = slot(date, region);
    try {
      return Boolean.TRUE.equals(
          tx.execute(
              s -> {
                jdbc.update(
                    "insert into follow_up_call (case_id, order_id, scenario, buyer_id, item_title,"
                        + " province, region, selected_on, follow_up_at) values (?,?,?,?,?,?,?,?,?)",
                    caseId,
                    order.orderId(),
                    scenario.name(),
                    order.buyerId(),
                    order.itemTitle(),
                    province,
                    region.code(),
                    date,
                    slot[0].toOffsetDateTime());
                Map<String, Object> vars = new HashMap<>();
                ORDER_ID.put(vars, order.orderId());
                SCENARIO.put(vars, scenario);
                FOLLOW_UP_AT.put(vars, Date.from(slot[0].toInstant()));
                FOLLOW_UP_DUE.put(vars, Date.from(slot[1].toInstant()));
                runtime.startProcessInstanceByKey(PROCESS_KEY, caseId, vars);
                return true;
              }));
    } catch (DuplicateKeyException alreadySelected) {
      return false;
    }
  }

  /** The region's slot on {@code date}, or the next day's when that one has already passed. */
  ZonedDateTime[] slot(LocalDate date, FollowUpConfig.Region region) {
    LocalDate day = today().isAfter(date) ? today() : date;
    ZonedDateTime end = day.atTime(region.slotEnd()).atZone(zone);
    if (!end.isAfter(now())) {
      day = day.plusDays(1);
      end = day.atTime(region.slotEnd()).atZone(zone);
    }
    return new ZonedDateTime[] {day.atTime(region.slotStart()).atZone(zone), end};
  }
}
