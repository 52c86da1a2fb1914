package com.aftersales.shop.taobao;

import com.aftersales.shop.Flag;
import com.aftersales.shop.FlagStack;
import com.aftersales.shop.RaisedFlag;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.UnknownOrderException;
import com.aftersales.shop.taobao.SellerMemo.Entry;
import com.aftersales.shop.taobao.SellerMemo.Section;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Flags and remarks written back to the platform's seller memo ({@code taobao.trade.memo.update})
 * in the format of {@link SellerMemo}; every remark is kept in {@code taobao_remark}, so what the
 * memo has no room for is never lost. Each write reads the memo first, keeps any line written by
 * hand as a remark of its own, and writes the memo again with the current flag (or the new one).
 *
 * <p>Two writes to one trade at the same moment can show the memo without the other's newest line
 * until the next write; no remark is lost, since the table, not the memo, holds them.
 */
final class TaobaoRemarks {

  private static final int MAX_BODY = 10_000;

  private final TaobaoTrades trades;
  private final TopClient top;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final FlagStack flags;

  TaobaoRemarks(TaobaoTrades trades, TopClient top, JdbcTemplate jdbc, Clock clock) {
    this.flags = new FlagStack(jdbc, clock);
    this.trades = trades;
    this.top = top;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Raises the flag; the memo shows the most urgent raised flag ({@link FlagStack}). */
  void setFlag(String orderId, Flag flag, String note) {
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("a flag always carries a note");
    }
    JsonNode trade = trade(orderId);
    FlagStack.Shown shown = flags.raise(tid(trade, orderId), flag, note);
    write(trade, orderId, Section.FLAG, shown.flag(), shown.note());
  }

  /**
   * Lowers the flag: the memo shows the next raised flag, or none (flag 0, the platform's grey); a
   * memo left empty is cleared with {@code reset}.
   */
  void clearFlag(String orderId, Flag flag, String note) {
    if (!flags.isRaised(orderId, flag)) {
      return;
    }
    JsonNode trade = trade(orderId);
    FlagStack.Shown shown = flags.lower(tid(trade, orderId), flag);
    if (shown != null) {
      write(trade, orderId, Section.FLAG, shown.flag(), shown.note());
    } else {
      write(trade, orderId, Section.FLAG, null, flag.label() + "已撤：" + note);
    }
  }

  List<RaisedFlag> flags(String orderId) {
    return flags.raised(orderId);
  }

  void addRemark(String orderId, RemarkColumn column, String text) {
    write(trade(orderId), orderId, Section.valueOf(column.name()), null, text);
  }

  private JsonNode trade(String orderId) {
    JsonNode trade = trades.trade(orderId, "tid,seller_memo,seller_flag");
    if (trade == null) {
      throw new UnknownOrderException(orderId);
    }
    return trade;
  }

  private static String tid(JsonNode trade, String orderId) {
    return trade.path("tid").asText(orderId);
  }

  /** Every remark of the order, oldest first. */
  List<Entry> entries(String orderId) {
    return jdbc.query(
        "select id, remark_column, flag, body, written_at from taobao_remark where order_id = ?"
            + " order by written_at, id",
        (rs, row) ->
            new Entry(
                rs.getLong("id"),
                Section.valueOf(rs.getString("remark_column")),
                rs.getString("flag") == null ? null : Flag.valueOf(rs.getString("flag")),
                rs.getString("body"),
                rs.getObject("written_at", OffsetDateTime.class)),
        orderId);
  }

  /**
   * Writes the memo with a new entry. A {@link Section#FLAG} entry sets the memo's flag: {@code
   * flag} null clears it (0); any other entry keeps the trade's flag as it is.
   */
  private void write(JsonNode trade, String orderId, Section section, Flag flag, String text) {
    String tid = tid(trade, orderId);
    OffsetDateTime now = OffsetDateTime.now(clock);
    String foreign = SellerMemo.foreign(TopJson.text(trade, "seller_memo"), entries(tid));
    if (foreign != null && !known(tid, foreign)) {
      insert(tid, Section.MEMO, null, foreign, now);
    }
    insert(tid, section, flag, text, now);
    Map<String, String> params = new HashMap<>();
    params.put("tid", tid);
    String memo = SellerMemo.compose(entries(tid));
    params.put("memo", memo);
    if (memo.isEmpty()) {
      params.put("reset", "true"); // an empty memo alone would leave the old one standing
    }
    if (section == Section.FLAG) {
      params.put("flag", String.valueOf(flag == null ? 0 : SellerMemo.flagNumber(flag)));
    } else if (TopJson.text(trade, "seller_flag") != null) {
      params.put("flag", TopJson.text(trade, "seller_flag")); // kept as it is
    }
    top.call("taobao.trade.memo.update", params);
  }

  private boolean known(String tid, String body) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from taobao_remark where order_id = ? and remark_column = 'MEMO'"
                + " and body = ?",
            Integer.class,
            tid,
            body);
    return n != null && n > 0;
  }

  private void insert(String tid, Section section, Flag flag, String body, OffsetDateTime at) {
    jdbc.update(
        "insert into taobao_remark (order_id, remark_column, flag, body, written_at)"
            + " values (?,?,?,?,?)",
        tid,
        section.name(),
        flag == null ? null : flag.name(),
        body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body,
        at);
  }
}
