package com.aftersales.claims;

import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code aftersales.price-drop.*}: when a buyer may ask for a price difference and how much one
 * request may refund. Seed 004 says only that the day the buyer paid the higher price is "close to"
 * the day of the cut; the 15 days are our default.
 *
 * @param windowDays the price was cut at most this many days after the buyer paid
 * @param maxAmount the most one request refunds, in yuan; none when empty
 */
@Validated
@ConfigurationProperties(prefix = "aftersales.price-drop")
record PriceDropSettings(@DefaultValue("15") @Min(0) int windowDays, BigDecimal maxAmount) {}
