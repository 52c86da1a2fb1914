package com.aftersales.shop;

import com.aftersales.shop.ShopEventHandler.Handled;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Hands every {@link ShopEvent} to every {@link ShopEventHandler}, once per change: an event whose
 * source id was handled before ({@code shop_event_seen}) is not handed out again. The id is
 * remembered only after every handler returned, so an event whose handling failed is handled again
 * when it is delivered again; the handlers' own idempotency covers a repeat that arrives while the
 * first delivery is still being handled (two nodes, a message and the reconciliation).
 *
 * <p>Retention: remembered ids older than {@link #SEEN_RETENTION} are forgotten ({@link
 * #forgetSeenBefore}); the platform does not redeliver a message that old, and a change seen again
 * after that is still recognised by the handlers (a refund's case, a case already moved).
 */
@Service
public class ShopEvents {

  /** How long a handled event's source id is remembered. */
  public static final Duration SEEN_RETENTION = Duration.ofDays(14);

  private static final Logger LOG = LoggerFactory.getLogger(ShopEvents.class);
  private static final int MAX_ID = 160;

  /**
   * What became of an event: {@code repeat} when its source id was handled before (then nothing was
   * done), else the cases the handlers moved and the open cases that did not wait for it.
   */
  public record Dispatched(boolean repeat, List<String> applied, List<String> ignored) {}

  private final ObjectProvider<ShopEventHandler> handlers;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  ShopEvents(ObjectProvider<ShopEventHandler> handlers, JdbcTemplate jdbc, Clock clock) {
    this.handlers = handlers;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Hands the event to every handler, unless its source id was handled before.
   *
   * @throws RuntimeException what a handler threw: the event is not remembered then
   */
  public Dispatched dispatch(ShopEvent event) {
    String id = sourceId(event);
    if (id != null && seen(id)) {
      LOG.debug("{} {} seen before, not handled again", kind(event), id);
      return new Dispatched(true, List.of(), List.of());
    }
    Handled all = Handled.NOTHING;
    for (ShopEventHandler handler : handlers.orderedStream().toList()) {
      all = all.and(handler.handle(event));
    }
    if (id != null) {
      remember(id, event);
    }
    return new Dispatched(false, all.applied(), all.ignored());
  }

  /** Whether an event with this source id was handled. */
  public boolean seen(String sourceId) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from shop_event_seen where source_id = ?", Integer.class, sourceId);
    return n != null && n > 0;
  }

  /** Forgets the source ids handled before {@code cutoff}; returns how many. */
  public int forgetSeenBefore(OffsetDateTime cutoff) {
    return jdbc.update("delete from shop_event_seen where seen_at < ?", cutoff);
  }

  private void remember(String id, ShopEvent event) {
    try {
      jdbc.update(
          "insert into shop_event_seen (source_id, kind, order_id, seen_at) values (?,?,?,?)",
          id,
          kind(event),
          event.orderId() == null || event.orderId().length() > 64 ? null : event.orderId(),
          OffsetDateTime.now(clock));
    } catch (DuplicateKeyException handledMeanwhile) {
      // another node handled the same delivery at the same time: remembered once is enough
    }
  }

  private static String sourceId(ShopEvent event) {
    String id = event.source() == null ? null : event.source().id();
    if (id == null || id.isBlank()) {
      return null;
    }
    return id.length() > MAX_ID ? id.substring(0, MAX_ID) : id;
  }

  static String kind(ShopEvent event) {
    return event.getClass().getSimpleName();
  }
}
