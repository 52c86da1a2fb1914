package com.aftersales.shop;

import java.time.OffsetDateTime;

/** One step of a parcel's logistics trace. */
public record TraceStep(OffsetDateTime time, String description) {}
