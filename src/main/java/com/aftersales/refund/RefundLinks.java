package com.aftersales.refund;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@code refund_platform_link}: which case handles each refund the buyer filed on the platform, and
 * the platform's time of the latest change applied to it. One row per platform refund (the primary
 * key), so a repeated message, the reconciliation or a second node never opens a twin; a refund
 * that ended on the platform stays FINISHED, so nothing late reopens or moves it.
 */
@Repository
class RefundLinks {

  enum State {
    /** A case handles the refund ({@code caseId}; while it opens, not yet named). */
    OPEN,
    /** No case could be opened; {@code note} says why. A newer "created" tries again. */
    NOT_OPENED,
    /** Closed or paid on the platform: nothing more is applied. */
    FINISHED
  }

  record Link(
      String refundId,
      String orderId,
      String caseId,
      State state,
      OffsetDateTime lastModified,
      String note) {

    /** Whether a change of {@code modified} is older than the latest one applied. */
    boolean appliedLaterThan(OffsetDateTime modified) {
      return lastModified != null && modified != null && modified.isBefore(lastModified);
    }
  }

  private final JdbcTemplate jdbc;
  private final Clock clock;

  RefundLinks(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<Link> find(String refundId) {
    return jdbc
        .query(
            "select refund_id, order_id, case_id, state, last_modified, note"
                + " from refund_platform_link where refund_id = ?",
            (rs, i) ->
                new Link(
                    rs.getString("refund_id"),
                    rs.getString("order_id"),
                    rs.getString("case_id"),
                    State.valueOf(rs.getString("state")),
                    rs.getObject("last_modified", OffsetDateTime.class),
                    rs.getString("note")),
            refundId)
        .stream()
        .findFirst();
  }

  /**
   * Claims the refund for a case about to be opened, in the opening's transaction: a concurrent
   * second claim waits for it and then fails with a duplicate key.
   */
  void claim(String refundId, String orderId, OffsetDateTime modified) {
    jdbc.update(
        "insert into refund_platform_link (refund_id, order_id, state, last_modified, linked_at)"
            + " values (?,?,?,?,?)",
        refundId,
        orderId,
        State.OPEN.name(),
        modified,
        OffsetDateTime.now(clock));
  }

  /**
   * Claims again a refund no case could be opened for, in the new opening's transaction.
   *
   * @throws DuplicateKeyException when another delivery claimed it meanwhile
   */
  void reclaim(String refundId, OffsetDateTime modified) {
    int claimed =
        jdbc.update(
            "update refund_platform_link set state = ?, last_modified = ?"
                + " where refund_id = ? and state = ?",
            State.OPEN.name(),
            modified,
            refundId,
            State.NOT_OPENED.name());
    if (claimed == 0) {
      throw new DuplicateKeyException("platform refund " + refundId + " was claimed meanwhile");
    }
  }

  /** A claimed refund is now handled by {@code caseId}. */
  void attach(String refundId, String caseId, OffsetDateTime modified) {
    jdbc.update(
        "update refund_platform_link set case_id = ?, state = ?, note = null,"
            + " last_modified = ? where refund_id = ?",
        caseId,
        State.OPEN.name(),
        modified,
        refundId);
  }

  /** No case could be opened for the refund: remembered with the reason. */
  void notOpened(String refundId, String orderId, OffsetDateTime modified, String note) {
    String reason = note == null || note.length() <= 500 ? note : note.substring(0, 500);
    int updated =
        jdbc.update(
            "update refund_platform_link set state = ?, note = ?, last_modified = ?"
                + " where refund_id = ? and case_id is null",
            State.NOT_OPENED.name(),
            reason,
            modified,
            refundId);
    if (updated == 0) {
      insert(refundId, orderId, State.NOT_OPENED, modified, reason);
    }
  }

  /**
   * A change of the refund at {@code modified} was handled: the latest time applied moves forward
   * (never back), and a refund that ended becomes FINISHED. A refund seen first ending gets its row
   * now, so a "created" arriving after it opens nothing.
   */
  void advance(String refundId, String orderId, OffsetDateTime modified, boolean finished) {
    int updated =
        jdbc.update(
            "update refund_platform_link set"
                + " last_modified = case when last_modified is null or last_modified < ?"
                + " then ? else last_modified end,"
                + " state = case when ? then 'FINISHED' else state end"
                + " where refund_id = ?",
            modified,
            modified,
            finished,
            refundId);
    if (updated == 0 && finished) {
      insert(refundId, orderId, State.FINISHED, modified, null);
    }
  }

  private void insert(
      String refundId, String orderId, State state, OffsetDateTime modified, String note) {
    try {
      jdbc.update(
          "insert into refund_platform_link (refund_id, order_id, state, last_modified, note,"
              + " linked_at) values (?,?,?,?,?,?)",
          refundId,
          orderId,
          state.name(),
          modified,
          note,
          OffsetDateTime.now(clock));
    } catch (DuplicateKeyException meanwhile) {
      // another node wrote the refund's row a moment ago
      if (state == State.FINISHED) {
        advance(refundId, orderId, modified, true);
      }
    }
  }
}
