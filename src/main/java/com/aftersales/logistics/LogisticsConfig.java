package com.aftersales.logistics;

import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code aftersales.logistics.*}: the no-movement detector's reach and the words of a trace step
 * that mean the parcel was delivered. How long a trace may stand still is the deadline {@code
 * aftersales.deadlines.logistics-no-movement}; the run's {@code detector-run} and {@code
 * detector-enabled} are read by {@link NoMovementScheduler}.
 *
 * @param lookBackDays shipped orders paid longer ago than this are left alone
 * @param deliveredWords a trace step containing one of these means delivered
 */
@Validated
@ConfigurationProperties(prefix = "aftersales.logistics")
record LogisticsConfig(
    @DefaultValue("30") @Min(1) int lookBackDays,
    @DefaultValue({"签收", "妥投"}) List<String> deliveredWords) {}
