package com.aftersales.shop;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When the shop was last heard from ({@code shop_contact}): each channel that listens to the
 * platform (the message service, the reconciliation of refunds) records its successful rounds and
 * its failures here, the reconciliation its watermark, and the supervisor console shows the {@link
 * #status()}: the last time anything arrived, and a warning when the shop's session expired or the
 * last round failed. Shared by every node through the table.
 */
@Component
public class ShopContact {

  /** A way the platform is listened to. */
  public enum Channel {
    TMC,
    RECONCILE
  }

  /** One channel's record. */
  public record ChannelStatus(
      Channel channel,
      OffsetDateTime lastOkAt,
      OffsetDateTime lastErrorAt,
      String lastError,
      boolean sessionExpired) {}

  /**
   * What the console shows: the adapter, when the shop was last heard from (null: never), and a
   * warning in Chinese (null: none).
   */
  public record Status(
      String adapter,
      OffsetDateTime lastHeard,
      boolean sessionExpired,
      String warning,
      List<ChannelStatus> channels) {}

  static final String SESSION_WARNING =
      "店铺授权（session key）已失效或被撤销：收不到平台消息，也无法同步退款。请店铺主账号重新授权本应用，"
          + "把新的 session key 配置到 TAOBAO_SESSION_KEY 后重启；在此之前系统放慢频率继续重试。";

  private static final int MAX_ERROR = 500;

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final String adapter;

  /**
   * The method a call with the shop's session was last refused for as an invalid session, or null
   * once a call with the session succeeded. Kept in memory: a step's failing transaction cannot
   * erase it, and the console of this node warns at once.
   */
  private final java.util.concurrent.atomic.AtomicReference<String> sessionRefusedFor =
      new java.util.concurrent.atomic.AtomicReference<>();

  ShopContact(
      JdbcTemplate jdbc, Clock clock, @Value("${aftersales.shop.adapter:local}") String adapter) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.adapter = adapter;
  }

  /** A round of {@code channel} succeeded: the shop was heard from now. */
  public void heard(Channel channel) {
    upsert(
        channel,
        "update shop_contact set last_ok_at = ?, session_expired = ? where channel = ?",
        OffsetDateTime.now(clock),
        false,
        channel.name());
  }

  /**
   * A round of {@code channel} failed; {@code error} says why (never buyer data, never a secret).
   */
  public void failed(Channel channel, String error, boolean sessionExpired) {
    String text = error == null ? "" : error;
    upsert(
        channel,
        "update shop_contact set last_error_at = ?, last_error = ?, session_expired = ?"
            + " where channel = ?",
        OffsetDateTime.now(clock),
        text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text,
        sessionExpired,
        channel.name());
  }

  /** A call with the shop's session ({@code method}) was refused: the session is invalid. */
  public void sessionRefused(String method) {
    sessionRefusedFor.set(method);
  }

  /** A call with the shop's session succeeded: the session is valid. */
  public void sessionAccepted() {
    sessionRefusedFor.set(null);
  }

  /** The channel's watermark, if it set one. */
  public Optional<OffsetDateTime> mark(Channel channel) {
    return jdbc
        .query(
            "select mark_at from shop_contact where channel = ?",
            (rs, i) -> rs.getObject(1, OffsetDateTime.class),
            channel.name())
        .stream()
        .filter(Objects::nonNull)
        .findFirst();
  }

  public void mark(Channel channel, OffsetDateTime at) {
    upsert(channel, "update shop_contact set mark_at = ? where channel = ?", at, channel.name());
  }

  public List<ChannelStatus> channels() {
    return jdbc.query(
        "select channel, last_ok_at, last_error_at, last_error, session_expired from shop_contact"
            + " order by channel",
        (rs, i) ->
            new ChannelStatus(
                Channel.valueOf(rs.getString("channel")),
                rs.getObject("last_ok_at", OffsetDateTime.class),
                rs.getObject("last_error_at", OffsetDateTime.class),
                rs.getString("last_error"),
                rs.getBoolean("session_expired")));
  }

  public Status status() {
    List<ChannelStatus> channels = channels();
    OffsetDateTime lastHeard =
        channels.stream()
            .map(ChannelStatus::lastOkAt)
            .filter(Objects::nonNull)
            .max(Comparator.naturalOrder())
            .orElse(null);
    boolean expired =
        sessionRefusedFor.get() != null
            || channels.stream().anyMatch(ChannelStatus::sessionExpired);
    String warning = expired ? SESSION_WARNING : null;
    if (warning == null) {
      warning =
          channels.stream()
              .filter(
                  c ->
                      c.lastErrorAt() != null
                          && (c.lastOkAt() == null || c.lastErrorAt().isAfter(c.lastOkAt())))
              .map(c -> "最近一次" + label(c.channel()) + "失败：" + c.lastError())
              .findFirst()
              .orElse(null);
    }
    return new Status(adapter, lastHeard, expired, warning, channels);
  }

  static String label(Channel channel) {
    return channel == Channel.TMC ? "接收平台消息" : "同步平台退款";
  }

  private void upsert(Channel channel, String update, Object... args) {
    if (jdbc.update(update, args) > 0) {
      return;
    }
    try {
      jdbc.update("insert into shop_contact (channel) values (?)", channel.name());
    } catch (org.springframework.dao.DuplicateKeyException insertedMeanwhile) {
      // another node created the row a moment ago
    }
    jdbc.update(update, args);
  }
}
