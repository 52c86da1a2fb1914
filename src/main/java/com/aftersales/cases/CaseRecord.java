package com.aftersales.cases;

import java.time.OffsetDateTime;

/** A row of the after-sales register (售后服务登记表): one case. */
public record CaseRecord(
    String caseId,
    CaseKind kind,
    String orderId,
    String buyerId,
    String description,
    String processInstanceId,
    CaseStatus status,
    String category,
    String outcome,
    String outcomeLabel,
    String openedBy,
    OffsetDateTime openedAt,
    OffsetDateTime closedAt) {}
