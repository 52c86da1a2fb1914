package com.aftersales.shop;

/**
 * A message to the buyer of {@code orderId} for case {@code caseId}. With {@code confirmedBy} set,
 * an agent has sent the text in Qianniu chat and the back office only records it; otherwise it goes
 * as a message on the platform refund {@code refundId}, which must then be set.
 */
public record BuyerMessage(
    String orderId,
    String caseId,
    MessagePurpose purpose,
    String text,
    String refundId,
    String confirmedBy) {

  /** Longest text a message may carry (the platform's refund message takes 400 bytes). */
  public static final int MAX_LENGTH = 1000;

  public BuyerMessage {
    if (orderId == null || orderId.isBlank()) {
      throw new IllegalArgumentException("a buyer message belongs to an order");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a buyer message has a text");
    }
    if (text.length() > MAX_LENGTH) {
      // never cut a message short: the buyer would get less than the record says
      throw new IllegalArgumentException(
          "a buyer message has at most " + MAX_LENGTH + " characters");
    }
    if (purpose == null) {
      throw new IllegalArgumentException("a buyer message has a purpose");
    }
  }

  /** A message an agent sent in Qianniu and confirmed. */
  public static BuyerMessage sentByAgent(
      String orderId, String caseId, MessagePurpose purpose, String text, String agent) {
    if (agent == null || agent.isBlank()) {
      throw new IllegalArgumentException("an agent confirms a chat message");
    }
    return new BuyerMessage(orderId, caseId, purpose, text, null, agent);
  }

  /** A message on the buyer's platform refund. */
  public static BuyerMessage onRefund(
      String orderId, String caseId, MessagePurpose purpose, String text, String refundId) {
    if (refundId == null || refundId.isBlank()) {
      throw new IllegalArgumentException("a refund message needs the platform refund id");
    }
    return new BuyerMessage(orderId, caseId, purpose, text, refundId, null);
  }

  public MessageChannel channel() {
    return confirmedBy != null ? MessageChannel.QIANNIU : MessageChannel.REFUND_MESSAGE;
  }
}
