package com.aftersales.shop;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The flags that apply to each order ({@code shop_flag}), for the adapters: the back office holds
 * one flag per order (Taobao's {@code seller_flag}), while several causes can apply at once. Each
 * cause is raised by the step that causes it and lowered when it no longer applies; the order shows
 * the most urgent raised flag ({@link Flag#urgency()}), with a mention of the others, and when that
 * one is lowered the next one is shown again. A flag raised again (by another step or case) keeps
 * one row with the newer note; lowering it lowers it for the order.
 */
public final class FlagStack {

  /** What the back office shows: a flag and its note (naming the other raised flags). */
  public record Shown(Flag flag, String note) {}

  static final int NOTE_LIMIT = 1000;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public FlagStack(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Raises {@code flag} on the order (or renews its note); returns what the order shows now. */
  public Shown raise(String orderId, Flag flag, String note) {
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("a flag always carries a note");
    }
    String kept = note.length() > NOTE_LIMIT ? note.substring(0, NOTE_LIMIT) : note;
    OffsetDateTime now = OffsetDateTime.now(clock);
    int updated =
        jdbc.update(
            "update shop_flag set note = ?, raised_at = ? where order_id = ? and flag = ?",
            kept,
            now,
            orderId,
            flag.name());
    if (updated == 0) {
      jdbc.update(
          "insert into shop_flag (order_id, flag, note, raised_at) values (?,?,?,?)",
          orderId,
          flag.name(),
          kept,
          now);
    }
    return shown(orderId);
  }

  public boolean isRaised(String orderId, Flag flag) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from shop_flag where order_id = ? and flag = ?",
            Integer.class,
            orderId,
            flag.name());
    return n != null && n > 0;
  }

  /** Lowers {@code flag}; returns what the order shows now, null when no flag applies any more. */
  public Shown lower(String orderId, Flag flag) {
    jdbc.update("delete from shop_flag where order_id = ? and flag = ?", orderId, flag.name());
    return shown(orderId);
  }

  /** The raised flags of the order, the shown (most urgent) one first. */
  public List<RaisedFlag> raised(String orderId) {
    List<RaisedFlag> rows =
        jdbc.query(
            "select flag, note, raised_at from shop_flag where order_id = ?",
            (rs, i) ->
                new RaisedFlag(
                    Flag.valueOf(rs.getString("flag")),
                    rs.getString("note"),
                    rs.getObject("raised_at", OffsetDateTime.class),
                    false),
            orderId);
    List<RaisedFlag> sorted =
        rows.stream().sorted(Comparator.comparingInt(r -> r.flag().urgency())).toList();
    return java.util.stream.IntStream.range(0, sorted.size())
        .mapToObj(
            i -> {
              RaisedFlag r = sorted.get(i);
              return new RaisedFlag(r.flag(), r.note(), r.raisedAt(), i == 0);
            })
        .toList();
  }

  /** What the order shows: the most urgent raised flag, or null. */
  public Shown shown(String orderId) {
    List<RaisedFlag> raised = raised(orderId);
    if (raised.isEmpty()) {
      return null;
    }
    RaisedFlag top = raised.get(0);
    String others =
        raised.stream()
            .skip(1)
            .map(r -> r.flag().label() + "（" + r.flag().meaning() + "）")
            .collect(Collectors.joining("、"));
    String note = others.isEmpty() ? top.note() : top.note() + "【另有" + others + "】";
    return new Shown(top.flag(), note.length() > NOTE_LIMIT ? note.substring(0, NOTE_LIMIT) : note);
  }
}
