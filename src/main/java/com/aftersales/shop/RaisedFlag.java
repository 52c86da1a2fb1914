package com.aftersales.shop;

import java.time.OffsetDateTime;

/** A flag that applies to an order now, with the note of the step that raised it. */
public record RaisedFlag(Flag flag, String note, OffsetDateTime raisedAt, boolean shown) {}
