package com.aftersales.shop;

import java.time.OffsetDateTime;

/**
 * A message that reached the buyer: what, how, by whom ({@code system} for the platform API) and
 * when; {@code adapter} says which back office carried it ({@code local} for the demo outbox).
 */
public record SentMessage(
    long id,
    String orderId,
    String caseId,
    MessagePurpose purpose,
    String text,
    MessageChannel channel,
    String sentBy,
    OffsetDateTime sentAt,
    String adapter,
    String refundId) {}
