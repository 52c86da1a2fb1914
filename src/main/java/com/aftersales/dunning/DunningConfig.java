package com.aftersales.dunning;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code aftersales.dunning.*}: how often an unreachable buyer is contacted before they are left to
 * pay (or not) by themselves. The daily run's {@code daily-run} and {@code daily-run-enabled} are
 * read by {@link DunningScheduler}.
 *
 * @param maxAttempts contacts before an unreachable buyer is left alone (SOP §6: 3)
 */
@Validated
@ConfigurationProperties(prefix = "aftersales.dunning")
record DunningConfig(@DefaultValue("3") @Min(1) int maxAttempts) {}
