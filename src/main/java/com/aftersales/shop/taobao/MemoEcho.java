package com.aftersales.shop.taobao;

import com.aftersales.shop.Flag;
import com.aftersales.shop.taobao.SellerMemo.Entry;
import com.aftersales.shop.taobao.SellerMemo.Section;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tells a seller memo someone changed in the back office from the echo of our own writes: every
 * {@code taobao.trade.memo.update} the flows make comes back as a memo-changed message too. Only
 * the lines the adapter did not write ({@link SellerMemo#foreign}, read against {@code
 * taobao_remark}) are news.
 */
final class MemoEcho {

  private final JdbcTemplate jdbc;

  MemoEcho(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The memo's lines someone wrote by hand, or null when every line is ours (the echo of our own
   * write). An empty memo was cleared: it is news, shown as empty.
   */
  String handWritten(String tid, String memo) {
    if (memo == null || memo.isBlank()) {
      return "";
    }
    return SellerMemo.foreign(memo, entries(tid));
  }

  private List<Entry> entries(String tid) {
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
        tid);
  }
}
