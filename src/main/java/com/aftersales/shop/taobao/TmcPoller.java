package com.aftersales.shop.taobao;

import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.ShopContact;
import com.aftersales.shop.ShopContact.Channel;
import com.aftersales.shop.ShopEvent;
import com.aftersales.shop.ShopEvents;
import com.aftersales.shop.ShopSessionExpiredException;
import com.aftersales.shop.taobao.TmcMessages.Message;
import com.aftersales.shop.taobao.TmcMessages.UnreadableMessage;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Listens to the platform's message service (TMC) by polling: {@code taobao.tmc.messages.consume}
 * (up to {@value #QUANTITY} messages; the platform allows 10–200), each message turned into a
 * {@link ShopEvent} ({@link TmcMessages}) and handed to {@link ShopEvents}, then {@code
 * taobao.tmc.messages.confirm} with the ids of the messages handled (at most {@value #MAX_CONFIRM}
 * per call). A message whose handling failed is not confirmed: the platform delivers it again, and
 * only its id and topic are logged (no buyer data). Messages of topics that move no case, and
 * messages that cannot be read, are confirmed and ignored. A full batch is followed at once by the
 * next, up to {@value #MAX_BATCHES} per round.
 *
 * <p>Every round that reached the platform counts as hearing from the shop ({@link ShopContact}).
 * An invalid or expired session is logged as an error, shown on the console, and the polling goes
 * on at a slower pace ({@link #EXPIRED_PACE}) until the session works again: it never stops
 * silently.
 */
@Component
@ConditionalOnProperty(name = "aftersales.shop.adapter", havingValue = "taobao")
public class TmcPoller {

  static final String CONSUME = "taobao.tmc.messages.consume";
  static final String CONFIRM = "taobao.tmc.messages.confirm";
  static final int QUANTITY = 100;
  static final String QUANTITY_PARAM = "quantity"; // not a process variable: a TOP parameter
  static final int MAX_CONFIRM = 200;
  static final int MAX_BATCHES = 10;

  /** How often the message service is asked while the shop's session is expired. */
  static final Duration EXPIRED_PACE = Duration.ofMinutes(1);

  private static final Logger LOG = LoggerFactory.getLogger(TmcPoller.class);

  /** What one round did. */
  public record Round(int consumed, List<String> confirmed, List<String> failed, boolean expired) {}

  private final TopClient top;
  private final ShopEvents events;
  private final ShopBackOffice shop;
  private final ShopContact contact;
  private final MemoEcho echo;
  private final Clock clock;
  private volatile Instant pausedUntil = Instant.MIN;

  public TmcPoller(
      TopClient top,
      ShopEvents events,
      ShopBackOffice shop,
      ShopContact contact,
      JdbcTemplate jdbc,
      Clock clock) {
    this.top = top;
    this.events = events;
    this.shop = shop;
    this.contact = contact;
    this.echo = new MemoEcho(jdbc);
    this.clock = clock;
  }

  /** A scheduled round: skipped while the slower pace of an expired session says to wait. */
  public Optional<Round> pollIfDue() {
    if (Instant.now(clock).isBefore(pausedUntil)) {
      return Optional.empty();
    }
    return Optional.of(poll());
  }

  /**
   * Consumes, handles and confirms until a batch is not full (or {@value #MAX_BATCHES} batches).
   */
  public Round poll() {
    int consumed = 0;
    List<String> confirmed = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    boolean expired = false;
    try {
      for (int batch = 0; batch < MAX_BATCHES; batch++) {
        JsonNode answer =
            top.callWithoutSession(CONSUME, Map.of(QUANTITY_PARAM, String.valueOf(QUANTITY)));
        List<JsonNode> messages = new ArrayList<>();
        answer.path("messages").path("tmc_message").forEach(messages::add);
        consumed += messages.size();
        List<String> handled = new ArrayList<>();
        expired |= handle(messages, handled, failed);
        confirm(handled);
        confirmed.addAll(handled);
        if (messages.size() < QUANTITY) {
          break;
        }
      }
      contact.heard(Channel.TMC);
    } catch (ShopSessionExpiredException e) {
      expired = true;
    } catch (RuntimeException e) {
      LOG.warn("Polling the platform's message service failed: {}", e.getMessage());
      contact.failed(Channel.TMC, e.getMessage(), false);
    }
    if (expired) {
      sessionExpired();
    } else {
      pausedUntil = Instant.MIN;
    }
    return new Round(consumed, confirmed, failed, expired);
  }

  /**
   * Hands each message (oldest first) to the shop's event handling; collects the ids to confirm.
   *
   * @return whether the shop's session was found expired
   */
  private boolean handle(List<JsonNode> messages, List<String> handled, List<String> failed) {
    boolean expired = false;
    List<Message> read = new ArrayList<>();
    for (JsonNode raw : messages) {
      try {
        read.add(TmcMessages.read(raw));
      } catch (UnreadableMessage e) {
        String id = raw.path("id").asText();
        LOG.warn(
            "TMC message {} ({}) cannot be read ({}): confirmed and ignored",
            id,
            raw.path("topic").asText(),
            e.getMessage());
        handled.add(id);
      }
    }
    read.sort(
        Comparator.comparing(
                Message::published,
                Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder()))
            .thenComparing(Message::id));
    for (Message m : read) {
      try {
        Optional<ShopEvent> event = TmcMessages.event(m, shop, echo);
        if (event.isPresent()) {
          events.dispatch(event.get());
        }
        handled.add(m.id());
      } catch (UnreadableMessage e) {
        LOG.warn(
            "TMC message {} ({}) cannot be read ({}): confirmed and ignored",
            m.id(),
            m.topic(),
            e.getMessage());
        handled.add(m.id());
      } catch (ShopSessionExpiredException e) {
        expired = true;
        failed.add(m.id());
        LOG.warn(
            "TMC message {} ({}) not handled: the shop's session is expired", m.id(), m.topic());
      } catch (RuntimeException e) {
        failed.add(m.id());
        // the id and topic only: the cause's message may name the buyer's order details
        LOG.warn(
            "TMC message {} ({}) not handled ({}); it is not confirmed and comes again",
            m.id(),
            m.topic(),
            e.getClass().getSimpleName());
      }
    }
    return expired;
  }

  private void confirm(List<String> handled) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(handled));
    for (int from = 0; from < ids.size(); from += MAX_CONFIRM) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + MAX_CONFIRM));
      top.callWithoutSession(CONFIRM, Map.of("s_message_ids", String.join(",", chunk)));
    }
  }

  private void sessionExpired() {
    pausedUntil = Instant.now(clock).plus(EXPIRED_PACE);
    contact.failed(
        Channel.TMC,
        "店铺授权（session key）无效或已过期，平台消息无法处理；每 " + EXPIRED_PACE.toMinutes() + " 分钟重试一次",
        true);
    LOG.error(
        "The shop's session key is invalid or expired: the platform's messages cannot be handled"
            + " until the application is authorised again and aftersales.shop.taobao.session-key"
            + " (TAOBAO_SESSION_KEY) is renewed; polling goes on every {}",
        EXPIRED_PACE);
  }
}
