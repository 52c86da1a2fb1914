package com.aftersales.orders;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code aftersales.orders.import}: how much one order report may hold and how many imports a node
 * runs at once, so that no file a clerk uploads can take the node down.
 *
 * @param maxRows data rows one report may have; a longer file is refused whole (413)
 * @param maxUnpackedSize what an .xlsx may unpack to (it is a zip: 13 MB can unpack to 1 GB)
 * @param maxErrorsKept rejected rows whose reasons are stored per import (all are counted)
 * @param concurrent imports running at once on a node
 * @param queued imports waiting for a place; beyond that an upload is refused (429)
 * @param staleAfter a running import not heard from this long died with its node: marked failed
 */
@Validated
@ConfigurationProperties("aftersales.orders.import")
record ImportLimits(
    @DefaultValue("200000") @Min(1) int maxRows,
    @DefaultValue("200MB") @NotNull DataSize maxUnpackedSize,
    @DefaultValue("1000") @Min(0) int maxErrorsKept,
    @DefaultValue("2") @Min(1) @Max(16) int concurrent,
    @DefaultValue("4") @Min(0) int queued,
    @DefaultValue("PT5M") @NotNull Duration staleAfter) {}
