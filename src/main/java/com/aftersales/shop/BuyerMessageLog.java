package com.aftersales.shop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The record of every message that reached a buyer ({@code buyer_message}), written by the back
 * office adapter once the message went out (or the agent confirmed sending it), never before.
 */
@Component
public class BuyerMessageLog {

  /** Who sent a message the platform's API carried. */
  public static final String SYSTEM = "system";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  BuyerMessageLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records {@code message} as sent now, by its confirming agent or the system. */
  public SentMessage record(BuyerMessage message, String adapter) {
    OffsetDateTime now = OffsetDateTime.now(clock);
    String sentBy = message.confirmedBy() != null ? message.confirmedBy() : SYSTEM;
    String text = message.text();
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.update(
        con -> {
          var ps =
              con.prepareStatement(
                  "insert into buyer_message (order_id, case_id, refund_id, purpose, body,"
                      + " channel, sent_by, sent_at, adapter) values (?,?,?,?,?,?,?,?,?)",
                  Statement.RETURN_GENERATED_KEYS);
          ps.setString(1, message.orderId());
          ps.setString(2, message.caseId());
          ps.setString(3, message.refundId());
          ps.setString(4, message.purpose().name());
          ps.setString(5, text);
          ps.setString(6, message.channel().name());
          ps.setString(7, sentBy);
          ps.setObject(8, now);
          ps.setString(9, adapter);
          return ps;
        },
        key);
    Number id = (Number) key.getKeys().get(key.getKeys().containsKey("id") ? "id" : "ID");
    return new SentMessage(
        id.longValue(),
        message.orderId(),
        message.caseId(),
        message.purpose(),
        text,
        message.channel(),
        sentBy,
        now,
        adapter,
        message.refundId());
  }

  /** The messages of one case, oldest first. */
  public List<SentMessage> ofCase(String caseId) {
    return jdbc.query(
        "select * from buyer_message where case_id = ? order by sent_at, id", this::map, caseId);
  }

  /** The messages of one order, oldest first. */
  public List<SentMessage> ofOrder(String orderId) {
    return jdbc.query(
        "select * from buyer_message where order_id = ? order by sent_at, id", this::map, orderId);
  }

  private SentMessage map(ResultSet rs, int row) throws SQLException {
    return new SentMessage(
        rs.getLong("id"),
        rs.getString("order_id"),
        rs.getString("case_id"),
        MessagePurpose.valueOf(rs.getString("purpose")),
        rs.getString("body"),
        MessageChannel.valueOf(rs.getString("channel")),
        rs.getString("sent_by"),
        rs.getObject("sent_at", OffsetDateTime.class),
        rs.getString("adapter"),
        rs.getString("refund_id"));
  }
}
