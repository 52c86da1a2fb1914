package com.aftersales.cases;

import java.time.OffsetDateTime;

/** One entry of a case's timeline: a step done, by whom, when, with its decision. */
public record CaseEvent(
    OffsetDateTime occurredAt, String step, String stepName, String actor, String detail) {}
