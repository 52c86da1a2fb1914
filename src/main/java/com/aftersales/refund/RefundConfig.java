package com.aftersales.refund;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The refund's configuration ({@code aftersales.*}), checked when the application starts.
 *
 * @param returnAddress where buyers send returns ({@code aftersales.return-address}); shown to the
 *     agent and written to the order's internal remark
 */
@Validated
@ConfigurationProperties(prefix = "aftersales")
record RefundConfig(@NotBlank String returnAddress) {}
